// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario and strategies -> {@link Prediction}s per CPU count. First it resolves the scenario's two
 * free numbers: private work per operation from the captured profile share (a workload measurement,
 * not a fit to the table), and the background transfers per operation from the one declared calibration
 * cell, alternating the two until both settle.
 */
public final class Simulator {
    private static final int BISECTIONS = 16;
    /** Inside a guess's +-10 % bracket: 2^-9 of it is below the engine's noise. */
    private static final int NARROW_BISECTIONS = 9;
    private static final int MAX_ROUNDS = 4;
    /** Relative change of both unknowns under which the alternation stops (the engine's own noise is ~0.3 %). */
    private static final double SETTLED = 0.01;

    private Simulator() {
    }

    /** The scenario with privateWorkNs and backgroundTransfersPerOp filled in. */
    public static Scenario resolve(Scenario s) {
        double work = s.privateWorkNs() != null ? s.privateWorkNs() : 1000;
        double bg = s.backgroundTransfersPerOp() != null ? s.backgroundTransfersPerOp() : 0;
        // The two unknowns depend on each other (more background lowers the hooks' share; more private work
        // needs more background for the same efficiency): alternate until both settle. Background transfers
        // queue behind nobody, so unlike a shared background line they cannot hide the hooks' contention.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double oldWork = work;
            double oldBg = bg;
            if (s.privateWorkNs() == null) {
                work = deriveWork(s, bg, round == 0 ? -1 : work);
            }
            if (s.backgroundTransfersPerOp() == null) {
                bg = fitBackground(s, work, round == 0 ? -1 : bg);
            }
            if (Math.abs(work - oldWork) <= SETTLED * work && Math.abs(bg - oldBg) <= SETTLED * Math.max(bg, 1e-9)) {
                break;
            }
        }
        return s.resolved(work, bg);
    }

    /** Private work such that the hooks take the profile's share under its strategy at its CPU count. */
    static double deriveWork(Scenario s, double bg, double guess) {
        Scenario.ProfileTarget p = s.profile();
        Strategy strategy = Strategies.parse(p.strategy()).get(0);
        // log scale: hooks too heavy means more private work
        return Math.exp(solve(x -> -hookShare(run(s.resolved(Math.exp(x), bg), strategy, p.cpus())),
                -p.share(), Math.log(10), Math.log(1e7), guess > 0 ? Math.log(guess) : Double.NaN, 0.1));
    }

    /** Background transfers per operation such that the calibration cell's efficiency comes out. */
    static double fitBackground(Scenario s, double work, double guess) {
        Scenario.CalibrationPoint c = s.calibration();
        Strategy strategy = Strategies.parse(c.strategy()).get(0);
        double hi = Math.max(16, 4 * work / s.machine().costs().sameL3().value());
        return solve(x -> {
            Scenario r = s.resolved(work, x);
            return -efficiency(run(r, strategy, c.cpus()), run(r, strategy, s.baselineCpus()));
        }, -c.efficiencyPct(), 0, hi, guess >= 0 ? guess : Double.NaN, Math.max(1, 0.1 * guess));
    }

    /**
     * x in [lo, hi] where the increasing f reaches target, by bisection: over the whole range, or, given a
     * guess, inside guess +- halfWidth first (falling back to the whole range when the answer is outside).
     */
    static double solve(java.util.function.DoubleUnaryOperator f, double target, double lo, double hi, double guess,
                        double halfWidth) {
        int steps = BISECTIONS;
        if (!Double.isNaN(guess)) {
            double a = Math.max(lo, guess - halfWidth);
            double b = Math.min(hi, guess + halfWidth);
            if (f.applyAsDouble(a) <= target && f.applyAsDouble(b) >= target) {
                lo = a;
                hi = b;
                steps = NARROW_BISECTIONS;
            }
        }
        for (int i = 0; i < steps; i++) {
            double mid = (lo + hi) / 2;
            if (f.applyAsDouble(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    public static List<Prediction> sweep(Scenario resolved, List<Strategy> strategies) {
        // strategies are independent runs: simulate them in parallel, report them in the order asked
        return strategies.parallelStream().flatMap(st -> sweepOne(resolved, st).stream()).toList();
    }

    private static List<Prediction> sweepOne(Scenario resolved, Strategy st) {
        Topology topo = resolved.machine();
        List<Prediction> out = new ArrayList<>();
        Mixed base = measure(resolved, st, resolved.baselineCpus());
        long bytes = st.bytesPerObject(topo.hardwareThreads());
        for (int n : resolved.cpus()) {
            Mixed m = n == resolved.baselineCpus() ? base : measure(resolved, st, n);
            SimResult r = m.main;
            out.add(new Prediction(st.name(), n, topo.l3DomainsUsed(n), m.opsPerSecond,
                    100 * (m.opsPerSecond / n) / (base.opsPerSecond / resolved.baselineCpus()),
                    100 * (m.analytic / n) / (base.analytic / resolved.baselineCpus()),
                    m.lclHitmPerOp, m.rmtHitmPerOp, r.casRetriesPerCas(), hookShare(r),
                    bytes, bytes * resolved.objects(), st.reclaimDelayMs(resolved),
                    st.rcuCallbacksPerSecond(resolved), r.sites()));
        }
        return out;
    }

    /** A strategy's run, mixed by wall-time share with its fallback regime's run (managed percpu_ref). */
    record Mixed(SimResult main, double opsPerSecond, double analytic, double lclHitmPerOp, double rmtHitmPerOp) {
    }

    static Mixed measure(Scenario s, Strategy chosen, int n) {
        Topology topo = s.machine();
        Strategy st = chosen;
        SimResult a = run(s, st, n);
        Strategy regime = st.regime(a.opsPerSecond() * getsPerOpPerObject(s));
        if (regime != st) {
            st = regime;
            a = run(s, st, n);
        }
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

    /** References taken per operation on each shared object (the hooks' refs over the objects they name; locks are no objects). */
    static double getsPerOpPerObject(Scenario s) {
        return s.hooks().stream().mapToInt(Scenario.Hook::refs).sum()
                / (double) s.hooks().stream().map(Scenario.Hook::object).distinct().count();
    }

    static SimResult run(Scenario s, Strategy st, int n) {
        Engine e = new Engine(s.machine(), Workload.steps(s, st), s.lines(), s.seed());
        return e.run(n, s.measuredOps() / 5, s.measuredOps());
    }

    static double efficiency(SimResult at, SimResult base) {
        return 100 * at.opsPerSecondPerCpu() / base.opsPerSecondPerCpu();
    }

    static double hookShare(SimResult r) {
        return r.sectionShare().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double hitm(SimResult r, boolean local) {
        long hitm = 0;
        for (LineStats l : r.lines()) {
            hitm += local ? l.localHitm() : l.remoteHitm();
        }
        return (double) hitm / r.ops();
    }
}
