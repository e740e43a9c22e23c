// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.Decimals;
import io.hitmap.analysis.ResultTable;
import io.hitmap.sim.Step;
import io.hitmap.sim.Strategies;
import io.hitmap.sim.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Baseline} -> every strategy the simulator knows, each predicted on the targeted lines or said
 * not to apply, ranked: the applicable ones by throughput when the run is timed, else by the HITMs left on
 * the targeted lines and then by the cost of their accesses; the others last.
 */
public final class Sweep {
    public static final List<String> COLUMNS = List.of("rank", "strategy", "applicable", "hitm_before",
            "hitm_predicted", "hitm_change_pct", "rmt_predicted", "lcl_predicted", "ns_per_access_before",
            "ns_per_access_after", "cpu_time_pct_before", "cpu_time_pct_after", "throughput_change_pct",
            "bytes_per_object", "note");

    private Sweep() {
    }

    public static ResultTable run(Baseline b) {
        List<PredictedCapture> applicable = new ArrayList<>();
        List<List<Object>> notApplicable = new ArrayList<>();
        Map<List<Step>, ReplayRun> runs = new HashMap<>();
        for (Strategy s : Strategies.ALL.values()) {
            String why = Applicability.whyNot(s, b.replay().capture(), b.target());
            if (why == null) {
                applicable.add(Predictor.predict(b, s, runs));
            } else {
                notApplicable.add(Arrays.asList(null, s.name(), false, null, null, null, null, null, null, null, null,
                        null, null, s.bytesPerObject(b.machine().topology().hardwareThreads()), "not applicable: " + why));
            }
        }
        applicable.sort(b.timing().timed()
                ? Comparator.comparingDouble(p -> -p.throughputChangePct())
                : Comparator.<PredictedCapture>comparingLong(Sweep::targetedHitm).thenComparingDouble(PredictedCapture::nsPerAccessAfter));
        List<List<Object>> rows = new ArrayList<>();
        for (PredictedCapture p : applicable) {
            rows.add(row(rows.size() + 1, p));
        }
        rows.addAll(notApplicable);
        return new ResultTable(COLUMNS, rows);
    }

    private static List<Object> row(int rank, PredictedCapture p) {
        long before = p.lines().stream().filter(PredictedLine::simulated)
                .mapToLong(l -> l.captured().remote() + l.captured().local()).sum();
        long after = targetedHitm(p);
        long rmt = p.lines().stream().filter(PredictedLine::simulated).mapToLong(PredictedLine::remote).sum();
        boolean timed = p.throughputChangePct() != null;
        return Arrays.asList((long) rank, p.strategy().name(), true, before, after,
                Decimals.round(before == 0 ? 0 : 100.0 * (after - before) / before, 2), rmt, after - rmt,
                Decimals.round(p.nsPerAccessBefore(), 2), Decimals.round(p.nsPerAccessAfter(), 2),
                timed ? Decimals.round(100 * p.targetedTimeShareBefore(), 2) : null,
                timed ? Decimals.round(100 * p.targetedTimeShareAfter(), 2) : null,
                timed ? Decimals.round(p.throughputChangePct(), 2) : null, p.bytesPerObject(),
                "holds if: " + Applicability.holdsIf(p.strategy()));
    }

    static long targetedHitm(PredictedCapture p) {
        return p.lines().stream().filter(PredictedLine::simulated).mapToLong(PredictedLine::hitm).sum();
    }
}
