// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import io.hitmap.ingest.c2c.C2cAccess;
import io.hitmap.ingest.c2c.C2cCallgraphLine;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cLine;
import io.hitmap.ingest.c2c.C2cSummaryEntry;
import java.util.List;

/** Hand-built captures with small, known numbers for the analysis tests. */
final class Captures {
    private Captures() {
    }

    static C2cCapture capture(String path, String metric, List<C2cLine> lines, List<C2cAccess> accesses) {
        return new C2cCapture(path, "table-6.x", ">=6.0", metric, 40, 30, 8, 2, List.of(17, 23),
                lines, accesses, List.of(), List.of());
    }

    static C2cCapture withSummary(C2cCapture c, List<C2cSummaryEntry> summary, List<C2cCallgraphLine> callgraph) {
        return new C2cCapture(c.path(), c.formatVariant(), c.perfVersion(), c.metric(), c.linesRead(), c.linesUsed(),
                c.linesStructural(), c.linesSkipped(), c.skippedLineNos(), c.lines(), c.accesses(), summary, callgraph,
                c.sha256(), c.warnings());
    }

    static C2cCapture withWarnings(C2cCapture c, List<String> warnings) {
        return new C2cCapture(c.path(), c.formatVariant(), c.perfVersion(), c.metric(), c.linesRead(), c.linesUsed(),
                c.linesStructural(), c.linesSkipped(), c.skippedLineNos(), c.lines(), c.accesses(), c.summary(),
                c.callgraph(), c.sha256(), warnings);
    }

    /** A statistics entry as perf prints it: {@code Load Local HITM : 5926}. */
    static C2cSummaryEntry stat(String section, String key, String value, Double number, int lineNo) {
        return new C2cSummaryEntry(section, key, value, number, lineNo);
    }

    /** The same line with perf's percentages ({@code Tot Hitm} / {@code Rmt Hitm}, {@code Peer Snoop}). */
    static C2cLine withPct(C2cLine l, Double hitmPct, Double peerPct) {
        return new C2cLine(l.lineIndex(), l.address(), l.node(), l.paCount(), hitmPct, peerPct, l.totHitm(),
                l.lclHitm(), l.rmtHitm(), l.totPeer(), l.lclPeer(), l.rmtPeer(), l.totalRecords(), l.loads(),
                l.stores(), l.storeL1Hit(), l.storeL1Miss(), l.storeNa(), l.ldFbHit(), l.ldL1Hit(), l.ldL2Hit(),
                l.ldLlcHit(), l.ldRmtHit(), l.ldLlcMiss(), l.dramLcl(), l.dramRmt(), l.source(), l.sourceLineNo());
    }

    /** The same line with these store counts (L1 hit, L1 miss, N/A). */
    static C2cLine withStores(C2cLine l, Long l1Hit, Long l1Miss, Long na) {
        return new C2cLine(l.lineIndex(), l.address(), l.node(), l.paCount(), l.hitmPct(), l.peerPct(), l.totHitm(),
                l.lclHitm(), l.rmtHitm(), l.totPeer(), l.lclPeer(), l.rmtPeer(), l.totalRecords(), l.loads(),
                l.stores(), l1Hit, l1Miss, na, l.ldFbHit(), l.ldL1Hit(), l.ldL2Hit(),
                l.ldLlcHit(), l.ldRmtHit(), l.ldLlcMiss(), l.dramLcl(), l.dramRmt(), l.source(), l.sourceLineNo());
    }

    /** A HITM table row: total, remote, local; the other counts derived so each is distinct. */
    static C2cLine hitmLine(int index, Long tot, Long rmt, Long lcl) {
        return new C2cLine(index, String.format("0x%x", 0x1000 + index * 64), "0", 1L, null, null, tot, lcl, rmt,
                null, null, null, 100L + index, 80L + index, 20L + index, null, null, null,
                null, null, null, null, null, null, null, null, "table", 10 + index);
    }

    /** A Peer table row (Arm SPE): no HITM numbers at all. */
    static C2cLine peerLine(int index, Long tot, Long rmt, Long lcl) {
        return new C2cLine(index, String.format("0x%x", 0x2000 + index * 64), "1", 1L, null, null, null, null, null,
                tot, lcl, rmt, 200L + index, 150L + index, 50L + index, null, null, null,
                null, null, null, null, null, null, null, null, "table", 10 + index);
    }

    static C2cAccess hitmAccess(int line, int row, Double rmtPct, Double lclPct) {
        return new C2cAccess(line, row, row * 8, "0", 1L, 4242L, "4242:" + (4300 + row), "0x40" + row,
                rmtPct, lclPct, null, null, 10.0 * row, 100.0 - 10.0 * row, null, 300.0, 200.0, 100.0,
                50L, 2L + row, "worker_" + row, ".", "app", "app.c:" + (30 + row), "0 1", null, null, 100 + row);
    }

    /** A HITM accessor with these shares (remote, local, store L1 hit, L1 miss, N/A) and nothing else. */
    static C2cAccess shares(int line, int row, Double rmt, Double lcl, Double l1Hit, Double l1Miss, Double na) {
        return new C2cAccess(line, row, 0, null, null, null, null, null, rmt, lcl, null, null, l1Hit, l1Miss, na,
                null, null, null, null, null, "f" + row, ".", "app", null, null, null, null, 300 + row);
    }

    static C2cAccess peerAccess(int line, int row, Double rmtPct, Double lclPct) {
        return new C2cAccess(line, row, row * 8, "1", 1L, 77L, null, "0x50" + row,
                null, null, rmtPct, lclPct, 0.0, 0.0, null, null, null, 90.0,
                20L, 4L, "spin_" + row, "k", "[kernel.kallsyms]", null, "1", null, null, 200 + row);
    }
}
