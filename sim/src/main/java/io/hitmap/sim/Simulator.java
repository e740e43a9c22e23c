// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario and strategies -> {@link Prediction}s per CPU count. First it resolves the scenario's two
 * free numbers: private work per operation from the captured profile share (a workload measurement,
 * not a fit to the table), and the background line's RMW rate from the one declared calibration cell.
 */
public final class Simulator {
    private static final int BISECTIONS = 22;

    private Simulator() {
    }

    /** The scenario with privateWorkNs and backgroundRmwPerOp filled in. */
    public static Scenario resolve(Scenario s) {
        double work = s.privateWorkNs() != null ? s.privateWorkNs() : 1000;
        double bg = s.backgroundRmwPerOp() != null ? s.backgroundRmwPerOp() : 0;
        // One pass, in this order: the hooks' share fixes private work with no background line, then the
        // background is fitted with that work. Alternating the two does not converge (a saturated background
        // line hides the hooks' contention), so the achieved share is reported rather than assumed.
        if (s.privateWorkNs() == null) {
            work = deriveWork(s, bg);
        }
        if (s.backgroundRmwPerOp() == null) {
            bg = fitBackground(s, work);
        }
        return s.resolved(work, bg);
    }

    /** Private work such that the hooks take the profile's share under its strategy at its CPU count. */
    static double deriveWork(Scenario s, double bg) {
        Scenario.ProfileTarget p = s.profile();
        Strategy strategy = Strategies.parse(p.strategy()).get(0);
        double lo = Math.log(10);
        double hi = Math.log(1e7);
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            double share = hookShare(run(s.resolved(Math.exp(mid), bg), strategy, p.cpus()));
            if (share > p.share()) {
                lo = mid; // hooks too heavy: more private work
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** Background RMWs per operation such that the calibration cell's efficiency comes out. */
    static double fitBackground(Scenario s, double work) {
        Scenario.CalibrationPoint c = s.calibration();
        Strategy strategy = Strategies.parse(c.strategy()).get(0);
        double lo = 0;
        double hi = 16;
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            Scenario r = s.resolved(work, mid);
            double eff = efficiency(run(r, strategy, c.cpus()), run(r, strategy, s.baselineCpus()));
            if (eff > c.efficiencyPct()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    public static List<Prediction> sweep(Scenario resolved, List<Strategy> strategies) {
        Topology topo = Topologies.byName(resolved.topology());
        List<Prediction> out = new ArrayList<>();
        for (Strategy st : strategies) {
            Mixed base = measure(resolved, st, resolved.baselineCpus());
            for (int n : resolved.cpus()) {
                Mixed m = n == resolved.baselineCpus() ? base : measure(resolved, st, n);
                SimResult r = m.main;
                long bytes = st.bytesPerObject(topo.hardwareThreads());
                out.add(new Prediction(st.name(), n, topo.l3DomainsUsed(n), m.opsPerSecond,
                        100 * (m.opsPerSecond / n) / (base.opsPerSecond / resolved.baselineCpus()),
                        100 * (m.analytic / n) / (base.analytic / resolved.baselineCpus()),
                        m.lclHitmPerOp, m.rmtHitmPerOp, r.casRetriesPerCas(), hookShare(r),
                        bytes, bytes * resolved.objects()));
            }
        }
        return out;
    }

    /** A strategy's run, mixed by wall-time share with its fallback regime's run (managed percpu_ref). */
    record Mixed(SimResult main, double opsPerSecond, double analytic, double lclHitmPerOp, double rmtHitmPerOp) {
    }

    static Mixed measure(Scenario s, Strategy st, int n) {
        Topology topo = Topologies.byName(s.topology());
        SimResult a = run(s, st, n);
        double xa = a.opsPerSecond();
        double qa = QueueingModel.throughput(topo, Workload.steps(s, st), n);
        double f = st.fallbackShare(s);
        if (f == 0) {
            return new Mixed(a, xa, qa, hitm(a, true), hitm(a, false));
        }
        SimResult b = run(s, st.fallback(), n);
        double xb = b.opsPerSecond();
        double qb = QueueingModel.throughput(topo, Workload.steps(s, st.fallback()), n);
        double x = (1 - f) * xa + f * xb;
        double wa = (1 - f) * xa / x;
        double wb = f * xb / x;
        return new Mixed(a, x, (1 - f) * qa + f * qb, wa * hitm(a, true) + wb * hitm(b, true),
                wa * hitm(a, false) + wb * hitm(b, false));
    }

    static SimResult run(Scenario s, Strategy st, int n) {
        Engine e = new Engine(Topologies.byName(s.topology()), Workload.steps(s, st), Workload.LINES, s.seed());
        return e.run(n, s.measuredOps() / 5, s.measuredOps());
    }

    static double efficiency(SimResult at, SimResult base) {
        return 100 * at.opsPerSecondPerCpu() / base.opsPerSecondPerCpu();
    }

    static double hookShare(SimResult r) {
        return r.sectionShare().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double hitm(SimResult r, boolean local) {
        LineStats l = r.lines().get(Workload.OBJECT_LINE);
        return (double) (local ? l.localHitm() : l.remoteHitm()) / r.ops();
    }
}
