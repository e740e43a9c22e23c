// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import static io.hitmap.ingest.arrow.ArrowFields.count;
import static io.hitmap.ingest.arrow.ArrowFields.INT;
import static io.hitmap.ingest.arrow.ArrowFields.key;
import static io.hitmap.ingest.arrow.ArrowFields.nullable;
import static io.hitmap.ingest.arrow.ArrowFields.num;
import static io.hitmap.ingest.arrow.ArrowFields.schema;
import static io.hitmap.ingest.arrow.ArrowFields.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Table names -> the Arrow schema of each table a {@code perf script} capture becomes (besides its
 * {@code captures} row); the column names are the SQL interface documented in ingest/SCHEMA.md.
 */
public final class ScriptSchemas {
    public static final String SAMPLES = "samples";
    public static final String STACKS = "sample_stacks";
    /** A view: the frames of each sample, {@code samples} joined with {@code sample_stacks}. */
    public static final String FRAMES = "sample_frames";

    /** The sample tables in load order. */
    public static final Map<String, Schema> TABLES = tables();

    /** View name -> its query, over the tables above; the columns are the SQL interface as the tables' are. */
    public static final Map<String, String> VIEWS = Map.of(FRAMES, """
            SELECT s.capture_id, s.sample_no, k.depth, k.address, k.symbol, k.sym_offset, k.dso,
                   s.source_line_no + k.line_in_sample AS source_line_no
            FROM samples s
            JOIN sample_stacks k ON k.capture_id = s.capture_id AND k.stack_id = s.stack_id""");

    private ScriptSchemas() {
    }

    private static Map<String, Schema> tables() {
        Map<String, Schema> m = new LinkedHashMap<>();
        m.put(SAMPLES, schema(key("capture_id", INT), key("sample_no", INT),
                text("comm"), nullable("pid", INT), nullable("tid", INT), nullable("cpu", INT), num("time"),
                text("event"), count("period"), key("frames", INT), text("trailing"), key("source_line_no", INT),
                key("stack_id", INT)));
        m.put(STACKS, schema(key("capture_id", INT), key("stack_id", INT), key("depth", INT),
                text("address"), text("symbol"), count("sym_offset"), text("dso"), key("line_in_sample", INT)));
        return Collections.unmodifiableMap(m);
    }
}
