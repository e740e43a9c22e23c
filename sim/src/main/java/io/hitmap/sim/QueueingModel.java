// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/**
 * A resolved scenario, a strategy and n CPUs -> throughput by exact Mean Value Analysis of a closed
 * network: n CPUs cycle between private work (a delay centre) and one FIFO queue per shared line whose
 * service time is the mean handoff between two of the n placed CPUs plus a local RMW (plus, for a lock,
 * everything done while holding it); background transfers are think time at the mean handoff. It assumes every
 * shared access moves the line (the engine lets a CPU that still owns the line keep it) and has no
 * cmpxchg retries (the engine has): those are where the two disagree.
 */
public final class QueueingModel {
    private QueueingModel() {
    }

    /** Operations per second over all n CPUs. */
    public static double throughput(Topology topo, List<Step> steps, int n) {
        double handoff = meanHandoffNs(topo, n);
        double rmw = topo.costs().localRmw().value();
        double add = topo.costs().localAdd().value();
        double think = 0;
        int lines = 0;
        for (Step s : steps) {
            lines = Math.max(lines, s.line() + 1);
        }
        double[] demand = new double[lines];
        int heldLine = -1;
        for (Step s : steps) {
            double p = s.probability();
            double own = switch (s.kind()) {
                case WORK, DELAY -> p * s.ns();
                case LOCAL_ADD -> p * add;
                case LOCAL_RMW -> p * rmw;
                case TRANSFER -> p * s.ns() * handoff;
                default -> 0;
            };
            switch (s.kind()) {
                case RMW, CAS, LOCK -> demand[s.line()] += p * (handoff + rmw);
                case LOAD -> demand[s.line()] += p * handoff;
                case UNLOCK -> demand[s.line()] += p * add;
                default -> {
                }
            }
            // time spent holding a lock is service time of the lock's line, not think time
            if (heldLine >= 0) {
                demand[heldLine] += own;
            } else {
                think += own;
            }
            if (s.kind() == Step.Kind.LOCK) {
                heldLine = s.line();
            } else if (s.kind() == Step.Kind.UNLOCK) {
                heldLine = -1;
            }
        }
        double[] queue = new double[demand.length];
        double x = n / Math.max(think, 1e-9);
        for (int k = 1; k <= n; k++) {
            double cycle = think;
            double[] r = new double[demand.length];
            for (int i = 0; i < demand.length; i++) {
                r[i] = demand[i] * (1 + queue[i]);
                cycle += r[i];
            }
            x = k / cycle;
            for (int i = 0; i < demand.length; i++) {
                queue[i] = x * r[i];
            }
        }
        return x * 1e9;
    }

    /** Mean handoff between two different CPUs of the n that {@link Topology#place} picks. */
    static double meanHandoffNs(Topology topo, int n) {
        if (n < 2) {
            return 0;
        }
        int[] hw = topo.place(n);
        double sum = 0;
        for (int a : hw) {
            for (int b : hw) {
                sum += topo.handoffNs(a, b);
            }
        }
        return sum / ((double) n * (n - 1));
    }
}
