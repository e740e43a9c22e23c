// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.RankedLine;
import java.util.Set;

/**
 * perf's own percentage of a line (the table's Hitm column: of every HITM of the run, listed or not) ->
 * the same percentage after the prediction: the run's total is the capture's (a line's count over its
 * percentage) plus what the simulated lines gained or lost.
 *
 * @param of the count the percentage is of: tot_hitm, rmt_hitm or lcl_hitm ('Cachelines sort on')
 */
record HitmShare(String of, double runTotalAfter) {
    private static final Set<String> KNOWN = Set.of("tot_hitm", "rmt_hitm", "lcl_hitm");

    /** Null unless every line of the capture has perf's percentage of a HITM count. */
    static HitmShare of(PredictedCapture p) {
        RankedLine best = null;
        for (CapturedLine l : p.baseline().replay().capture().lines()) {
            RankedLine r = l.line();
            if (r.perfPct() == null || !KNOWN.contains(r.perfPctOf())) {
                return null;
            }
            if (best == null || r.perfPct() > best.perfPct()) {
                best = r;
            }
        }
        if (best == null || best.perfPct() <= 0) {
            return null;
        }
        String of = best.perfPctOf();
        // the largest percentage has the smallest relative rounding error
        double total = count(of, best.remote(), best.local()) / (best.perfPct() / 100);
        for (PredictedLine l : p.lines()) {
            CapturedLine c = l.captured();
            total += count(of, l.remote(), l.local()) - count(of, c.remote(), c.local());
        }
        return new HitmShare(of, total);
    }

    double pct(PredictedLine l) {
        return runTotalAfter <= 0 ? 0 : 100 * count(of, l.remote(), l.local()) / runTotalAfter;
    }

    private static double count(String of, Long remote, Long local) {
        long r = remote == null ? 0 : remote;
        long c = local == null ? 0 : local;
        return switch (of) {
            case "rmt_hitm" -> r;
            case "lcl_hitm" -> c;
            default -> r + c;
        };
    }
}
