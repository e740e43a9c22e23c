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

    /** Engine minus queueing model, in efficiency points. */
    public double disagreementPts() {
        return efficiencyPct - analyticEfficiencyPct;
    }
}
