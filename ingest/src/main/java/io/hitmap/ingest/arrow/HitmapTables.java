// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Every table of a hitmap database, whatever the capture kind: {@code captures} first, then the
 * c2c, profile and sample tables. The column names are the SQL interface documented in
 * ingest/SCHEMA.md.
 */
public final class HitmapTables {
    /** Table name -> schema, in creation order. */
    public static final Map<String, Schema> TABLES = all();

    /** View name -> query, created after the tables, in this order. */
    public static final Map<String, String> VIEWS = Collections.unmodifiableMap(new LinkedHashMap<>(ScriptSchemas.VIEWS));

    /** Table name -> the columns that make a row unique (and a parser bug that repeats one fail). */
    public static final Map<String, String> PRIMARY_KEYS = Map.of(
            C2cSchemas.CAPTURES, "capture_id",
            C2cSchemas.LINES, "capture_id, line_index",
            C2cSchemas.ACCESSES, "capture_id, line_index, row_in_line",
            ProfileSchemas.ENTRIES, "capture_id, section_no, entry_no",
            ProfileSchemas.MACHINE, "capture_id",
            ScriptSchemas.SAMPLES, "capture_id, sample_no");

    private HitmapTables() {
    }

    /** The schema of {@code table}; throws IllegalArgumentException for an unknown name. */
    public static Schema schema(String table) {
        Schema s = TABLES.get(table);
        if (s == null) {
            throw new IllegalArgumentException("unknown table \"" + table + "\", expected one of " + TABLES.keySet());
        }
        return s;
    }

    private static Map<String, Schema> all() {
        Map<String, Schema> m = new LinkedHashMap<>(C2cSchemas.TABLES);
        m.putAll(ProfileSchemas.TABLES);
        m.putAll(ScriptSchemas.TABLES);
        return Collections.unmodifiableMap(m);
    }
}
