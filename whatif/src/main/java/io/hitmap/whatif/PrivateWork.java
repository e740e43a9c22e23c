// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import java.util.List;
import java.util.Locale;

/**
 * A replay and the share of CPU time its targeted lines' accesses took in the captured run -> the private
 * work per operation that gives that share in the before replay; without a share, light load: enough work
 * that the busiest line is busy at most 1% of the time, where which access finds the line Modified depends
 * only on the mix of accesses, not on queueing.
 */
final class PrivateWork {
    private static final int COARSE = 16;
    private static final int FINE = 8;
    /** Light load: the busiest line's utilisation bound, 1 / this. */
    private static final double LIGHT = 100;

    /** The work found and its full-length before replay (the one whose share came closest). */
    record Fit(double workNs, ReplayRun before) {
    }

    private PrivateWork() {
    }

    static double lightLoad(Replay r, Machine m) {
        return LIGHT * m.cpus() * r.busiestLine() * m.slowestHandoffNs();
    }

    /**
     * A bisection on log(work) over short replays across the whole range, then one on full replays within
     * a factor of two of it. Near a line's saturation the share moves steeply with the work, so the answer
     * is the full replay that came closest to {@code share}, not the bracket's middle.
     */
    static Fit forShare(Replay r, Target target, Machine m, double share, long ops, long seed) {
        long coarseOps = Math.max(ops / 4, 1000);
        double lo = Math.log(0.1);
        double hi = Math.log(lightLoad(r, m) * 10);
        double most = targetedTimeShare(run(r, target, m, Math.exp(lo), coarseOps, seed), target, r);
        if (share >= most) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the targeted lines' accesses take at most %.1f%% of CPU time in this replay, asked for %.1f%%",
                    100 * most, 100 * share));
        }
        for (int i = 0; i < COARSE; i++) {
            double mid = (lo + hi) / 2;
            if (targetedTimeShare(run(r, target, m, Math.exp(mid), coarseOps, seed), target, r) > share) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double coarse = (lo + hi) / 2;
        lo = coarse - Math.log(2);
        hi = coarse + Math.log(2);
        Fit best = null;
        for (int i = 0; i < FINE; i++) {
            double mid = (lo + hi) / 2;
            ReplayRun run = run(r, target, m, Math.exp(mid), ops, seed);
            double got = targetedTimeShare(run, target, r);
            if (best == null || Math.abs(got - share) < Math.abs(targetedTimeShare(best.before(), target, r) - share)) {
                best = new Fit(Math.exp(mid), run);
            }
            if (got > share) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return best;
    }

    private static ReplayRun run(Replay r, Target target, Machine m, double workNs, long ops, long seed) {
        return r.run(m.topology(), m.cpus(), r.steps(null, target, workNs), ops, seed);
    }

    static double targetedTimeShare(ReplayRun run, Target target, Replay r) {
        List<CapturedLine> targeted = target.lines(r.capture());
        return targeted.stream().mapToDouble(l -> run.timeShare(l.index())).sum();
    }
}
