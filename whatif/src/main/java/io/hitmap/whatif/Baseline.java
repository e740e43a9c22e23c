// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

/**
 * A capture, a target and a machine -> the before replay every strategy is compared with: the private work
 * per operation resolved ({@link Timing}) and the replay of the accesses as captured.
 *
 * @param ops  operations measured per run (over all CPUs), after a fifth as many of warm-up
 * @param seed the engine's seed: the same inputs give the same prediction
 */
public record Baseline(Replay replay, Target target, Machine machine, Timing timing, ReplayRun before, long ops,
                       long seed) {

    /** Operations per run unless told otherwise: enough for a line's split to settle to a few tenths of a point. */
    public static final long DEFAULT_OPS = 500_000;
    public static final long DEFAULT_SEED = 1;

    /**
     * @param share       fraction of CPU time the targeted lines' accesses take in the captured run, or null
     * @param shareSource where {@code share} comes from (a profile, the command line)
     */
    public static Baseline of(Capture c, Target t, Machine m, Double share, String shareSource, long ops, long seed) {
        Replay r = new Replay(c, t);
        if (share == null) {
            Timing light = new Timing(null, "none: light load (no profile and no --share)", PrivateWork.lightLoad(r, m));
            ReplayRun before = r.run(m.topology(), m.cpus(), r.steps(null, t, light.workNs()), ops, seed);
            return new Baseline(r, t, m, light, before, ops, seed);
        }
        PrivateWork.Fit fit = PrivateWork.forShare(r, t, m, share, ops, seed);
        return new Baseline(r, t, m, new Timing(share, shareSource, fit.workNs()), fit.before(), ops, seed);
    }

    /**
     * How far the before replay is from the capture it was derived from: per simulated line, the largest
     * difference in points between an accessor's share of the line's HITMs in the replay and in the capture.
     */
    public double splitErrorPts(CapturedLine l) {
        SiteCounts line = before.line(l.index());
        double measured = l.hitm();
        double worst = 0;
        for (CapturedAccessor a : l.accessors()) {
            double sim = line.hitm() == 0 ? 0 : before.site(Replay.site(l.index(), a.row().rowInLine())).hitm() / line.hitm();
            double meas = measured == 0 ? 0 : a.hitm() / measured;
            worst = Math.max(worst, 100 * Math.abs(sim - meas));
        }
        return worst;
    }
}
