// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.sim.Strategy;
import java.util.List;

/**
 * What a strategy would make of a capture: the predicted lines, and from the replays the change in
 * throughput and in CPU time on the targeted lines, and the memory the strategy costs per object.
 *
 * @param fallbackShare share of time in the strategy's fallback regime (managed percpu_ref's atomic window)
 * @param after         the after replay (mixed with the fallback's by {@code fallbackShare})
 */
public record PredictedCapture(Baseline baseline, Strategy strategy, double fallbackShare, ReplayRun after,
                               List<PredictedLine> lines) {

    public PredictedCapture {
        lines = List.copyOf(lines);
    }

    /** Throughput after over before, minus one, in percent; null without a captured share of CPU time. */
    public Double throughputChangePct() {
        return baseline.timing().timed() ? 100 * (after.opsPerSecond() / baseline.before().opsPerSecond() - 1) : null;
    }

    /** Share of all CPU time the targeted lines' accesses take in the before replay. */
    public double targetedTimeShareBefore() {
        return PrivateWork.targetedTimeShare(baseline.before(), baseline.target(), baseline.replay());
    }

    public double targetedTimeShareAfter() {
        return PrivateWork.targetedTimeShare(after, baseline.target(), baseline.replay());
    }

    /**
     * ns the targeted lines' accesses cost per captured access to them (the before replay's count of accesses
     * is the denominator on both sides, so after counts what the same work costs under the strategy).
     */
    public double nsPerAccessBefore() {
        return nsPerAccess(baseline.before());
    }

    public double nsPerAccessAfter() {
        return nsPerAccess(after);
    }

    private double nsPerAccess(ReplayRun run) {
        double accesses = 0;
        for (CapturedLine l : baseline.target().lines(baseline.replay().capture())) {
            accesses += baseline.before().line(l.index()).accesses();
        }
        double share = PrivateWork.targetedTimeShare(run, baseline.target(), baseline.replay());
        double sectionNsPerOp = share * baseline.machine().cpus() * 1e9 / run.opsPerSecond();
        return accesses == 0 ? 0 : sectionNsPerOp * run.ops() / accesses;
    }

    /** Bytes one object's reference costs under the strategy on the topology's possible CPUs. */
    public long bytesPerObject() {
        return strategy.bytesPerObject(baseline.machine().topology().hardwareThreads());
    }

    /** The lines perf would list, most HITMs first (perf's order; the capture's order on ties). */
    public List<PredictedLine> listed() {
        return lines.stream().filter(PredictedLine::listed)
                .sorted(java.util.Comparator.comparingLong(PredictedLine::hitm).reversed()).toList();
    }
}
