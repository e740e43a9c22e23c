// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/**
 * A workload on a machine -> what each simulated CPU does per operation: private work, then each hook
 * (a profiled symbol) taking and dropping references to the one shared object, plus an optional
 * background shared line standing for the rest of the kernel's shared writes. Read from JSON by
 * {@link ScenarioJson}; the format is documented in sim/SCENARIOS.md.
 *
 * @param privateWorkNs  mean private work per operation; null to derive it from {@code profile}
 * @param profile        the captured profile share that fixes private work, or null
 * @param backgroundRmwPerOp RMWs per operation on the background line; null to fit it to {@code calibration}
 * @param calibration    the one published cell the background line is fitted to, or null
 * @param objects        objects holding a reference each (for memory)
 */
public record Scenario(String name, String description, String topology, List<Integer> cpus, int baselineCpus,
                       Double privateWorkNs, ProfileTarget profile, List<Hook> hooks,
                       Double backgroundRmwPerOp, CalibrationPoint calibration,
                       Sourced rcuGracePeriodMs, Sourced scanPeriodMs, long objects,
                       long seed, long measuredOps) {

    public Scenario {
        cpus = List.copyOf(cpus);
        hooks = List.copyOf(hooks);
        if (privateWorkNs == null && profile == null) {
            throw new IllegalArgumentException("scenario " + name + ": give privateWorkNs or a profile to derive it from");
        }
        if (backgroundRmwPerOp == null && calibration == null) {
            backgroundRmwPerOp = 0.0;
        }
    }

    /** One profiled symbol: a get, {@code workNs} of its own work, a put, {@code refs} times per operation. */
    public record Hook(String symbol, double workNs, int refs) {
    }

    /** "At {@code cpus} under {@code strategy}, the hooks took {@code share} of all samples" (from a capture). */
    public record ProfileTarget(String strategy, int cpus, double share, String source) {
    }

    /** The published scaling efficiency (%) of {@code strategy} at {@code cpus}, relative to baselineCpus. */
    public record CalibrationPoint(String strategy, int cpus, double efficiencyPct, String source) {
    }

    public Scenario withCpus(List<Integer> newCpus) {
        return new Scenario(name, description, topology, newCpus, baselineCpus, privateWorkNs, profile, hooks,
                backgroundRmwPerOp, calibration, rcuGracePeriodMs, scanPeriodMs, objects, seed, measuredOps);
    }

    public Scenario resolved(double work, double background) {
        return new Scenario(name, description, topology, cpus, baselineCpus, work, profile, hooks,
                background, calibration, rcuGracePeriodMs, scanPeriodMs, objects, seed, measuredOps);
    }
}
