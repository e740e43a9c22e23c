// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/**
 * A resolved scenario, a strategy and n CPUs -> throughput by exact Mean Value Analysis of a closed
 * network: n CPUs cycle between private work (a delay centre) and one FIFO queue per shared line whose
 * service time is the mean handoff between two of the n placed CPUs plus a local RMW. It assumes every
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
        double think = 0;
        double[] demand = new double[Workload.LINES.size()];
        for (Step s : steps) {
            double p = s.probability();
            switch (s.kind()) {
                case WORK, DELAY -> think += p * s.ns();
                case LOCAL_ADD -> think += p * topo.costs().localAdd().value();
                case RMW, CAS -> demand[s.line()] += p * (handoff + rmw);
                case LOAD -> demand[s.line()] += p * handoff;
                default -> {
                }
            }
        }
        double[] queue = new double[demand.length];
        double x = 0;
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
