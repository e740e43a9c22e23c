// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * One strategy at one CPU count -> predicted throughput and scaling efficiency (against the same
 * strategy at the scenario's baseline CPUs) from the engine and from the queueing model, HITMs per
 * operation on the object's line, cmpxchg retries and memory.
 */
public record Prediction(String strategy, int cpus, int l3Domains, double opsPerSecond, double efficiencyPct,
                         double analyticEfficiencyPct, double lclHitmPerOp, double rmtHitmPerOp,
                         double casRetriesPerCas, double hookShare, long bytesPerObject, long memoryBytes) {

    /** Engine minus queueing model, in efficiency points. */
    public double disagreementPts() {
        return efficiencyPct - analyticEfficiencyPct;
    }
}
