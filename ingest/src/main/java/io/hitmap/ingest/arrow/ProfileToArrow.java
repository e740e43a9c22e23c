// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.profile.ChainNode;
import io.hitmap.ingest.profile.HeaderLine;
import io.hitmap.ingest.profile.MachineInfo;
import io.hitmap.ingest.profile.ProfileCapture;
import io.hitmap.ingest.profile.ProfileEntry;
import io.hitmap.ingest.profile.ProfileSection;
import io.hitmap.ingest.PerfText;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A parsed {@link ProfileCapture} -> one batch per table ({@link ProfileSchemas}, plus its {@code captures} row). */
public final class ProfileToArrow {
    private static final RowsToArrow.Columns<ProfileCapture> CAPTURE = new RowsToArrow.Columns<ProfileCapture>()
            .put("path", ProfileCapture::path)
            .put("kind", c -> "perf-report")
            .put("format_variant", ProfileCapture::formatVariant)
            .put("perf_version", ProfileCapture::perfVersion)
            .put("metric", c -> c.sections().isEmpty() ? null : c.sections().get(0).event())
            .put("lines_read", ProfileCapture::linesRead)
            .put("lines_used", ProfileCapture::linesUsed)
            .put("lines_structural", ProfileCapture::linesStructural)
            .put("lines_skipped", ProfileCapture::linesSkipped)
            .put("skipped_line_nos", c -> RowsToArrow.joined(c.skippedLineNos()))
            .put("sha256", ProfileCapture::sha256)
            .put("warnings", c -> c.warnings().isEmpty() ? null : String.join("\n", c.warnings()));

    private static final RowsToArrow.Columns<ProfileSection> SECTION = new RowsToArrow.Columns<ProfileSection>()
            .put("section_no", ProfileSection::sectionNo)
            .put("event", ProfileSection::event)
            .put("samples_text", ProfileSection::samplesText)
            .put("samples", ProfileSection::samples)
            .put("event_count", ProfileSection::eventCount)
            .put("lost_samples", ProfileSection::lostSamples)
            .put("columns", ProfileSection::columns)
            .put("source_line_no", ProfileSection::sourceLineNo);

    private static final RowsToArrow.Columns<ProfileEntry> ENTRY = new RowsToArrow.Columns<ProfileEntry>()
            .put("section_no", ProfileEntry::sectionNo)
            .put("entry_no", ProfileEntry::entryNo)
            .put("overhead", ProfileEntry::overhead)
            .put("children", ProfileEntry::children)
            .put("self", ProfileEntry::self)
            .put("samples", ProfileEntry::samples)
            .put("period", ProfileEntry::period)
            .put("command", ProfileEntry::command)
            .put("pid", ProfileEntry::pid)
            .put("shared_object", ProfileEntry::sharedObject)
            .put("symbol", ProfileEntry::symbol)
            .put("symbol_kind", ProfileEntry::symbolKind)
            .put("source_line", ProfileEntry::sourceLine)
            .put("cpu", ProfileEntry::cpu)
            .put("other", ProfileEntry::other)
            .put("source_line_no", ProfileEntry::sourceLineNo);

    private static final RowsToArrow.Columns<ChainNode> NODE = new RowsToArrow.Columns<ChainNode>()
            .put("section_no", ChainNode::sectionNo)
            .put("entry_no", ChainNode::entryNo)
            .put("node_id", ChainNode::nodeId)
            .put("parent_id", ChainNode::parentId)
            .put("depth", ChainNode::depth)
            .put("symbol", ChainNode::symbol)
            .put("percent", ChainNode::percent)
            .put("style", ChainNode::style)
            .put("source_line_no", ChainNode::sourceLineNo);

