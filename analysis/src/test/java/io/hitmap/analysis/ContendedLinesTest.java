// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import static io.hitmap.analysis.Captures.capture;
import static io.hitmap.analysis.Captures.hitmAccess;
import static io.hitmap.analysis.Captures.hitmLine;
import static io.hitmap.analysis.Captures.peerAccess;
import static io.hitmap.analysis.Captures.peerLine;
import static io.hitmap.analysis.Captures.shares;
import static io.hitmap.analysis.Captures.stat;
import static io.hitmap.analysis.Captures.withPct;
import static io.hitmap.analysis.Captures.withStores;
import static io.hitmap.analysis.Captures.withSummary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hitmap.ingest.c2c.C2cCapture;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-built captures with worked-out totals -> ranks, shares and top accessors per capture. */
class ContendedLinesTest {
    private HitmapDb db;

    // HITM capture, sum of tot_hitm = 30 + 50 + 20 + 50 = 150; perf printed no percentages.
    // Ranks: idx1 (50) and idx3 (50) tie -> line_index order; then idx0 (30), idx2 (20).
    // Shares of the listed lines: 50/150 = 33.33%, 33.33%, 30/150 = 20.00%, 20/150 = 13.33%.
    // Accessors of idx1 (rmt 40, lcl 10, no store counts) by rmt% * 40 + lcl% * 10:
    // row1 50*40+20*10 = 2200 -> 22, row0 10*40+5*10 = 450 -> 4.5, row2 0+15*10 -> 1.5, row3 null -> 0.
    static final C2cCapture HITM = capture("hitm.c2c.txt", "hitm",
            List.of(hitmLine(0, 30L, 10L, 20L), hitmLine(1, 50L, 40L, 10L),
                    hitmLine(2, 20L, 0L, 20L), hitmLine(3, 50L, 25L, 25L)),
            List.of(hitmAccess(0, 0, 100.0, 0.0),
                    hitmAccess(1, 0, 10.0, 5.0), hitmAccess(1, 1, 50.0, 20.0),
                    hitmAccess(1, 2, 0.0, 15.0), hitmAccess(1, 3, null, null)));

