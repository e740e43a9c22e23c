// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a capture against the totals it prints about itself: a Pareto block header against
 * its table row, a table's Total against Lcl + Rmt, the Pareto shares of a line against 100%.
 * perf's own output always agrees; a disagreement means an edited paste or a parse gone wrong.
 * Fed record by record as the parser reads them, it keeps what the checks join across sections in
 * primitive arrays, about 40 bytes per cache line (its index, the input lines of its table row and
 * Pareto block, the table's remote and local counts), and nothing per Pareto row: a block's shares
 * are summed as its rows go by. The line numbers also serve the parser's duplicate checks.
 */
final class C2cConsistency {
    private static final int NONE = -1; // counts are never negative (C2cRows.count): -1 stands for null
    private static final int BIG = -2; // a count above Integer.MAX_VALUE, kept in {@link #big}
    private static final int HITM = 0;
    private static final int PEER = 1;

    /** A disagreement found while reading; sorted on {@code key} at the end (a table line, or a line index). */
    private record Found(long key, int order, String text) {
    }

    private final C2cLineSlots slots = new C2cLineSlots();
    private int[] tableLineNo = new int[32];
    private int[] blockLineNo = new int[32];
    private int[] counts = new int[4 * 32]; // the table row's remote, local HITM, remote, local peer
    private final Map<Integer, Long> big = new HashMap<>();
    private final List<List<Found>> found = List.of(new ArrayList<>(), new ArrayList<>());
    private final List<List<Found>> sharesFound = List.of(new ArrayList<>(), new ArrayList<>());
    private int tableRows;
    private long localHitm;
    private long remoteHitm;
    // the Pareto rows of the block being read: their line, count and summed shares
    private int shareLine = -1;
    private int shareRows;
    private final double[] shares = new double[4];

    /** The input line of the table row with this index, or 0 when there is none. */
    int tableRowAt(int lineIndex) {
        int s = slots.find(lineIndex);
        return s < 0 ? 0 : tableLineNo[s];
    }

    /** The input line of the Pareto block with this index, or 0 when there is none. */
    int blockAt(int lineIndex) {
        int s = slots.find(lineIndex);
        return s < 0 ? 0 : blockLineNo[s];
    }

    int tableRows() {
        return tableRows;
    }

    void tableRow(C2cLine t) {
        int s = slot(t.lineIndex());
        tableLineNo[s] = t.sourceLineNo();
        tableRows++;
        Long[] c = {t.rmtHitm(), t.lclHitm(), t.rmtPeer(), t.lclPeer()};
        for (int k = 0; k < 4; k++) {
            int at = 4 * s + k;
            counts[at] = c[k] == null ? NONE : c[k] > Integer.MAX_VALUE ? BIG : c[k].intValue();
            if (counts[at] == BIG) {
                big.put(at, c[k]);
            }
        }
        total(s, HITM, t.totHitm(), t.rmtHitm(), t.lclHitm());
        total(s, PEER, t.totPeer(), t.rmtPeer(), t.lclPeer());
        localHitm += t.lclHitm() == null ? 0 : t.lclHitm();
        remoteHitm += t.rmtHitm() == null ? 0 : t.rmtHitm();
    }

    private void total(int s, int metric, Long tot, Long rmt, Long lcl) {
        if (tot != null && rmt != null && lcl != null && tot != rmt + lcl) {
            found.get(metric).add(new Found(tableLineNo[s], 0, String.format(Locale.ROOT,
                    "cacheline %d (line %d): total %d %s is not remote %d + local %d",
                    slots.key(s), tableLineNo[s], tot, what(metric), rmt, lcl)));
        }
    }

    void block(C2cLine b) {
        int s = slot(b.lineIndex());
        blockLineNo[s] = b.sourceLineNo();
        if (tableLineNo[s] != 0) {
            agree(s, HITM, b.rmtHitm(), b.lclHitm());
            agree(s, PEER, b.rmtPeer(), b.lclPeer());
        }
    }

    private void agree(int s, int metric, Long rmt, Long lcl) {
        Long tRmt = count(s, 2 * metric);
        Long tLcl = count(s, 2 * metric + 1);
        if (rmt != null && (!rmt.equals(tRmt) || !Objects.equals(lcl, tLcl))) {
            found.get(metric).add(new Found(tableLineNo[s], 1, String.format(Locale.ROOT,
                    "cacheline %d: the Pareto block (line %d) counts %d remote / %d local %s, its table row (line %d)"
                            + " %s / %s", slots.key(s), blockLineNo[s], rmt, lcl, what(metric), tableLineNo[s],
                    tRmt, tLcl)));
        }
    }

    /** A Pareto row: its shares add to those of the rows before it in the same block. */
    void access(C2cAccess a) {
        if (a.lineIndex() != shareLine) {
            checkShares();
            shareLine = a.lineIndex();
        }
        shareRows++;
        Double[] p = {a.rmtHitmPct(), a.lclHitmPct(), a.rmtPeerPct(), a.lclPeerPct()};
        for (int k = 0; k < 4; k++) {
            shares[k] += p[k] == null ? 0 : p[k];
        }
    }

    private void checkShares() {
        for (int m = HITM; m <= PEER; m++) {
            share(m, 2 * m, "remote " + what(m));
            share(m, 2 * m + 1, "local " + what(m));
        }
        shareRows = 0;
        Arrays.fill(shares, 0);
    }

    private void share(int metric, int k, String what) {
        // each printed share is rounded to 0.01%
        if (shareRows > 0 && shares[k] > 100.0 + 0.005 * shareRows + 0.01) {
            sharesFound.get(metric).add(new Found(shareLine, k % 2, String.format(Locale.ROOT,
                    "cacheline %d: the %s shares of its %d Pareto rows add up to %.2f%%", shareLine, what, shareRows,
                    shares[k])));
        }
    }

    /** Every disagreement, for the metric the capture turned out to rank on, in the order of the table. */
    List<String> warnings(String metric, C2cStatFacts stats) {
        checkShares();
        int m = metric.equals("peer") ? PEER : HITM;
        Comparator<Found> order = Comparator.comparingLong(Found::key).thenComparingInt(Found::order);
        List<String> out = new ArrayList<>();
        found.get(m).stream().sorted(order).forEach(f -> out.add(f.text()));
        if (tableRows > 0) {
            List<Found> notListed = new ArrayList<>();
            for (int s = 0; s < slots.size(); s++) {
                if (blockLineNo[s] != 0 && tableLineNo[s] == 0) {
                    notListed.add(new Found(slots.key(s), 0, String.format(Locale.ROOT,
                            "cacheline %d: in the Pareto (line %d) but not in the table", slots.key(s),
                            blockLineNo[s])));
                }
            }
            notListed.stream().sorted(order).forEach(f -> out.add(f.text()));
        }
        sharesFound.get(m).stream().sorted(order).forEach(f -> out.add(f.text()));
        totals(out, stats);
        return List.copyOf(out);
    }

    /** The table against the statistics perf printed above it (Trace Event and Global sections). */
    private void totals(List<String> out, C2cStatFacts stats) {
        if (tableRows == 0) {
            return;
        }
        stats.totalLines().filter(e -> tableRows > e.valueNum()).ifPresent(e -> out.add(String.format(Locale.ROOT,
                "the table lists %d cache lines, but Total Shared Cache Lines (line %d) says %.0f", tableRows,
                e.sourceLineNo(), e.valueNum())));
        more(out, localHitm, stats.localHitm(), "local HITMs");
        more(out, remoteHitm, stats.remoteHitm(), "remote HITMs");
    }

    private static void more(List<String> out, long sum, Optional<C2cSummaryEntry> stat, String what) {
        stat.filter(e -> sum > e.valueNum()).ifPresent(e -> out.add(String.format(Locale.ROOT,
                "the table's %s add up to %d, more than the %.0f that %s (line %d) says", what, sum, e.valueNum(),
                e.key(), e.sourceLineNo())));
    }

    private Long count(int s, int k) {
        int v = counts[4 * s + k];
        return v == NONE ? null : v == BIG ? big.get(4 * s + k) : Long.valueOf(v);
    }

    private static String what(int metric) {
        return metric == PEER ? "peer snoops" : "HITMs";
    }

    private int slot(int lineIndex) {
        int s = slots.add(lineIndex);
        if (s == tableLineNo.length) {
            int n = tableLineNo.length * 2;
            tableLineNo = Arrays.copyOf(tableLineNo, n);
            blockLineNo = Arrays.copyOf(blockLineNo, n);
            counts = Arrays.copyOf(counts, 4 * n);
        }
        return s;
    }
}
