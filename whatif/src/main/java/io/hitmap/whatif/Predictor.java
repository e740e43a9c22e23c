// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.sim.Scenario;
import io.hitmap.sim.ScenarioJson;
import io.hitmap.sim.Step;
import io.hitmap.sim.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Baseline} and a strategy -> the predicted after-capture. The targeted lines are replayed under the
 * strategy and their counts turned into samples line by line: a line's remote (local) HITM samples in the
 * capture over its remote (local) HITMs in the before replay is the samples one simulated HITM stands for,
 * so each line calibrates its own sampling and keeps its measured remote/local mix. Store samples scale by
 * the accessor's writes after over before. Every other line is carried over from the capture.
 */
public final class Predictor {
    /** Managed percpu_ref's scan and grace periods are the simulator's, from this scenario (sourced there). */
    static final String WINDOW_SCENARIO = "nginx-apparmor";

    private Predictor() {
    }

    public static PredictedCapture predict(Baseline b, Strategy s) {
        return predict(b, s, new HashMap<>());
    }

    /**
     * As {@link #predict(Baseline, Strategy)}, reusing the replays in {@code runs}: strategies whose steps are
     * the same (kref and rcuref, the percpu family, no-ref and rcu-read) give the same seeded run.
     */
    static PredictedCapture predict(Baseline b, Strategy s, Map<List<Step>, ReplayRun> runs) {
        double f = fallbackShare(s);
        ReplayRun after = run(b, s, runs);
        if (f > 0) {
            after = after.mix(run(b, s.fallback(), runs), f);
        }
        Replay r = b.replay();
        List<PredictedLine> lines = new ArrayList<>();
        for (CapturedLine l : r.capture().lines()) {
            Double change = null;
            if (r.simulates(l)) {
                double before = b.before().line(l.index()).hitm();
                change = before == 0 ? null : 100 * (after.line(l.index()).hitm() / before - 1);
            }
            boolean targeted = r.simulates(l) && !b.target().of(l).isEmpty();
            lines.add(targeted ? simulated(l, b.before(), after, change) : carried(l, change));
        }
        return new PredictedCapture(b, s, f, after, lines);
    }

    private static ReplayRun run(Baseline b, Strategy s, Map<List<Step>, ReplayRun> runs) {
        Replay r = b.replay();
        return runs.computeIfAbsent(r.steps(s, b.target(), b.timing().workNs()),
                steps -> r.run(b.machine().topology(), b.machine().cpus(), steps, b.ops(), b.seed()));
    }

    /** The share of time a strategy spends in its fallback regime (managed percpu_ref's atomic windows). */
    static double fallbackShare(Strategy s) {
        if (s.fallback() == null) {
            return 0;
        }
        try {
            Scenario windows = ScenarioJson.load(WINDOW_SCENARIO);
            return s.fallbackShare(windows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PredictedLine carried(CapturedLine l, Double change) {
        return new PredictedLine(l, false, l.accessors().stream().map(PredictedAccessor::carried).toList(), change,
                l.remote(), l.local(), l.storeL1Hit(), l.storeL1Miss(), l.storeNa());
    }

    static PredictedLine simulated(CapturedLine l, ReplayRun before, ReplayRun after, Double change) {
        // the samples of the accessors the capture lists (all of the line's unless its Pareto was cut short)
        double rmt = l.accessors().stream().mapToDouble(CapturedAccessor::rmtHitm).sum();
        double lcl = l.accessors().stream().mapToDouble(CapturedAccessor::lclHitm).sum();
        SiteCounts sb = before.line(l.index());
        double kTot = sb.hitm() > 0 ? (rmt + lcl) / sb.hitm() : 0;
        double kRmt = sb.rmtHitm() > 0 ? rmt / sb.rmtHitm() : kTot;
        double kLcl = sb.lclHitm() > 0 ? lcl / sb.lclHitm() : kTot;
        List<PredictedAccessor> out = new ArrayList<>();
        double[] delta = new double[5]; // remote, local, then the three store counts
        for (CapturedAccessor a : l.accessors()) {
            String site = Replay.site(l.index(), a.row().rowInLine());
            SiteCounts x = after.site(site);
            SiteCounts y = before.site(site);
            // a writer the replay does not run (no HITM samples) keeps its stores as captured
            double writes = y.writes() > 0 ? x.writes() / y.writes() : 1;
            PredictedAccessor p = new PredictedAccessor(a, Math.round(kRmt * x.rmtHitm()), Math.round(kLcl * x.lclHitm()),
                    a.storeL1Hit() * writes, a.storeL1Miss() * writes, a.storeNa() * writes);
            delta[0] += p.rmtHitm() - a.rmtHitm();
            delta[1] += p.lclHitm() - a.lclHitm();
            delta[2] += p.storeL1Hit() - a.storeL1Hit();
            delta[3] += p.storeL1Miss() - a.storeL1Miss();
            delta[4] += p.storeNa() - a.storeNa();
            out.add(p);
        }
        return new PredictedLine(l, true, out, change, plus(l.remote(), delta[0]), plus(l.local(), delta[1]),
                plus(l.storeL1Hit(), delta[2]), plus(l.storeL1Miss(), delta[3]), plus(l.storeNa(), delta[4]));
    }

    private static Long plus(Long count, double delta) {
        return count == null ? null : Math.max(0, Math.round(count + delta));
    }
}
