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

/** The tables a {@code perf report} capture becomes (ingest/SCHEMA.md); its row in {@code captures} has kind 'perf-report'. */
public final class ProfileSchemas {
    public static final String SECTIONS = "profile_sections";
    public static final String ENTRIES = "profile_entries";
    public static final String CALLCHAINS = "profile_callchains";
    public static final String MACHINE = "machine";
    public static final String MACHINE_HEADER = "machine_header";

    public static final Map<String, Schema> TABLES = tables();

    private ProfileSchemas() {
    }

    private static Map<String, Schema> tables() {
        Map<String, Schema> m = new LinkedHashMap<>();
        m.put(SECTIONS, schema(key("capture_id", INT), key("section_no", INT), text("event"),
                text("samples_text"), count("samples"), count("event_count"), count("lost_samples"),
                text("columns"), key("source_line_no", INT)));
        m.put(ENTRIES, schema(key("capture_id", INT), key("section_no", INT), key("entry_no", INT),
                num("overhead"), num("children"), num("self"), count("samples"), count("period"),
                text("command"), count("pid"), text("shared_object"), text("symbol"), text("symbol_kind"),
                text("source_line"), text("cpu"), text("other"), key("source_line_no", INT)));
        m.put(CALLCHAINS, schema(key("capture_id", INT), key("section_no", INT), key("entry_no", INT),
                key("node_id", INT), nullable("parent_id", INT), key("depth", INT), text("symbol"),
                num("percent"), text("style"), key("source_line_no", INT)));
        m.put(MACHINE, schema(key("capture_id", INT), text("hostname"), text("os_release"), text("perf_version"),
                text("arch"), nullable("cpus_online", INT), nullable("cpus_available", INT), text("cpu_description"),
                text("cpu_id"), count("total_memory_kb"), text("cmdline"), text("captured_on"),
                num("sample_duration_ms"), nullable("sockets", INT), nullable("dies", INT), nullable("cores", INT),
                nullable("threads_per_core", INT), nullable("numa_nodes", INT)));
        m.put(MACHINE_HEADER, schema(key("capture_id", INT), text("key"), text("value"), key("source_line_no", INT)));
        return Collections.unmodifiableMap(m);
    }
}
