// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a capture against the totals it prints about itself: a Pareto block header against
 * its table row, a table's Total against Lcl + Rmt, the Pareto shares of a line against 100%.
 * perf's own output always agrees; a disagreement means an edited paste or a parse gone wrong.
 */
final class C2cConsistency {
    private C2cConsistency() {
    }

    static List<String> check(String metric, List<C2cLine> table, Map<Integer, C2cLine> blocks, List<C2cAccess> rows) {
        boolean peer = metric.equals("peer");
        String what = peer ? "peer snoops" : "HITMs";
        Function<C2cLine, Long> rmt = peer ? C2cLine::rmtPeer : C2cLine::rmtHitm;
        Function<C2cLine, Long> lcl = peer ? C2cLine::lclPeer : C2cLine::lclHitm;
        Function<C2cLine, Long> tot = peer ? C2cLine::totPeer : C2cLine::totHitm;
        List<String> out = new ArrayList<>();
        for (C2cLine t : table) {
            if (tot.apply(t) != null && rmt.apply(t) != null && lcl.apply(t) != null
                    && tot.apply(t) != rmt.apply(t) + lcl.apply(t)) {
                out.add(String.format(Locale.ROOT, "cacheline %d (line %d): total %d %s is not remote %d + local %d",
                        t.lineIndex(), t.sourceLineNo(), tot.apply(t), what, rmt.apply(t), lcl.apply(t)));
            }
            C2cLine b = blocks.get(t.lineIndex());
            if (b != null && rmt.apply(b) != null && (!Objects.equals(rmt.apply(b), rmt.apply(t))
                    || !Objects.equals(lcl.apply(b), lcl.apply(t)))) {
                out.add(String.format(Locale.ROOT, "cacheline %d: the Pareto block (line %d) counts %d remote / %d"
                                + " local %s, its table row (line %d) %s / %s", t.lineIndex(), b.sourceLineNo(),
                        rmt.apply(b), lcl.apply(b), what, t.sourceLineNo(), rmt.apply(t), lcl.apply(t)));
            }
        }
        if (!table.isEmpty()) {
            Set<Integer> inTable = table.stream().map(C2cLine::lineIndex).collect(Collectors.toSet());
            blocks.values().stream().filter(b -> !inTable.contains(b.lineIndex()))
                    .forEach(b -> out.add(String.format(Locale.ROOT,
                            "cacheline %d: in the Pareto (line %d) but not in the table", b.lineIndex(), b.sourceLineNo())));
        }
        Map<Integer, List<C2cAccess>> byLine = rows.stream().collect(Collectors.groupingBy(C2cAccess::lineIndex));
        byLine.forEach((line, accessors) -> {
            shares(out, line, accessors, peer ? C2cAccess::rmtPeerPct : C2cAccess::rmtHitmPct, "remote " + what);
            shares(out, line, accessors, peer ? C2cAccess::lclPeerPct : C2cAccess::lclHitmPct, "local " + what);
        });
        return List.copyOf(out);
    }

    /** The table against the statistics perf printed above it (Trace Event and Global sections). */
    static List<String> checkTotals(List<C2cLine> table, List<C2cSummaryEntry> summary) {
        List<String> out = new ArrayList<>();
        if (table.isEmpty()) {
            return out;
        }
        stat(summary, "Total Shared Cache Lines").ifPresent(e -> {
            if (table.size() > e.valueNum()) {
                out.add(String.format(Locale.ROOT, "the table lists %d cache lines, but Total Shared Cache Lines"
                        + " (line %d) says %.0f", table.size(), e.sourceLineNo(), e.valueNum()));
            }
        });
        more(out, table, C2cLine::lclHitm, stat(summary, "Load Local HITM"), "local HITMs");
        more(out, table, C2cLine::rmtHitm, stat(summary, "Load Remote HITM"), "remote HITMs");
        return out;
    }

    private static void more(List<String> out, List<C2cLine> table, Function<C2cLine, Long> count,
            java.util.Optional<C2cSummaryEntry> stat, String what) {
        long sum = table.stream().map(count).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        stat.filter(e -> sum > e.valueNum()).ifPresent(e -> out.add(String.format(Locale.ROOT,
                "the table's %s add up to %d, more than the %.0f that %s (line %d) says", what, sum, e.valueNum(),
                e.key(), e.sourceLineNo())));
    }

    private static java.util.Optional<C2cSummaryEntry> stat(List<C2cSummaryEntry> summary, String key) {
        return summary.stream().filter(e -> e.key().equals(key) && e.valueNum() != null).findFirst();
    }

    private static void shares(List<String> out, int line, List<C2cAccess> rows, Function<C2cAccess, Double> pct,
            String what) {
        double sum = rows.stream().map(pct).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
        // each printed share is rounded to 0.01%
        if (sum > 100.0 + 0.005 * rows.size() + 0.01) {
            out.add(String.format(Locale.ROOT, "cacheline %d: the %s shares of its %d Pareto rows add up to %.2f%%",
                    line, what, rows.size(), sum));
        }
    }
}
