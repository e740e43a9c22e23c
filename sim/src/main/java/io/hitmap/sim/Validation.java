// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The published nginx + AppArmor scaling table (seeds/000, Upadhyay RFC 0/9, 2024-01-10; EPYC 9654,
 * 8C16T = 100 %) and the simulator's predictions -> one {@link Cell} per strategy x configuration with the
 * error in points, and whether the strategies' order is right at each size.
 */
public final class Validation {
    public static final String SOURCE = "seeds/000: Upadhyay, [RFC 0/9] Nginx refcount scalability issue with "
            + "Apparmor enabled, 2024-01-10 (lore f184a2d6-7892-4e43-a0cd-cab638c3d5c2@amd.com)";
    /** Published differences up to this many points count as ties in the order check. */
    public static final double TIE_PTS = 1;
    public static final List<Integer> CPUS = List.of(16, 32, 48, 96, 192);
    /** Columns: apparmor=off, apparmor=on (6.1/6.5, kref), apparmor=on (managed percpu_ref). */
    public static final List<String> STRATEGIES = List.of("off", "kref", "managed-percpu");
    private static final double[][] PUBLISHED = {
        {100, 95, 94, 92, 85},
        {100, 94, 93, 88, 68},
        {100, 96, 94, 93, 90},
    };

    /** One published cell and its prediction; {@code calibrated} marks the one fitted cell. */
    public record Cell(String strategy, int cpus, int l3Domains, double published, double predicted,
                       double analytic, boolean calibrated) {
        public double errorPts() {
            return predicted - published;
        }
    }

    /** Published vs predicted, plus whether kref <= off and kref <= managed-percpu agree at each size. */
    public record Report(List<Cell> cells, Scenario resolved) {
        public double maxAbsErrorPts() {
            return cells.stream().filter(c -> !c.calibrated()).mapToDouble(c -> Math.abs(c.errorPts())).max().orElse(0);
        }

