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
                c.linesStructural(), c.linesSkipped(), c.skippedLineNos(), c.lines(), c.accesses(), summary, callgraph);
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
                50L, 2L + row, "worker_" + row, ".", "app", "app.c:" + (30 + row), "0 1", 100 + row);
    }

    static C2cAccess peerAccess(int line, int row, Double rmtPct, Double lclPct) {
        return new C2cAccess(line, row, row * 8, "1", 1L, 77L, null, "0x50" + row,
                null, null, rmtPct, lclPct, 0.0, 0.0, null, null, null, 90.0,
                20L, 4L, "spin_" + row, "k", "[kernel.kallsyms]", null, "1", 200 + row);
    }
}
