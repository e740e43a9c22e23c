// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Table names -> the Arrow schema of each table a {@code perf c2c} capture becomes; the column
 * names are the SQL interface documented in ingest/SCHEMA.md.
 *
 * <p>Types: ids and indexes INT (Int32), counts BIGINT (Int64), percentages and cycles DOUBLE,
 * text VARCHAR (Utf8). Only the key columns are non-nullable; every other column is null when
 * perf did not print it.
 */
public final class C2cSchemas {
    public static final String CAPTURES = "captures";
    public static final String LINES = "c2c_lines";
    public static final String ACCESSES = "c2c_accesses";
    public static final String SUMMARY = "c2c_summary";
    public static final String CALLGRAPH = "c2c_callgraph";

    private static final ArrowType INT = new ArrowType.Int(32, true);
    private static final ArrowType BIGINT = new ArrowType.Int(64, true);
    private static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    private static final ArrowType VARCHAR = ArrowType.Utf8.INSTANCE;

    /** Every table in load order: captures first, then the tables that refer to it. */
    public static final Map<String, Schema> TABLES = tables();

    private C2cSchemas() {
    }

    /** The schema of {@code table}; throws IllegalArgumentException for an unknown name. */
    public static Schema schema(String table) {
        Schema s = TABLES.get(table);
        if (s == null) {
            throw new IllegalArgumentException("unknown table \"" + table + "\", expected one of " + TABLES.keySet());
        }
        return s;
    }

    private static Map<String, Schema> tables() {
        Map<String, Schema> m = new LinkedHashMap<>();
        m.put(CAPTURES, schema(key("capture_id", INT),
                text("path"), text("kind"), text("format_variant"), text("perf_version"), text("metric"),
                count("lines_read"), count("lines_used"), count("lines_structural"), count("lines_skipped"),
                text("skipped_line_nos"), text("sha256"), text("warnings")));
        m.put(LINES, schema(key("capture_id", INT), key("line_index", INT),
                text("address"), text("node"), count("pa_count"), num("hitm_pct"), num("peer_pct"),
                count("tot_hitm"), count("lcl_hitm"), count("rmt_hitm"),
                count("tot_peer"), count("lcl_peer"), count("rmt_peer"),
                count("total_records"), count("loads"), count("stores"),
                count("store_l1hit"), count("store_l1miss"), count("store_na"),
                count("ld_fbhit"), count("ld_l1hit"), count("ld_l2hit"), count("ld_llchit"),
                count("ld_rmthit"), count("ld_llcmiss"), count("dram_lcl"), count("dram_rmt"),
                text("source"), key("source_line_no", INT)));
        m.put(ACCESSES, schema(key("capture_id", INT), key("line_index", INT), key("row_in_line", INT),
                nullable("offset", INT), text("offset_node"), count("pa_count"), count("pid"), text("tid"),
                text("code_address"), num("rmt_hitm_pct"), num("lcl_hitm_pct"),
                num("rmt_peer_pct"), num("lcl_peer_pct"),
                num("store_l1hit_pct"), num("store_l1miss_pct"), num("store_na_pct"),
                num("cycles_rmt"), num("cycles_lcl"), num("cycles_load"), num("tot_peer_pct"), num("cycles_peer"),
                count("total_records"), count("cpu_count"), text("symbol"), text("privilege"),
                text("object"), text("source_line"), text("nodes"), key("source_line_no", INT)));
        m.put(SUMMARY, schema(key("capture_id", INT),
                text("section"), text("key"), text("value"), num("value_num"), key("source_line_no", INT)));
        m.put(CALLGRAPH, schema(key("capture_id", INT), key("line_index", INT), key("row_in_line", INT),
                key("seq", INT), text("text"), key("source_line_no", INT)));
        return Collections.unmodifiableMap(m);
    }

    private static Schema schema(Field... fields) {
        return new Schema(new ArrayList<>(List.of(fields)));
    }

    private static Field key(String name, ArrowType type) {
        return new Field(name, FieldType.notNullable(type), null);
    }

    private static Field nullable(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    private static Field count(String name) {
        return nullable(name, BIGINT);
    }

    // percentages (as printed: 41.5 for 41.50%), mean cycles, other decimals
    private static Field num(String name) {
        return nullable(name, DOUBLE);
    }

    private static Field text(String name) {
        return nullable(name, VARCHAR);
    }
}
