// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/**
 * A workload on a machine -> what each simulated CPU does per operation: private work, misses on data
 * other CPUs wrote (the background), then each hook (a profiled symbol) protecting its access to a
 * shared object with the strategy under test, plus reads of other fields on the object's line. Read from
 * JSON by {@link ScenarioJson}; the format is documented in sim/SCENARIOS.md.
 *
 * @param topology       a preset name ({@link Topologies#PRESETS}), or null when {@code custom} is given
 * @param custom         a machine described in full (shape and sourced costs), or null for the preset
 * @param privateWorkNs  mean private work per operation; null to derive it from {@code profile}
 * @param profile        the captured profile share that fixes private work, or null
 * @param backgroundTransfersPerOp misses per operation on lines another CPU of the run wrote last; null
 *                       to fit it to {@code calibration}
 * @param calibration    the one published cell the background is fitted to, or null
 * @param objects        objects holding a reference each (for memory)
 * @param releasesPerSecond objects released per second machine-wide (for reclaim and RCU callback rates)
 */
public record Scenario(String name, String description, String topology, Topology custom, List<Integer> cpus,
                       int baselineCpus,
                       Double privateWorkNs, ProfileTarget profile, List<Hook> hooks,
                       Double backgroundTransfersPerOp, CalibrationPoint calibration,
                       Sourced rcuGracePeriodMs, Sourced scanPeriodMs, long objects, double releasesPerSecond,
                       long seed, long measuredOps) {

    public Scenario {
        cpus = List.copyOf(cpus);
        hooks = List.copyOf(hooks);
        if ((topology == null) == (custom == null)) {
            throw new IllegalArgumentException("scenario " + name + ": give either a topology preset or a custom machine");
        }
        if (privateWorkNs == null && profile == null) {
            throw new IllegalArgumentException("scenario " + name + ": give privateWorkNs or a profile to derive it from");
        }
        if (backgroundTransfersPerOp == null && calibration == null) {
            backgroundTransfersPerOp = 0.0;
        }
        if (hooks.isEmpty()) {
            throw new IllegalArgumentException("scenario " + name + ": no hooks, nothing shared to simulate");
        }
    }

    /**
     * One profiled symbol, {@code refs} times per operation: the strategy's get on {@code object}'s line,
     * the {@code reads}, {@code workNs} of the hook's own work (under {@code lock} when one is named), the
     * strategy's put.
     *
     * @param object    the shared object's name (hooks naming the same object share its line); null = "object"
     * @param reads     loads of other fields on the object's line by other symbols, whatever the strategy
     *                  (overlayfs: generic_permission reading cred->fsuid beside cred->usage); null = none
     * @param getSymbol accessor symbol of the get (override_creds), null = {@code symbol}
     * @param putSymbol accessor symbol of the put (revert_creds), null = {@code symbol}
     * @param lock      a spinlock's name held around the hook's work whatever the strategy (list_lru's node
     *                  lock), null = none; it gets a line of its own
     */
    public record Hook(String symbol, String object, double workNs, int refs, List<Read> reads, String getSymbol,
                       String putSymbol, String lock) {
        public Hook {
            object = object == null ? "object" : object;
            reads = reads == null ? List.of() : List.copyOf(reads);
            getSymbol = getSymbol == null ? symbol : getSymbol;
            putSymbol = putSymbol == null ? symbol : putSymbol;
            if (refs < 1 || !(workNs >= 0)) {
                throw new IllegalArgumentException("hook " + symbol + ": refs >= 1 and workNs >= 0 required");
            }
            if (object.equals(lock)) {
                throw new IllegalArgumentException("hook " + symbol + ": the lock needs a name other than the object's");
            }
        }

        public Hook(String symbol, double workNs, int refs) {
            this(symbol, null, workNs, refs, null, null, null, null);
        }
    }

    /** {@code count} loads per hook invocation of the hook's object line at {@code symbol}. */
    public record Read(String symbol, double count) {
    }

    /** "At {@code cpus} under {@code strategy}, the hooks took {@code share} of all samples" (from a capture). */
    public record ProfileTarget(String strategy, int cpus, double share, String source) {
    }

    /** The published scaling efficiency (%) of {@code strategy} at {@code cpus}, relative to baselineCpus. */
    public record CalibrationPoint(String strategy, int cpus, double efficiencyPct, String source) {
    }

    public Scenario withCpus(List<Integer> newCpus) {
        return new Scenario(name, description, topology, custom, newCpus, baselineCpus, privateWorkNs, profile, hooks,
                backgroundTransfersPerOp, calibration, rcuGracePeriodMs, scanPeriodMs, objects, releasesPerSecond,
                seed, measuredOps);
    }

    public Scenario withBaseline(int cpus) {
        return new Scenario(name, description, topology, custom, this.cpus, cpus, privateWorkNs, profile, hooks,
                backgroundTransfersPerOp, calibration, rcuGracePeriodMs, scanPeriodMs, objects, releasesPerSecond,
                seed, measuredOps);
    }

    public Scenario withCalibration(CalibrationPoint c) {
        return new Scenario(name, description, topology, custom, cpus, baselineCpus, privateWorkNs, profile, hooks,
                null, c, rcuGracePeriodMs, scanPeriodMs, objects, releasesPerSecond, seed, measuredOps);
    }

    public Scenario resolved(double work, double background) {
        return new Scenario(name, description, topology, custom, cpus, baselineCpus, work, profile, hooks,
                background, calibration, rcuGracePeriodMs, scanPeriodMs, objects, releasesPerSecond, seed, measuredOps);
    }

    /** The machine: the custom one, else the preset. */
    public Topology machine() {
        return custom != null ? custom : Topologies.byName(topology);
    }

    /** The same workload on another machine (one read from a capture's header, say). */
    public Scenario on(Topology t) {
        return new Scenario(name, description, null, t, cpus, baselineCpus, privateWorkNs, profile, hooks,
                backgroundTransfersPerOp, calibration, rcuGracePeriodMs, scanPeriodMs, objects, releasesPerSecond,
                seed, measuredOps);
    }

    /** The shared lines, one per distinct hook object and lock, in first-use order. */
    public List<String> lines() {
        return hooks.stream().flatMap(h -> h.lock() == null ? java.util.stream.Stream.of(h.object())
                : java.util.stream.Stream.of(h.object(), h.lock())).distinct().toList();
    }
}
