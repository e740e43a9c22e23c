// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.c2c.C2cAccess;
import io.hitmap.ingest.c2c.C2cCallgraphLine;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cLine;
import io.hitmap.ingest.c2c.C2cParseSummary;
import io.hitmap.ingest.c2c.C2cSummaryEntry;
import io.hitmap.ingest.PerfText;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A parsed {@link C2cCapture} -> {@link CaptureTables}: one row in {@code captures} and one row
 * per record in the other tables, every row tagged with the given capture_id. Nulls stay null.
 */
public final class C2cToArrow {
    static final RowsToArrow.Columns<C2cParseSummary> CAPTURE = new RowsToArrow.Columns<C2cParseSummary>()
            .put("path", C2cParseSummary::path)
            .put("kind", c -> "c2c")
            .put("format_variant", C2cParseSummary::formatVariant)
            .put("perf_version", C2cParseSummary::perfVersion)
            .put("metric", C2cParseSummary::metric)
            .put("lines_read", C2cParseSummary::linesRead)
            .put("lines_used", C2cParseSummary::linesUsed)
            .put("lines_structural", C2cParseSummary::linesStructural)
            .put("lines_skipped", C2cParseSummary::linesSkipped)
            .put("skipped_line_nos", c -> RowsToArrow.joined(c.skippedLineNos()))
            .put("sha256", C2cParseSummary::sha256)
            .put("warnings", c -> c.warnings().isEmpty() ? null : String.join("\n", c.warnings()));

    static final RowsToArrow.Columns<C2cLine> LINE = new RowsToArrow.Columns<C2cLine>()
            .put("line_index", C2cLine::lineIndex)
            .put("address", C2cLine::address)
            .put("node", C2cLine::node)
            .put("pa_count", C2cLine::paCount)
            .put("hitm_pct", C2cLine::hitmPct)
            .put("peer_pct", C2cLine::peerPct)
            .put("tot_hitm", C2cLine::totHitm)
            .put("lcl_hitm", C2cLine::lclHitm)
            .put("rmt_hitm", C2cLine::rmtHitm)
            .put("tot_peer", C2cLine::totPeer)
            .put("lcl_peer", C2cLine::lclPeer)
            .put("rmt_peer", C2cLine::rmtPeer)
            .put("total_records", C2cLine::totalRecords)
            .put("loads", C2cLine::loads)
            .put("stores", C2cLine::stores)
            .put("store_l1hit", C2cLine::storeL1Hit)
            .put("store_l1miss", C2cLine::storeL1Miss)
            .put("store_na", C2cLine::storeNa)
            .put("ld_fbhit", C2cLine::ldFbHit)
            .put("ld_l1hit", C2cLine::ldL1Hit)
            .put("ld_l2hit", C2cLine::ldL2Hit)
            .put("ld_llchit", C2cLine::ldLlcHit)
            .put("ld_rmthit", C2cLine::ldRmtHit)
            .put("ld_llcmiss", C2cLine::ldLlcMiss)
            .put("dram_lcl", C2cLine::dramLcl)
            .put("dram_rmt", C2cLine::dramRmt)
            .put("source", C2cLine::source)
            .put("source_line_no", C2cLine::sourceLineNo);

    static final RowsToArrow.Columns<C2cAccess> ACCESS = new RowsToArrow.Columns<C2cAccess>()
            .put("line_index", C2cAccess::lineIndex)
            .put("row_in_line", C2cAccess::rowInLine)
            .put("offset", C2cAccess::offset)
            .put("offset_node", C2cAccess::offsetNode)
            .put("pa_count", C2cAccess::paCount)
            .put("pid", C2cAccess::pid)
            .put("tid", C2cAccess::tid)
            .put("code_address", C2cAccess::codeAddress)
            .put("rmt_hitm_pct", C2cAccess::rmtHitmPct)
            .put("lcl_hitm_pct", C2cAccess::lclHitmPct)
            .put("rmt_peer_pct", C2cAccess::rmtPeerPct)
            .put("lcl_peer_pct", C2cAccess::lclPeerPct)
            .put("store_l1hit_pct", C2cAccess::storeL1HitPct)
            .put("store_l1miss_pct", C2cAccess::storeL1MissPct)
            .put("store_na_pct", C2cAccess::storeNaPct)
            .put("cycles_rmt", C2cAccess::cyclesRmt)
            .put("cycles_lcl", C2cAccess::cyclesLcl)
            .put("cycles_load", C2cAccess::cyclesLoad)
            .put("tot_peer_pct", C2cAccess::totPeerPct)
            .put("cycles_peer", C2cAccess::cyclesPeer)
            .put("total_records", C2cAccess::totalRecords)
            .put("cpu_count", C2cAccess::cpuCount)
            .put("symbol", C2cAccess::symbol)
            .put("privilege", C2cAccess::privilege)
            .put("object", C2cAccess::object)
            .put("source_line", C2cAccess::sourceLine)
            .put("nodes", C2cAccess::nodes)
            .put("source_line_no", C2cAccess::sourceLineNo);