    private static final RowsToArrow.Columns<MachineInfo> MACHINE = new RowsToArrow.Columns<MachineInfo>()
            .put("hostname", MachineInfo::hostname)
            .put("os_release", MachineInfo::osRelease)
            .put("perf_version", MachineInfo::perfVersion)
            .put("arch", MachineInfo::arch)
            .put("cpus_online", MachineInfo::cpusOnline)
            .put("cpus_available", MachineInfo::cpusAvailable)
            .put("cpu_description", MachineInfo::cpuDescription)
            .put("cpu_id", MachineInfo::cpuId)
            .put("total_memory_kb", MachineInfo::totalMemoryKb)
            .put("cmdline", MachineInfo::cmdline)
            .put("captured_on", MachineInfo::capturedOn)
            .put("sample_duration_ms", MachineInfo::sampleDurationMs)
            .put("sockets", MachineInfo::sockets)
            .put("dies", MachineInfo::dies)
            .put("cores", MachineInfo::cores)
            .put("threads_per_core", MachineInfo::threadsPerCore)
            .put("numa_nodes", MachineInfo::numaNodes);

    private static final RowsToArrow.Columns<HeaderLine> HEADER = new RowsToArrow.Columns<HeaderLine>()
            .put("key", HeaderLine::key)
            .put("value", HeaderLine::value)
            .put("source_line_no", HeaderLine::sourceLineNo);

    private ProfileToArrow() {
    }

    /** Rows per batch when a report streams (see {@link #stream}). */
    static final int BATCH = 65536;

    /**
     * A perf report file as a capture that is parsed while it is written: rows and tree nodes go to
     * the sink in batches, then sections, machine and the {@code captures} row. A parse error
     * surfaces from {@link ArrowCapture#write} after some batches were sent (the caller rolls back).
     */
    public static ProfileStream stream(Path file, boolean lenient) {
        return new ProfileStream(file.toString(), CaptureText.of(file, null), lenient, BATCH);
    }

    /** Text already open (standard input can be opened only once); read when written, then closed. */
    public static ProfileStream stream(String path, PerfText text, boolean lenient) {
        return new ProfileStream(path, CaptureText.of(text), lenient, BATCH);
    }

    /** As {@link #stream(Path, boolean)} with {@code batchRows} rows per batch (tests use small ones). */
    public static ProfileStream stream(Path file, boolean lenient, int batchRows) {
        return new ProfileStream(file.toString(), CaptureText.of(file, null), lenient, batchRows);
    }

    /** Sends what the end of a streamed parse knows: sections, machine, header, and the captures row. */
    static void finish(BufferAllocator a, int id, ProfileCapture c, TableSink sink) throws SQLException {
        send(sink, RowsToArrow.fill(a, C2cSchemas.CAPTURES, id, List.of(c), CAPTURE), C2cSchemas.CAPTURES);
        send(sink, RowsToArrow.fill(a, ProfileSchemas.SECTIONS, id, c.sections(), SECTION), ProfileSchemas.SECTIONS);
        List<MachineInfo> machine = c.machine() == null ? List.of() : List.of(c.machine());
        send(sink, RowsToArrow.fill(a, ProfileSchemas.MACHINE, id, machine, MACHINE), ProfileSchemas.MACHINE);
        send(sink, RowsToArrow.fill(a, ProfileSchemas.MACHINE_HEADER, id, c.header(), HEADER),
                ProfileSchemas.MACHINE_HEADER);
    }

    static RowBatch<ProfileEntry> entries(BufferAllocator a, int id, int rows, TableSink sink) {
        return new RowBatch<>(a, ProfileSchemas.ENTRIES, id, ENTRY, rows, sink);
    }


    /** {@code c} as a capture HitmapDb can write. */
    public static ArrowCapture capture(ProfileCapture c) {
        return new ParsedCapture(c.path(), c.sha256(), (a, id, sink) -> {
            send(sink, RowsToArrow.fill(a, ProfileSchemas.ENTRIES, id, c.entries(), ENTRY), ProfileSchemas.ENTRIES);
            send(sink, RowsToArrow.fill(a, ProfileSchemas.CALLCHAINS, id, c.chains(), NODE), ProfileSchemas.CALLCHAINS);
            finish(a, id, c, sink);
        });
    }

    private static void send(TableSink sink, VectorSchemaRoot root, String table) throws SQLException {
        try (root) {
            sink.accept(table, root);
        }
    }
}
