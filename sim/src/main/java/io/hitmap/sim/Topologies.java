// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Preset name -> {@link Topology} whose every cost names its source; all figures are from
 * shared/research/sim-anchors.md (section 1.1 handoffs, 1.2 uncontended RMW).
 */
public final class Topologies {
    private static final String KCORES = "KCORES/core-to-core-latency-plus ";
    private static final Sourced ZEN4_SMT = new Sourced(10.3,
            "EPYC 9454 (same Zen 4 die) SMT pair, " + KCORES + "Dual AMD EPYC 9454 by-fwyzard.csv");
    private static final Sourced ZEN4_RMW = new Sourced(2.5,
            "relaxed atomic_fetch_add loop on Zen 4, 2.4-2.7 ns/op (sim-anchors.md 1.2, a VM measurement)");
    private static final Sourced PLAIN_ADD = new Sourced(1.0,
            "assumption: a preempt-count bump + non-locked per-CPU add, ~4 cycles; refscale percpu_ref "
                    + "get+put 7-10 ns includes the call overhead (Boqun hazptr RFC)");

    public static final Map<String, Topology> PRESETS = presets();

    private Topologies() {
    }

    public static Topology byName(String name) {
        Topology t = PRESETS.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown topology '" + name + "' (expected one of "
                    + String.join(", ", PRESETS.keySet()) + ")");
        }
        return t;
    }

    /**
     * A machine described by a capture's header ({@code perf report --header}: cpudesc, sockets, L3
     * domains, cores, SMT) -> a topology of that shape with the coherence costs of the nearest sourced
     * preset: AMD parts take the Zen 4 EPYC 9654 costs, Intel parts named Sapphire Rapids or Xeon x4xx take
     * Sapphire Rapids', other Intel parts Ice Lake-SP's. The description says which costs were borrowed.
     */
    public static Topology forMachine(String cpuDesc, int sockets, int l3PerSocket, int coresPerL3, int threadsPerCore) {
        String desc = cpuDesc == null ? "" : cpuDesc;
        Topology costsFrom;
        if (desc.contains("AMD")) {
            costsFrom = PRESETS.get("epyc-9654-2s");
        } else if (desc.contains("Sapphire") || desc.matches(".*Xeon.*\\b[0-9]4[0-9]{2}[A-Z+]*\\b.*")) {
            costsFrom = PRESETS.get("spr-8480-2s");
        } else {
            costsFrom = PRESETS.get("icelake-8358-2s");
        }
        return new Topology("header", String.format(java.util.Locale.ROOT,
                "%s: %d socket(s) x %d L3 x %d cores x %d threads, from the capture's header; coherence costs of %s",
                desc.isBlank() ? "unnamed CPU" : desc, sockets, l3PerSocket, coresPerL3, threadsPerCore, costsFrom.name()),
                sockets, l3PerSocket, coresPerL3, threadsPerCore, costsFrom.costs());
    }

    private static Map<String, Topology> presets() {
        Map<String, Topology> m = new LinkedHashMap<>();
        CoherenceCosts genoa = new CoherenceCosts(ZEN4_SMT,
                new Sourced(27.1, "EPYC 9654 same-CCD median, n=672 pairs, " + KCORES + "Dual AMD EPYC 9654 by-leavelet.csv"),
                new Sourced(99.3, "EPYC 9654 other-CCD same-socket median, n=8448, same CSV"),
                new Sourced(191.6, "EPYC 9654 cross-socket median, n=9216, same CSV"),
                new Sourced(200, "EPYC 9454 socket-1 cross-CCD median (home-node effect, unverified reading), "
                        + KCORES + "Dual AMD EPYC 9454 by-fwyzard.csv"),
                ZEN4_RMW, PLAIN_ADD);
        add(m, new Topology("epyc-9654-1s", "AMD EPYC 9654 (Zen 4 Genoa), 1 socket, 12 CCD x 8C x 2T = 192 CPUs",
                1, 12, 8, 2, genoa));
        add(m, new Topology("epyc-9654-2s", "AMD EPYC 9654 (Zen 4 Genoa), 2 sockets, 24 CCD x 8C x 2T = 384 CPUs",
                2, 12, 8, 2, genoa));
        CoherenceCosts iceLake = new CoherenceCosts(
                new Sourced(8.1, "Xeon Platinum 8375C SMT pair, nviennot/core-to-core-latency README (AWS c6i.metal)"),
                new Sourced(51.1, "Xeon Platinum 8358 same-socket median, " + KCORES + "Dual Intel Xeon Platinum 8358 by-leavelet.csv"),
                new Sourced(51.1, "Ice Lake-SP has one mesh L3 per socket: same as same-L3"),
                new Sourced(110.9, "Xeon Platinum 8358 cross-socket median, same CSV"),
                new Sourced(51.1, "no home-node effect measured on Intel: same as same-L3"),
                new Sourced(7.3, "LOCK CMPXCHG m64 19 cycles (uops.info, Golden Cove) at 2.6 GHz; "
                        + "Ice Lake figure not extracted"),
                PLAIN_ADD);
        add(m, new Topology("icelake-8358-2s", "Intel Xeon Platinum 8358 (Ice Lake-SP), 2 sockets x 32C x 2T = 128 CPUs",
                2, 1, 32, 2, iceLake));
        CoherenceCosts spr = new CoherenceCosts(
                new Sourced(8.1, "assumption: Ice Lake-SP SMT pair (8375C); no SPR server figure extracted"),
                new Sourced(55.3, "Xeon w9-3475X (Golden Cove, same mesh) median, " + KCORES + "by-ReinForce-II.csv"),
                new Sourced(55.3, "one mesh L3 per socket: same as same-L3"),
                new Sourced(110.9, "placeholder: Ice Lake-SP 8358 cross-socket median (SPR matrix not extracted)"),
                new Sourced(55.3, "no home-node effect measured on Intel: same as same-L3"),
                new Sourced(9.5, "LOCK CMPXCHG m64 19 cycles (uops.info, Golden Cove) at 2.0 GHz"),
                PLAIN_ADD);
        add(m, new Topology("spr-8480-2s", "Intel Xeon Platinum 8480+ (Sapphire Rapids), 2 sockets x 56C x 2T = 224 CPUs",
                2, 1, 56, 2, spr));
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Topology> m, Topology t) {
        m.put(t.name(), t);
    }
}
