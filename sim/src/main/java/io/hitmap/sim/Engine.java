// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A topology, n CPUs each looping over one operation's steps, and a seed -> a discrete-event run of
 * cache-line ownership ({@link SimResult}). Each shared line is a FIFO server: a store, RMW or CAS needs it
 * exclusive and holds it for the handoff from the last writer plus a local RMW; a load of a line
 * Modified elsewhere waits its turn, pays the handoff and counts a HITM, local when both CPUs share a
 * socket (as perf c2c's LclHitm/RmtHitm). Events are processed in time order, so arrival order is
 * service order; same seed, same result.
 */
public final class Engine {
    private final Topology topology;
    private final List<Step> steps;
    private final List<String> lineNames;
    private final long seed;
    private LineEvent.Listener listener;

    public Engine(Topology topology, List<Step> steps, List<String> lineNames, long seed) {
        this.topology = topology;
        this.steps = List.copyOf(steps);
        this.lineNames = List.copyOf(lineNames);
        this.seed = seed;
        for (Step s : steps) {
            if (s.line() >= lineNames.size()) {
                throw new IllegalArgumentException("step " + s + " names line " + s.line() + " of " + lineNames.size());
            }
        }
    }

    public Engine listener(LineEvent.Listener l) {
        this.listener = l;
        return this;
    }

    /** Runs {@code warmupOps} operations unmeasured, then measures {@code measuredOps} (over all CPUs). */
    public SimResult run(int n, long warmupOps, long measuredOps) {
        int[] hw = topology.place(n);
        Step[] prog = steps.toArray(Step[]::new);
        int nl = lineNames.size();
        int[] owner = new int[nl];
        Arrays.fill(owner, -1);
        boolean[] modified = new boolean[nl];
        long[] version = new long[nl];
        double[] freeAt = new double[nl];
        long[] loads = new long[nl];
        long[] rmws = new long[nl];
        long[] lcl = new long[nl];
        long[] rmt = new long[nl];
        double[] busy = new double[nl];
        int[] pc = new int[n];
        long[] seen = new long[n];
        double[] sectionStart = new double[n];
        Map<String, Integer> sectionIds = new LinkedHashMap<>();
        for (Step s : prog) {
            if (s.kind() == Step.Kind.SECTION_BEGIN) {
                sectionIds.putIfAbsent(s.section(), sectionIds.size());
            }
        }
        double[] sectionTime = new double[sectionIds.size()];
        int[] sectionOf = new int[prog.length];
        for (int i = 0; i < prog.length; i++) {
            sectionOf[i] = prog[i].section() == null ? -1 : sectionIds.getOrDefault(prog[i].section(), -1);
        }
        double rmwNs = topology.costs().localRmw().value();
        double addNs = topology.costs().localAdd().value();
        SplittableRandom rng = new SplittableRandom(seed);
        EventHeap heap = new EventHeap(n);
        for (int c = 0; c < n; c++) {
            heap.push(c, 0);
        }
        long done = 0;
        long events = 0;
        long casAttempts = 0;
        long casRetries = 0;
        boolean measuring = warmupOps == 0;
        double measureStart = 0;
        double now = 0;
        while (true) {
            int c = heap.peekCpu();
            double t = heap.peekTime();
            now = t;
            boolean requeued = false;
            while (!requeued) {
                if (pc[c] == prog.length) {
                    pc[c] = 0;
                    done++;
                    if (!measuring && done >= warmupOps) {
                        measuring = true;
                        measureStart = t;
                        done = 0;
                        Arrays.fill(loads, 0);
                        Arrays.fill(rmws, 0);
                        Arrays.fill(lcl, 0);
                        Arrays.fill(rmt, 0);
                        Arrays.fill(busy, 0);
                        Arrays.fill(sectionTime, 0);
                        casAttempts = 0;
                        casRetries = 0;
                    } else if (measuring && done >= measuredOps) {
                        return result(n, done, t - measureStart, sectionIds, sectionTime, loads, rmws, lcl, rmt,
                                busy, casAttempts, casRetries, events);
                    }
                }
                Step s = prog[pc[c]];
                if (s.probability() < 1 && rng.nextDouble() >= s.probability()) {
                    pc[c]++;
                    continue;
                }
                events++;
                switch (s.kind()) {
                    case WORK -> {
                        t += -s.ns() * Math.log(1 - rng.nextDouble());
                        pc[c]++;
                        heap.replaceTop(t);
                        requeued = true;
                    }
                    case LOCAL_ADD, DELAY -> {
                        t += s.kind() == Step.Kind.DELAY ? s.ns() : addNs;
                        pc[c]++;
                        heap.replaceTop(t);
                        requeued = true;
                    }
                    case SECTION_BEGIN -> {
                        sectionStart[c] = t;
                        pc[c]++;
                    }
                    case SECTION_END -> {
                        if (measuring && sectionStart[c] >= measureStart) {
                            sectionTime[sectionOf[pc[c]]] += t - sectionStart[c];
                        }
                        pc[c]++;
                    }
                    case LOAD, RMW, CAS -> {
                        int l = s.line();
                        int me = hw[c];
                        int prev = owner[l];
                        boolean wasModified = modified[l];
                        boolean hitm = wasModified && prev != me;
                        double start = Math.max(t, freeAt[l]);
                        double cost;
                        boolean casFailed = false;
                        if (s.kind() == Step.Kind.LOAD) {
                            cost = hitm ? topology.handoffNs(prev, me) : addNs;
                            if (hitm) {
                                modified[l] = false;
                            }
                            if (measuring) {
                                loads[l]++;
                            }
                            pc[c]++;
                        } else {
                            cost = (prev == me || prev < 0 ? 0 : topology.handoffNs(prev, me)) + rmwNs;
                            owner[l] = me;
                            modified[l] = true;
                            if (measuring) {
                                rmws[l]++;
                            }
                            if (s.kind() == Step.Kind.RMW || seen[c] == version[l]) {
                                version[l]++;
                                pc[c]++;
                            } else {
                                casFailed = true;
                            }
                            if (s.kind() == Step.Kind.CAS && measuring) {
                                casAttempts++;
                                if (casFailed) {
                                    casRetries++;
                                }
                            }
                        }
                        seen[c] = version[l];
                        double end = start + cost;
                        freeAt[l] = end;
                        if (measuring) {
                            busy[l] += cost;
                            if (hitm) {
                                if (topology.socketOf(prev) == topology.socketOf(me)) {
                                    lcl[l]++;
                                } else {
                                    rmt[l]++;
                                }
                            }
                        }
                        if (listener != null) {
                            listener.served(new LineEvent(l, me, s.kind(), start, end, hitm,
                                    hitm && topology.socketOf(prev) != topology.socketOf(me), prev, wasModified,
                                    casFailed));
                        }
                        t = end;
                        heap.replaceTop(t);
                        requeued = true;
                    }
                    default -> throw new IllegalStateException("unhandled step " + s.kind());
                }
            }
            if (events < 0) {
                throw new IllegalStateException("event counter overflow at " + now);
            }
        }
    }

    private SimResult result(int n, long ops, double elapsed, Map<String, Integer> sectionIds, double[] sectionTime,
                             long[] loads, long[] rmws, long[] lcl, long[] rmt, double[] busy,
                             long casAttempts, long casRetries, long events) {
        Map<String, Double> share = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : sectionIds.entrySet()) {
            share.put(e.getKey(), sectionTime[e.getValue()] / (elapsed * n));
        }
        List<LineStats> lines = new ArrayList<>();
        for (int l = 0; l < lineNames.size(); l++) {
            lines.add(new LineStats(lineNames.get(l), loads[l], rmws[l], lcl[l], rmt[l], busy[l]));
        }
        return new SimResult(n, ops, elapsed, share, lines, casAttempts, casRetries, events);
    }
}
