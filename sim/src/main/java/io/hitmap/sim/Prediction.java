// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * One strategy at one CPU count -> predicted throughput and scaling efficiency (against the same
 * strategy at the scenario's baseline CPUs) from the engine and from the queueing model, HITMs per
 * operation on the shared lines, cmpxchg retries, memory, reclaim delay (NaN: not bounded by the
 * strategy), RCU callbacks per second, and per accessor of each line what perf c2c would count.
 */
public record Prediction(String strategy, int cpus, int l3Domains, double opsPerSecond, double efficiencyPct,
                         double analyticEfficiencyPct, double lclHitmPerOp, double rmtHitmPerOp,
                         double casRetriesPerCas, double hookShare, long bytesPerObject, long memoryBytes,
                         double reclaimDelayMs, double rcuCallbacksPerSecond, java.util.List<SiteStats> sites) {

    /**
     * RCU grace periods per second the strategy drives: each callback needs a grace period to end after it
     * is queued and one grace period serves every callback queued before it began, so at most one per
     * grace-period length ({@code gpMs}), and no more than there are callbacks.
     */
    public double rcuGracePeriodsPerSecond(double gpMs) {
        return rcuCallbacksPerSecond <= 0 ? 0 : Math.min(rcuCallbacksPerSecond, 1000 / gpMs);
    }

    /** Engine minus queueing model, in efficiency points. */
    public double disagreementPts() {
        return efficiencyPct - analyticEfficiencyPct;
    }
}