    static final RowsToArrow.Columns<C2cSummaryEntry> SUMMARY = new RowsToArrow.Columns<C2cSummaryEntry>()
            .put("section", C2cSummaryEntry::section)
            .put("key", C2cSummaryEntry::key)
            .put("value", C2cSummaryEntry::value)
            .put("value_num", C2cSummaryEntry::valueNum)
            .put("source_line_no", C2cSummaryEntry::sourceLineNo);

    static final RowsToArrow.Columns<C2cCallgraphLine> CALLGRAPH = new RowsToArrow.Columns<C2cCallgraphLine>()
            .put("line_index", C2cCallgraphLine::lineIndex)
            .put("row_in_line", C2cCallgraphLine::rowInLine)
            .put("seq", C2cCallgraphLine::seq)
            .put("text", C2cCallgraphLine::text)
            .put("source_line_no", C2cCallgraphLine::sourceLineNo);

    private C2cToArrow() {
    }

    /**
     * A c2c file as a capture that is parsed while it is written, in batches of {@link C2cStream#BATCH}
     * rows; {@code sha256} is its digest if computed beforehand, else null.
     */
    public static C2cStream stream(Path file, boolean lenient, String sha256) {
        return new C2cStream(file.toString(), CaptureText.of(file, sha256), lenient, C2cStream.BATCH);
    }

    /** As {@link #stream(Path, boolean, String)} with {@code batchRows} rows per batch (tests use small ones). */
    static C2cStream stream(Path file, boolean lenient, int batchRows) {
        return new C2cStream(file.toString(), CaptureText.of(file, null), lenient, batchRows);
    }

    /** Text already open (standard input can be opened only once); read when written, then closed. */
    public static C2cStream stream(String path, PerfText text, boolean lenient) {
        return new C2cStream(path, CaptureText.of(text), lenient, C2cStream.BATCH);
    }

    /** {@code c} as a capture HitmapDb can write: one batch per table. */
    public static ArrowCapture capture(C2cCapture c) {
        return new ParsedCapture(c.path(), c.sha256(), (a, captureId, sink) -> {
            try (CaptureTables tables = convert(a, captureId, c)) {
                for (Map.Entry<String, VectorSchemaRoot> t : tables.tables().entrySet()) {
                    sink.accept(t.getKey(), t.getValue());
                }
            }
        });
    }

    /** The tables of {@code c}; the caller closes them. Vectors come from {@code a}. */
    public static CaptureTables convert(BufferAllocator a, int captureId, C2cCapture c) {
        Map<String, VectorSchemaRoot> roots = new LinkedHashMap<>();
        try {
            roots.put(C2cSchemas.CAPTURES, RowsToArrow.fill(a, C2cSchemas.CAPTURES, captureId, List.of(c.parseSummary()), CAPTURE));
            roots.put(C2cSchemas.LINES, RowsToArrow.fill(a, C2cSchemas.LINES, captureId, c.lines(), LINE));
            roots.put(C2cSchemas.ACCESSES, RowsToArrow.fill(a, C2cSchemas.ACCESSES, captureId, c.accesses(), ACCESS));
            roots.put(C2cSchemas.SUMMARY, RowsToArrow.fill(a, C2cSchemas.SUMMARY, captureId, c.summary(), SUMMARY));
            roots.put(C2cSchemas.CALLGRAPH, RowsToArrow.fill(a, C2cSchemas.CALLGRAPH, captureId, c.callgraph(), CALLGRAPH));
            return new CaptureTables(captureId, roots);
        } catch (RuntimeException e) {
            try {
                AutoCloseables.close(roots.values());
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
