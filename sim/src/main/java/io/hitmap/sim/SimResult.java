// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;
import java.util.Map;

/**
 * A measured discrete-event run -> throughput and where the time and the HITMs went.
 *
 * @param sectionShare symbol -> share of all CPU time spent between its SECTION_BEGIN and SECTION_END
 * @param sites        per accessor of each line: accesses and HITMs (perf c2c's view of the run)
 * @param events       accesses and work steps the engine processed, warm-up included (for the bench)
 */
public record SimResult(int cpus, long ops, double elapsedNs, Map<String, Double> sectionShare,
                        List<LineStats> lines, List<SiteStats> sites, long casAttempts, long casRetries, long events) {

    /** Operations per second over all CPUs. */
    public double opsPerSecond() {
        return ops / elapsedNs * 1e9;
    }

    /** Operations per second per CPU. */
    public double opsPerSecondPerCpu() {
        return opsPerSecond() / cpus;
    }

    public double casRetriesPerCas() {
        long successes = casAttempts - casRetries;
        return successes == 0 ? 0 : (double) casRetries / successes;
    }
}
