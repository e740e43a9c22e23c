// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import static io.hitmap.analysis.Captures.capture;
import static io.hitmap.analysis.Captures.hitmAccess;
import static io.hitmap.analysis.Captures.hitmLine;
import static io.hitmap.analysis.Captures.peerAccess;
import static io.hitmap.analysis.Captures.peerLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hitmap.ingest.c2c.C2cCapture;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-built captures with worked-out totals -> ranks, shares and top accessors per capture. */
class ContendedLinesTest {
    private HitmapDb db;

    // HITM capture, sum of tot_hitm = 30 + 50 + 20 + 50 = 150.
    // Ranks: idx1 (50) and idx3 (50) tie -> line_index order; then idx0 (30), idx2 (20).
    // Shares: 50/150 = 33.33%, 33.33%, 30/150 = 20.00%, 20/150 = 13.33%.
    // Accessors of idx1 by rmt% + lcl%: row1 50+20=70, row0 10+5=15, row2 0+15=15 (tie -> row order), row3 null=0.
    static final C2cCapture HITM = capture("hitm.c2c.txt", "hitm",
            List.of(hitmLine(0, 30L, 10L, 20L), hitmLine(1, 50L, 40L, 10L),
                    hitmLine(2, 20L, 0L, 20L), hitmLine(3, 50L, 25L, 25L)),
            List.of(hitmAccess(0, 0, 100.0, 0.0),
                    hitmAccess(1, 0, 10.0, 5.0), hitmAccess(1, 1, 50.0, 20.0),
                    hitmAccess(1, 2, 0.0, 15.0), hitmAccess(1, 3, null, null)));

    // Peer capture (Arm SPE), sum of tot_peer = 5 + 15 = 20: idx1 75.00%, idx0 25.00%.
    // Accessors of idx1 by rmt_peer% + lcl_peer%: row1 60+40=100, row0 20+30=50.
    static final C2cCapture PEER = capture("peer.c2c.txt", "peer",
            List.of(peerLine(0, 5L, 1L, 4L), peerLine(1, 15L, 10L, 5L)),
            List.of(peerAccess(1, 0, 20.0, 30.0), peerAccess(1, 1, 60.0, 40.0)));

    @BeforeEach
    void load() throws SQLException {
        db = HitmapDb.inMemory();
        db.addCapture(HITM);
        db.addCapture(PEER);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void ranksLinesPerCaptureByItsMetricWithShares() throws SQLException {
        assertEquals(List.of(
                        "1 hitm #1 idx1 50=40+10 33.33% acc4 [1, 0]",
                        "1 hitm #2 idx3 50=25+25 33.33% acc0 []",
                        "1 hitm #3 idx0 30=10+20 20.00% acc1 [0]",
                        "2 peer #1 idx1 15=10+5 75.00% acc2 [1, 0]",
                        "2 peer #2 idx0 5=1+4 25.00% acc0 []"),
                summary(ContendedLines.rank(db, 3, 2)));
    }

    @Test
    void listsEveryLineAndAccessorWhenTopIsLarge() throws SQLException {
        assertEquals(List.of(
                        "1 hitm #1 idx1 50=40+10 33.33% acc4 [1, 0, 2, 3]",
                        "1 hitm #2 idx3 50=25+25 33.33% acc0 []",
                        "1 hitm #3 idx0 30=10+20 20.00% acc1 [0]",
                        "1 hitm #4 idx2 20=0+20 13.33% acc0 []",
                        "2 peer #1 idx1 15=10+5 75.00% acc2 [1, 0]",
                        "2 peer #2 idx0 5=1+4 25.00% acc0 []"),
                summary(ContendedLines.rank(db, 100, 100)));
    }

    @Test
    void keepsAccessorCountWhenNoAccessorsAreAsked() throws SQLException {
        assertEquals(List.of("1 hitm #1 idx1 50=40+10 33.33% acc4 []", "2 peer #1 idx1 15=10+5 75.00% acc2 []"),
                summary(ContendedLines.rank(db, 1, 0)));
    }

    @Test
    void fillsEveryFieldOfTheTopLineAndAccessor() throws SQLException {
        RankedLine top = ContendedLines.rank(db, 1, 1).get(0);
        RankedAccessor a = new RankedAccessor(1, 8, "worker_1", ".", "app", "app.c:31", 50.0, 20.0, 10.0, 90.0,
                3L, "0 1", 4242L, "4242:4301");
        assertEquals(new RankedLine(1, "hitm.c2c.txt", "hitm", 1, 1, "0x1040", 50L, 40L, 10L, 100.0 * 50 / 150,
                101L, 81L, 21L, "0", 4, List.of(a)), top);
    }

    @Test
    void usesPeerPercentagesForPeerAccessors() throws SQLException {
        RankedLine peerTop = ContendedLines.rank(db, 1, 1).get(1);
        RankedAccessor a = peerTop.topAccessors().get(0);
        assertEquals(List.of(60.0, 40.0, "spin_1", "k", "[kernel.kallsyms]"),
                List.of(a.remotePct(), a.localPct(), a.symbol(), a.privilege(), a.object()));
        assertEquals(null, a.sourceLine());
        assertEquals(null, a.tid());
    }

    @Test
    void fallsBackToRemotePlusLocalWhenPerfPrintedNoTotal() throws SQLException {
        // Pareto-only layout: idx0 has no tot_hitm, so its total is 3 + 4 = 7; sum = 7 + 10 = 17.
        C2cCapture pareto = capture("pareto.c2c.txt", "hitm",
                List.of(hitmLine(0, null, 3L, 4L), hitmLine(1, 10L, 6L, 4L)), List.of());
        try (HitmapDb one = HitmapDb.inMemory()) {
            one.addCapture(pareto);
            assertEquals(List.of("1 hitm #1 idx1 10=6+4 58.82% acc0 []", "1 hitm #2 idx0 7=3+4 41.18% acc0 []"),
                    summary(ContendedLines.rank(one, 5, 5)));
        }
    }

    @Test
    void givesNoShareWhenTheCaptureTotalIsZero() throws SQLException {
        try (HitmapDb one = HitmapDb.inMemory()) {
            one.addCapture(capture("zero.c2c.txt", "hitm", List.of(hitmLine(0, 0L, 0L, 0L)), List.of()));
            assertEquals(null, ContendedLines.rank(one, 1, 1).get(0).shareOfCapture());
        }
    }

    @Test
    void rejectsTopBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContendedLines.rank(db, 0, 3));
        assertEquals("top must be at least 1, got 0", e.getMessage());
    }

    private static List<String> summary(List<RankedLine> lines) {
        return lines.stream().map(l -> String.format(Locale.ROOT, "%d %s #%d idx%d %d=%d+%d %.2f%% acc%d %s",
                l.captureId(), l.metric(), l.rank(), l.lineIndex(), l.total(), l.remote(), l.local(),
                l.shareOfCapture(), l.accessorCount(),
                l.topAccessors().stream().map(a -> String.valueOf(a.rowInLine()))
                        .collect(Collectors.joining(", ", "[", "]")))).toList();
    }
}
