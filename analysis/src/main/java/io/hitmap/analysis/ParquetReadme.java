// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import io.hitmap.ingest.arrow.HitmapTables;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables {@link ParquetExport} wrote -> the README.txt beside them: layout, how to read it, counts. */
final class ParquetReadme {
    private ParquetReadme() {
    }

    /** No date or host in it: the same captures give the same file. */
    static String text(String source, List<ParquetExport.Table> tables) {
        StringBuilder b = new StringBuilder();
        b.append("hitmap tables as Parquet (hitmap schema_version ").append(StoreSchema.VERSION).append(")\n");
        b.append("Written by 'hitmap export' from ").append(source).append(".\n\n");
        b.append("""
                Layout: TABLE/capture_id=N/data_0.parquet, one directory per table and per capture
                (hive partitioning, as Spark's partitionBy writes it). capture_id is in the directory
                names only, not inside the files: read a table's directory with hive partitioning on.
                A table without rows has no directory. Columns: ingest/SCHEMA.md in the hitmap sources.

                  DuckDB:  select * from read_parquet('c2c_lines/**/*.parquet', hive_partitioning = true)
                           (capture_id comes back BIGINT; hive_types = {'capture_id': 'INTEGER'} keeps INTEGER)
                  Spark:   spark.read.parquet("c2c_lines")
                  pandas:  pandas.read_parquet("c2c_lines")            (pyarrow; capture_id is categorical)
                  polars:  polars.scan_parquet("c2c_lines/**/*.parquet", hive_partitioning=True)
                  Trino:   a Hive table with external_location = the c2c_lines directory,
                           partitioned_by = ARRAY['capture_id'] (its last column), then
                           CALL system.sync_partition_metadata('SCHEMA', 'c2c_lines', 'ADD')

                The view sample_frames is not written; in DuckDB, over views named after the tables:
                """);
        for (String t : List.of("samples", "sample_stacks")) {
            b.append("  create view ").append(t).append(" as select * from read_parquet('").append(t)
                    .append("/**/*.parquet', hive_partitioning = true);\n");
        }
        for (Map.Entry<String, String> v : HitmapTables.VIEWS.entrySet()) {
            b.append("  create view ").append(v.getKey()).append(" as\n");
            v.getValue().lines().forEach(l -> b.append("    ").append(l.strip()).append('\n'));
            b.setLength(b.length() - 1);
            b.append(";\n");
        }
        b.append("\ntable                    rows      files\n");
        for (ParquetExport.Table t : tables) {
            b.append(String.format(Locale.ROOT, "%-20s %10d %10d\n", t.name(), t.rows(), t.files()));
        }
        return b.toString();
    }
}
