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
 * socket (as perf c2c's LclHitm/RmtHitm). A LOCK holds its line until the matching UNLOCK; CPUs that
 * ask for it meanwhile park in FIFO order and the first is woken by the UNLOCK (qspinlock's MCS queue:
 * one handoff per acquisition, waiters spin on their own nodes). Shared accesses and operation ends are
 * processed in time order, so arrival order is service order; a CPU's private steps in between run
 * without a trip through the event heap. Same seed, same result.
 */
public final class Engine {
    /** Up to this many CPUs (a 512 KB matrix) handoffs are looked up rather than computed. */
    private static final int MATRIX_CPUS = 256;
    private final Topology topology;
    private final Step[] prog;
    private final List<String> lineNames;
    private final long seed;
    private LineEvent.Listener listener;
    private double casKeepsLine = CAS_KEEPS_LINE.value();

    /**
     * Chance that after a failed cmpxchg the loop's next attempt finds the line still in this CPU's cache
     * (no other CPU's request got it first). Calibrated, not measured: Gleixner's V3 cover letter counted
     * 8 retries per atomic_inc_not_zero() with 112 CPUs in an inc/dec loop; with strict FIFO service
     * (0 here) the engine predicts about 370.
     */
    public static final Sourced CAS_KEEPS_LINE = new Sourced(0.125, "calibrated to 8 retries per "
            + "atomic_inc_not_zero at 112 CPUs: Gleixner, [patch V3 0/4] net, refcount, 2023-03-23");

    /** Overrides {@link #CAS_KEEPS_LINE} (for the calibration and its test). */
    public Engine casKeepsLine(double p) {
        this.casKeepsLine = p;
        return this;
    }

    public Engine(Topology topology, List<Step> steps, List<String> lineNames, long seed) {
        this.topology = topology;
        this.prog = steps.toArray(Step[]::new);
        this.lineNames = List.copyOf(lineNames);
        this.seed = seed;
        int[] held = new int[lineNames.size()];
        for (Step s : prog) {
            if (s.kind().accessesLine() && (s.line() < 0 || s.line() >= lineNames.size())) {
                throw new IllegalArgumentException("step " + s + " names line " + s.line() + " of " + lineNames.size());
            }
            if (s.kind() == Step.Kind.LOCK || s.kind() == Step.Kind.UNLOCK) {
                if (s.kind() == Step.Kind.LOCK && s.probability() < 1 && s.line() >= Long.SIZE) {
                    throw new IllegalArgumentException("a conditional LOCK needs a line index below 64: " + s);
                }
                held[s.line()] += s.kind() == Step.Kind.LOCK ? 1 : -1;
                if (held[s.line()] < 0 || held[s.line()] > 1) {
                    throw new IllegalArgumentException("line " + lineNames.get(s.line())
                            + ": every LOCK needs one UNLOCK after it in the same operation, no nesting");
                }
            }
        }
        for (int l = 0; l < held.length; l++) {
            if (held[l] != 0) {
                throw new IllegalArgumentException("line " + lineNames.get(l) + " is locked and never unlocked");
            }
        }
    }

    public Engine listener(LineEvent.Listener l) {
        this.listener = l;
        return this;
    }

    /** Runs {@code warmupOps} operations unmeasured, then measures {@code measuredOps} (over all CPUs). */
    public SimResult run(int n, long warmupOps, long measuredOps) {
        return new Run(n).go(warmupOps, measuredOps);
    }

    /** One run's state: per line, per CPU and per step counters in primitive arrays. */
    private final class Run {
        final int n;
        final int[] hw;
        final int[] owner;
        final boolean[] modified;
        final long[] version;
        final double[] freeAt;
        final int[] heldBy;
        final int[][] waiters;
        final int[] waitHead;
        final int[] waitSize;
        final double[] busy;
        final long[] stepCount;
        final long[] stepLcl;
        final long[] stepRmt;
        final long[] stepStoreMiss;
        final int[] pc;
        final long[] seen;
        /** Per CPU, bit l: a conditional LOCK of line l was skipped, so its UNLOCK is skipped too. */
        final long[] lockSkipped;
        final double[] sectionStart;
        final Map<String, Integer> sectionIds = new LinkedHashMap<>();
        final double[] sectionTime;
        final int[] sectionOf;
        final double rmwNs = topology.costs().localRmw().value();
        final double addNs = topology.costs().localAdd().value();
        final SplittableRandom rng = new SplittableRandom(seed);
        final EventHeap heap;
        /** Per CPU: the mean handoff to it from the run's other CPUs (a TRANSFER's cost). */
        final double[] transferNs;
        /**
         * handoff[from * n + to] between the run's CPUs, looked up instead of recomputed per access; null
         * above {@link #MATRIX_CPUS}, where the matrix outgrows the cache and computing is faster.
         */
        final double[] handoff;
        /** socket[cpu] of the run's CPUs. */
        final int[] socket;
        long casAttempts;
        long casRetries;
        long events;
        boolean measuring;

        Run(int n) {
            this.n = n;
            hw = topology.place(n);
            int nl = lineNames.size();
            owner = new int[nl];
            Arrays.fill(owner, -1);
            modified = new boolean[nl];
            version = new long[nl];
            freeAt = new double[nl];
            heldBy = new int[nl];
            Arrays.fill(heldBy, -1);
            waiters = new int[nl][n];
            waitHead = new int[nl];
            waitSize = new int[nl];
            busy = new double[nl];
            stepCount = new long[prog.length];
            stepLcl = new long[prog.length];
            stepRmt = new long[prog.length];
            stepStoreMiss = new long[prog.length];
            pc = new int[n];
            seen = new long[n];
            lockSkipped = new long[n];
            sectionStart = new double[n];
            for (Step s : prog) {
                if (s.kind() == Step.Kind.SECTION_BEGIN) {
                    sectionIds.putIfAbsent(s.section(), sectionIds.size());
                }
            }
            sectionTime = new double[sectionIds.size()];
            sectionOf = new int[prog.length];
            for (int i = 0; i < prog.length; i++) {
                sectionOf[i] = prog[i].section() == null ? -1 : sectionIds.getOrDefault(prog[i].section(), -1);
            }
            transferNs = new double[n];
            handoff = n <= MATRIX_CPUS ? new double[n * n] : null;
            socket = new int[n];
            for (int c = 0; c < n; c++) {
                socket[c] = topology.socketOf(hw[c]);
                double sum = 0;
                for (int o = 0; o < n; o++) {
                    double h = topology.handoffNs(hw[o], hw[c]);
                    if (handoff != null) {
                        handoff[o * n + c] = h;
                    }
                    sum += h;
                }
                transferNs[c] = n < 2 ? addNs : sum / (n - 1);
            }
            heap = new EventHeap(n);
            for (int c = 0; c < n; c++) {
                heap.push(c, 0);
            }
        }

        SimResult go(long warmupOps, long measuredOps) {
            long done = 0;
            measuring = warmupOps == 0;
            double measureStart = 0;
            while (true) {
                int c = heap.peekCpu();
                double t = heap.peekTime();
                if (t == Double.POSITIVE_INFINITY) {
                    throw new IllegalStateException("every CPU waits for a lock: no holder left to release it");
                }
                // c runs from its heap time on; once its local time has moved past it (advanced), the next
                // shared access or operation end goes back through the heap to be served in global order
                boolean advanced = false;
                steps:
                while (true) {
                    if (pc[c] == prog.length) {
                        if (advanced) {
                            heap.replaceTop(t);
                            break steps;
                        }
                        pc[c] = 0;
                        done++;
                        if (!measuring && done >= warmupOps) {
                            measuring = true;
                            measureStart = t;
                            done = 0;
                            resetCounters();
                        } else if (measuring && done >= measuredOps) {
                            return result(done, t - measureStart);
                        }
                    }
                    int at = pc[c];
                    Step s = prog[at];
                    if (s.kind().accessesLine() && advanced) {
                        heap.replaceTop(t);
                        break steps;
                    }
                    if (s.kind() == Step.Kind.UNLOCK) {
                        // an UNLOCK runs exactly when its LOCK ran, whatever its own probability
                        long bit = 1L << s.line();
                        if ((lockSkipped[c] & bit) != 0) {
                            lockSkipped[c] &= ~bit;
                            pc[c]++;
                            continue;
                        }
                    } else if (s.probability() < 1 && rng.nextDouble() >= s.probability()) {
                        if (s.kind() == Step.Kind.LOCK) {
                            lockSkipped[c] |= 1L << s.line();
                        }
                        pc[c]++;
                        continue;
                    }
                    events++;
                    switch (s.kind()) {
                        case WORK, LOCAL_ADD, LOCAL_RMW, DELAY, TRANSFER -> {
                            t += switch (s.kind()) {
                                case WORK -> -s.ns() * Math.log(1 - rng.nextDouble());
                                case DELAY -> s.ns();
                                case LOCAL_RMW -> rmwNs;
                                case TRANSFER -> s.ns() * transferNs[c];
                                default -> addNs;
                            };
                            pc[c]++;
                            advanced = true;
                        }
                        case SECTION_BEGIN -> {
                            sectionStart[c] = t;
                            pc[c]++;
                        }
                        case SECTION_END -> {
                            if (measuring && sectionStart[c] >= measureStart) {
                                sectionTime[sectionOf[at]] += t - sectionStart[c];
                            }
                            pc[c]++;
                        }
                        case LOCK -> {
                            int l = s.line();
                            if (heldBy[l] >= 0) {
                                waiters[l][(waitHead[l] + waitSize[l]++) % n] = c;
                                heap.replaceTop(Double.POSITIVE_INFINITY);
                                break steps;
                            }
                            heldBy[l] = c;
                            t = access(c, s, at, t);
                            advanced = true;
                        }
                        case UNLOCK -> {
                            int l = s.line();
                            t = access(c, s, at, t);
                            heldBy[l] = -1;
                            advanced = true;
                            if (waitSize[l] > 0) {
                                // hand the lock to the first waiter now, so no later arrival jumps the queue
                                int w = waiters[l][waitHead[l]];
                                waitHead[l] = (waitHead[l] + 1) % n;
                                waitSize[l]--;
                                heldBy[l] = w;
                                heap.update(w, access(w, prog[pc[w]], pc[w], t));
                                heap.update(c, t); // c may no longer be on top: requeue it by name
                                break steps;
                            }
                        }
                        case LOAD, RMW, CAS -> {
                            t = access(c, s, at, t);
                            advanced = true;
                        }
                        default -> throw new IllegalStateException("unhandled step " + s.kind());
                    }
                }
            }
        }

        /** Serves CPU c's access at step {@code at}, requested at {@code t}; returns when it completes. */
        private double access(int c, Step s, int at, double t) {
            int l = s.line();
            int me = c; // owners are the run's CPU indexes, hw[me] the hardware thread
            int prev = owner[l];
            boolean wasModified = modified[l];
            boolean hitm = wasModified && prev != me;
            double start = Math.max(t, freeAt[l]);
            double cost;
            boolean casFailed = false;
            if (s.kind() == Step.Kind.LOAD) {
                cost = hitm ? handoffNs(prev, me) : addNs;
                if (hitm) {
                    modified[l] = false;
                }
                pc[c]++;
            } else {
                boolean store = s.kind() == Step.Kind.UNLOCK;
                cost = (prev == me || prev < 0 ? 0 : handoffNs(prev, me)) + (store ? addNs : rmwNs);
                if (measuring && prev != me && prev >= 0) {
                    stepStoreMiss[at]++;
                }
                owner[l] = me;
                modified[l] = true;
                if (s.kind() != Step.Kind.CAS || seen[c] == version[l]) {
                    version[l]++;
                    pc[c]++;
                } else if (rng.nextDouble() < casKeepsLine) {
                    // the failed cmpxchg returned the current value and the line is still here: the loop's
                    // next cmpxchg succeeds without another transfer
                    cost += rmwNs;
                    version[l]++;
                    pc[c]++;
                    if (measuring) {
                        casAttempts++;
                        casRetries++;
                    }
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
            boolean remote = hitm && socket[prev] != socket[me];
            if (measuring) {
                busy[l] += cost;
                stepCount[at]++;
                if (hitm) {
                    if (remote) {
                        stepRmt[at]++;
                    } else {
                        stepLcl[at]++;
                    }
                }
            }
            if (listener != null) {
                listener.served(new LineEvent(l, hw[me], s.kind(), start, end, hitm, remote, prev < 0 ? -1 : hw[prev],
                        wasModified, casFailed));
            }
            return end;
        }

        private double handoffNs(int from, int to) {
            return handoff != null ? handoff[from * n + to] : topology.handoffNs(hw[from], hw[to]);
        }

        private void resetCounters() {
            for (long[] a : new long[][] {stepCount, stepLcl, stepRmt, stepStoreMiss}) {
                Arrays.fill(a, 0);
            }
            Arrays.fill(busy, 0);
            Arrays.fill(sectionTime, 0);
            casAttempts = 0;
            casRetries = 0;
        }

        private SimResult result(long ops, double elapsed) {
            Map<String, Double> share = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : sectionIds.entrySet()) {
                share.put(e.getKey(), sectionTime[e.getValue()] / (elapsed * n));
            }
            // per line and per site, all from the per-step counters
            long[][] line = new long[lineNames.size()][4]; // loads, writes, local HITM, remote HITM
            List<SiteStats> sites = new ArrayList<>();
            siteSums().forEach((k, sum) -> {
                line[k.line()][k.kind() == Step.Kind.LOAD ? 0 : 1] += sum[0];
                line[k.line()][2] += sum[1];
                line[k.line()][3] += sum[2];
                sites.add(new SiteStats(lineNames.get(k.line()), k.site(), k.kind(), sum[0], sum[1], sum[2], sum[3]));
            });
            List<LineStats> lines = new ArrayList<>();
            for (int l = 0; l < lineNames.size(); l++) {
                lines.add(new LineStats(lineNames.get(l), line[l][0], line[l][1], line[l][2], line[l][3], busy[l]));
            }
            return new SimResult(n, ops, elapsed, share, lines, sites, casAttempts, casRetries, events);
        }

        /** An accessor of a line: its symbol and whether it reads (LOAD) or writes (RMW). */
        private record SiteKey(int line, String site, Step.Kind kind) {
        }

        /** Per-step counters summed per site, in program order: accesses, local HITM, remote HITM, store misses. */
        private Map<SiteKey, long[]> siteSums() {
            Map<SiteKey, long[]> sums = new LinkedHashMap<>();
            for (int i = 0; i < prog.length; i++) {
                Step s = prog[i];
                if (!s.kind().accessesLine()) {
                    continue;
                }
                SiteKey key = new SiteKey(s.line(), s.site() == null ? "?" : s.site(),
                        s.kind() == Step.Kind.LOAD ? Step.Kind.LOAD : Step.Kind.RMW);
                long[] sum = sums.computeIfAbsent(key, k -> new long[4]);
                sum[0] += stepCount[i];
                sum[1] += stepLcl[i];
                sum[2] += stepRmt[i];
                sum[3] += stepStoreMiss[i];
            }
            return sums;
        }
    }
}