    // Peer capture (Arm SPE), sum of tot_peer = 5 + 15 = 20: idx1 75.00%, idx0 25.00%.
    // Accessors of idx1 (rmt_peer 10, lcl_peer 5) by rmt_peer% * 10 + lcl_peer% * 5:
    // row1 600+200 -> 8, row0 200+150 -> 3.5.
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
        // hitmAccess(1, 1, 50.0, 20.0) and hitmLine(1, 50, 40, 10) in Captures; est = (50*40 + 20*10) / 100
        RankedAccessor a = new RankedAccessor(1, 8, "0", 1L, 4242L, "4242:4301", "0x401", "worker_1", ".", "app",
                "app.c:31", 50.0, 20.0, 10.0, 90.0, null, 300.0, 200.0, 100.0, 50L, 3L, "0 1", 22.0, 101);
        // the verdict is LineClassesTest's business
        assertEquals(new RankedLine(1, "hitm.c2c.txt", "hitm", 1, 1, "0x1040", 50L, 40L, 10L, null, null,
                100.0 * 50 / 150, 101L, 81L, 21L, "0", 4, List.of(a), null, top.verdict()), top);
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
            assertEquals(null, ContendedLines.rank(one, 1, 1).get(0).shareOfListed());
        }
    }

    @Test
    void ordersAccessorsBySamplesTheyAddToTheLineCountingStores() throws SQLException {
        // Line: rmt 100, lcl 10, stores L1 hit 50, L1 miss 20, N/A 30. Each accessor's estimate is
        // (rmt% * 100 + lcl% * 10 + l1hit% * 50 + l1miss% * 20 + na% * 30) / 100:
        //   row0  0/60/0/0/0      -> 60*10/100         =  6
        //   row1  10/0/0/0/0      -> 10*100/100        = 10
        //   row2  0/0/40/0/0      -> 40*50/100         = 20  (a writer without a single HITM)
        //   row3  5/40/0/0/0      -> (500 + 400)/100   =  9
        //   row4  0/0/20/0/null   -> 20*50/100         = 10  (ties row1 -> row order)
        //   row5  null/null/null/25/50 -> (500 + 1500)/100 = 20 (ties row2 -> row order)
        // rmt% + lcl%, the old order, would have put row0 (60) and row3 (45) first.
        C2cCapture c = capture("stores.c2c.txt", "hitm",
                List.of(withStores(hitmLine(0, 110L, 100L, 10L), 50L, 20L, 30L)),
                List.of(shares(0, 0, 0.0, 60.0, 0.0, 0.0, 0.0), shares(0, 1, 10.0, 0.0, 0.0, 0.0, 0.0),
                        shares(0, 2, 0.0, 0.0, 40.0, 0.0, 0.0), shares(0, 3, 5.0, 40.0, 0.0, 0.0, 0.0),
                        shares(0, 4, 0.0, 0.0, 20.0, 0.0, null), shares(0, 5, null, null, null, 25.0, 50.0)));
        try (HitmapDb one = HitmapDb.inMemory()) {
            one.addCapture(c);
            List<RankedAccessor> top = ContendedLines.rank(one, 1, 6).get(0).topAccessors();
            assertEquals(List.of(2, 5, 1, 4, 3, 0), top.stream().map(RankedAccessor::rowInLine).toList());
            assertEquals(List.of(20.0, 20.0, 10.0, 10.0, 9.0, 6.0),
                    top.stream().map(RankedAccessor::estSamples).toList());
            assertEquals(List.of(2, 5), ContendedLines.rank(one, 1, 2).get(0).topAccessors().stream()
                    .map(RankedAccessor::rowInLine).toList(), "the writer stays in a top 2");
        }
    }

    @Test
    void givesPerfsOwnPercentageAndWhatItIsAShareOf() throws SQLException {
        // perf's Tot Hitm 28.14% and 5.00% (shares of every HITM of the run); the file lists two lines
        // with 2845 + 155 = 3000 HITMs, so their shares of the listed lines are 94.83% and 5.17%.
        C2cCapture tot = capture("tot.c2c.txt", "hitm",
                List.of(withPct(hitmLine(0, 2845L, 1310L, 1535L), 28.14, null),
                        withPct(hitmLine(1, 155L, 100L, 55L), 5.0, null)), List.of());
        // 'Cachelines sort on : Remote HITMs' (-d rmt): the percentage is a share of remote HITMs.
        C2cCapture rmt = withSummary(capture("rmt.c2c.txt", "hitm",
                        List.of(withPct(hitmLine(0, 12103L, 9834L, 2269L), 77.09, null)), List.of()),
                List.of(stat("c2c details", "Cachelines sort on", "Remote HITMs", null, 54)), List.of());
        C2cCapture peer = capture("peer.c2c.txt", "peer", List.of(withPct(peerLine(0, 7L, 3L, 4L), null, 12.5)),
                List.of());
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.addCaptures(List.of(tot, rmt, peer));
            assertEquals(List.of("1 #1 28.14 of tot_hitm, listed 94.83", "1 #2 5.00 of tot_hitm, listed 5.17",
                            "2 #1 77.09 of rmt_hitm, listed 100.00", "3 #1 12.50 of tot_peer, listed 100.00"),
                    ContendedLines.rank(db, 5, 0).stream().map(l -> String.format(Locale.ROOT,
                            "%d #%d %.2f of %s, listed %.2f", l.captureId(), l.rank(), l.perfPct(), l.perfPctOf(),
                            l.shareOfListed())).toList());
        }
        RankedLine none = ContendedLines.rank(db, 1, 0).get(0);
        assertEquals(Arrays.asList(null, null), Arrays.asList(none.perfPct(), none.perfPctOf()),
                "no percentage printed, so nothing it is a share of");
    }

    @Test
    void rejectsTopBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContendedLines.rank(db, 0, 3));
        assertEquals("top must be at least 1, got 0", e.getMessage());
    }

    private static List<String> summary(List<RankedLine> lines) {
        return lines.stream().map(l -> String.format(Locale.ROOT, "%d %s #%d idx%d %d=%d+%d %.2f%% acc%d %s",
                l.captureId(), l.metric(), l.rank(), l.lineIndex(), l.total(), l.remote(), l.local(),
                l.shareOfListed(), l.accessorCount(),
                l.topAccessors().stream().map(a -> String.valueOf(a.rowInLine()))
                        .collect(Collectors.joining(", ", "[", "]")))).toList();
    }
}
