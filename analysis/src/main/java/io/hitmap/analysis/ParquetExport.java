// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import io.hitmap.ingest.arrow.HitmapTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every table of a {@link HitmapDb} -> a directory of Parquet files per table, hive-partitioned by
 * capture ({@code DIR/c2c_lines/capture_id=3/data_0.parquet}), plus {@code DIR/README.txt}.
 *
 * <p>The layout is the one Spark's {@code partitionBy} writes: {@code capture_id} is in the directory
 * names only, so every reader that knows hive partitioning (DuckDB, Spark, Trino, pyarrow/pandas,
 * polars) reads it without conversion. Views ({@code sample_frames}) are not written: they are one
 * join over the tables that are, and {@code sample_frames} would hold many times the rows of
 * {@code sample_stacks} (BENCHMARKS.md). A table without rows gets no directory, since a hive
 * partition needs a capture_id.
 */
public final class ParquetExport {
    /** What one table became: its rows and the Parquet files holding them (0 and 0: no directory). */
    public record Table(String name, long rows, long files) {
    }

    private ParquetExport() {
    }

    /**
     * Writes every table of {@code db} under {@code dir}, which must be an existing empty directory,
     * and README.txt naming {@code source}. On failure the table directories written so far are deleted
     * again, so {@code dir} is left empty.
     */
    public static List<Table> write(HitmapDb db, Path dir, String source) throws SQLException, IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) { // the clean-up below empties dir: never on files of others
                throw new IllegalArgumentException(dir + " is not empty");
            }
        }
        List<Table> written = new ArrayList<>();
        try {
            for (String table : HitmapTables.TABLES.keySet()) {
                written.add(writeTable(db, dir, table));
            }
            Files.writeString(dir.resolve("README.txt"), ParquetReadme.text(source, written),
                    StandardCharsets.UTF_8);
        } catch (SQLException | IOException | RuntimeException e) {
            deleteContents(dir, e);
            throw e;
        }
        return written;
    }

    private static Table writeTable(HitmapDb db, Path dir, String table) throws SQLException, IOException {
        long rows = rows(db, table);
        if (rows == 0) {
            return new Table(table, 0, 0);
        }
        Path out = dir.resolve(table);
        // ORDER BY ALL: the key columns lead each table, so files come out in key order, the same bytes each run
        try (Statement st = db.connection().createStatement()) {
            st.execute("COPY (SELECT * FROM " + table + " ORDER BY ALL) TO " + literal(out.toAbsolutePath().toString())
                    + " (FORMAT PARQUET, PARTITION_BY (capture_id))");
        }
        return new Table(table, rows, parquetFiles(out));
    }

    private static long rows(HitmapDb db, String table) throws SQLException {
        try (Statement st = db.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long parquetFiles(Path tableDir) throws IOException {
        try (Stream<Path> files = Files.walk(tableDir)) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".parquet"))
                    .count();
        }
    }

    /** A SQL string literal: {@code it's} -> {@code 'it''s'}. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static void deleteContents(Path dir, Exception cause) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
