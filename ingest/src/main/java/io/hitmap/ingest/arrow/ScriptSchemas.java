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
    public static final String FRAMES = "sample_frames";

    /** The sample tables in load order. */
    public static final Map<String, Schema> TABLES = tables();

    private ScriptSchemas() {
    }

    private static Map<String, Schema> tables() {
        Map<String, Schema> m = new LinkedHashMap<>();
        m.put(SAMPLES, schema(key("capture_id", INT), key("sample_no", INT),
                text("comm"), nullable("pid", INT), nullable("tid", INT), nullable("cpu", INT), num("time"),
                text("event"), count("period"), key("frames", INT), text("trailing"), key("source_line_no", INT)));
        m.put(FRAMES, schema(key("capture_id", INT), key("sample_no", INT), key("depth", INT),
                text("address"), text("symbol"), count("sym_offset"), text("dso"), key("source_line_no", INT)));
        return Collections.unmodifiableMap(m);
    }
}