        /**
         * CPU counts where the published and predicted orders of the three columns differ; published gaps of
         * {@link #TIE_PTS} or less are ties (the table prints whole percents from separate runs).
         */
        public List<Integer> orderMismatches() {
            List<Integer> out = new ArrayList<>();
            for (int n : CPUS) {
                double[] pub = new double[3];
                double[] pred = new double[3];
                for (Cell c : cells) {
                    if (c.cpus() == n) {
                        pub[STRATEGIES.indexOf(c.strategy())] = c.published();
                        pred[STRATEGIES.indexOf(c.strategy())] = c.predicted();
                    }
                }
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        if (pub[a] < pub[b] - TIE_PTS && !(pred[a] < pred[b])) {
                            out.add(n);
                            a = 3;
                            break;
                        }
                    }
                }
            }
            return out;
        }
    }

    private Validation() {
    }

    public static double published(String strategy, int cpus) {
        return PUBLISHED[STRATEGIES.indexOf(strategy)][CPUS.indexOf(cpus)];
    }

    /**
     * The scenario with its one calibration point moved to another published cell ("off@32"), to show how
     * much the result depends on which cell is fitted.
     */
    public static Scenario calibratedAt(Scenario nginx, String strategyAtCpus) {
        String[] parts = strategyAtCpus.split("@");
        int cpus;
        try {
            cpus = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : -1;
        } catch (NumberFormatException e) {
            cpus = -1;
        }
        String strategy = parts[0].strip();
        if (!STRATEGIES.contains(strategy) || !CPUS.contains(cpus)) {
            throw new IllegalArgumentException("expected a published cell STRATEGY@CPUS with STRATEGY one of "
                    + STRATEGIES + " and CPUS one of " + CPUS + ", found '" + strategyAtCpus + "'");
        }
        return nginx.withCalibration(new Scenario.CalibrationPoint(strategy, cpus, published(strategy, cpus),
                "seeds/000 scaling table, " + strategy + " at " + cpus + " CPUs (chosen with --calibration)"));
    }

    public static Report run(Scenario nginx) {
        Scenario resolved = Simulator.resolve(nginx.withCpus(CPUS));
        List<Strategy> strategies = new ArrayList<>();
        for (String s : STRATEGIES) {
            strategies.add(Strategies.parse(s).get(0));
        }
        Scenario.CalibrationPoint cal = resolved.calibration();
        List<Cell> cells = new ArrayList<>();
        for (Prediction p : Simulator.sweep(resolved, strategies)) {
            boolean calibrated = cal != null && cal.strategy().equals(p.strategy()) && cal.cpus() == p.cpus();
            cells.add(new Cell(p.strategy(), p.cpus(), p.l3Domains(), published(p.strategy(), p.cpus()),
                    p.efficiencyPct(), p.analyticEfficiencyPct(), calibrated));
        }
        return new Report(cells, resolved);
    }

    /** One published figure from another thread and what the simulator says; {@code calibrated} if fitted to it. */
    public record Check(String name, String published, double predicted, String unit, boolean calibrated,
                        String source) {
    }

    /**
     * The other published figures the simulator can be held to: overlayfs's HITM split and its no-ref gain
     * (seeds/001), and the cmpxchg retries of atomic_inc_not_zero (the one CAS calibration).
     */
    public static List<Check> otherChecks() throws java.io.IOException {
        List<Check> out = new ArrayList<>();
        Scenario ovl = Simulator.resolve(ScenarioJson.load("overlayfs-creds").withCpus(List.of(8, 112, 128)));
        SimResult kref112 = Simulator.run(ovl, new Kref(), 112);
        long rmw = 0;
        long all = 0;
        for (SiteStats site : kref112.sites()) {
            long h = site.localHitm() + site.remoteHitm();
            all += h;
            rmw += site.kind() == Step.Kind.RMW ? h : 0;
        }
        String gomes = "Gomes, [RFC v2] override_creds_light, 2024-01-25 (seeds/001, sample-traces/overlayfs-creds-before.c2c.txt)";
        out.add(new Check("overlayfs cred line: HITMs on override/revert_creds (kref, 112 CPUs)",
                "57.5 % of Rmt, 53.5 % of Lcl HITM samples", 100.0 * rmw / Math.max(1, all), "%", false, gomes));
        out.add(new Check("overlayfs cred line: HITMs on generic_permission reads (kref, 112 CPUs)",
                "42.5 % of Rmt, 46.5 % of Lcl", 100.0 * (all - rmw) / Math.max(1, all), "%", false, gomes));
        SimResult light = Simulator.run(ovl, new NoRef(), 112);
        out.add(new Check("overlayfs cred line: HITMs per op with no-ref (override_creds_light)", "0 (the line is gone)",
                (double) (light.lines().get(0).localHitm() + light.lines().get(0).remoteHitm()) / light.ops(), "per op",
                false, gomes));
        double gain = Simulator.measure(ovl, new NoRef(), 128).opsPerSecond()
                / Simulator.measure(ovl, new Kref(), 128).opsPerSecond();
        out.add(new Check("overlayfs: throughput gain of no refcount over kref at 128 CPUs", ">= 40 %",
                100 * (gain - 1), "%", false, "Chen Hu, 2023-10-18 (seeds/001): '40%+ perf improvement on a 128 cores CPU'"));
        List<Step> incDec = List.of(Step.work(20), Step.load(0), Step.cas(0), Step.work(20), Step.rmw(0));
        SimResult cas = new Engine(Topologies.byName("icelake-8358-2s"), incDec, List.of("ref"), 1).run(112, 2000, 20_000);
        out.add(new Check("atomic_inc_not_zero retries per call, inc/dec loop on 112 CPUs", "8", cas.casRetriesPerCas(),
                "retries", true, Engine.CAS_KEEPS_LINE.source()));
        return out;
    }
}
