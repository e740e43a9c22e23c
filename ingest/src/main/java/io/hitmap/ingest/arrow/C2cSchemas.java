// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import static io.hitmap.ingest.arrow.ArrowFields.count;
import static io.hitmap.ingest.arrow.ArrowFields.key;
import static io.hitmap.ingest.arrow.ArrowFields.INT;
import static io.hitmap.ingest.arrow.ArrowFields.nullable;
import static io.hitmap.ingest.arrow.ArrowFields.num;
import static io.hitmap.ingest.arrow.ArrowFields.schema;
import static io.hitmap.ingest.arrow.ArrowFields.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Table names -> the Arrow schema of each table a {@code perf c2c} capture becomes; the column
 * names are the SQL interface documented in ingest/SCHEMA.md.
 * Column types as in {@link ArrowFields}. {@code captures} is shared by every capture kind.
 */
public final class C2cSchemas {
    public static final String CAPTURES = "captures";
    public static final String LINES = "c2c_lines";
    public static final String ACCESSES = "c2c_accesses";
    public static final String SUMMARY = "c2c_summary";
    public static final String CALLGRAPH = "c2c_callgraph";

    /** Every table in load order: captures first, then the tables that refer to it. */
    public static final Map<String, Schema> TABLES = tables();

    private C2cSchemas() {
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
}
