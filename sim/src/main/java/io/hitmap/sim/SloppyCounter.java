// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/**
 * Sloppy counter (Boyd-Wickizer et al., "An Analysis of Linux Scalability to Many Cores", OSDI 2010, p. 7):
 * a central counter plus per-core pools of spare references. A get takes a local spare and a put returns
 * one; the central counter is touched only when the local pool is empty or full, i.e. once per
 * {@link #BATCH} gets or puts on average.
 */
public final class SloppyCounter implements Strategy {
    /** Assumption: spares move between a core and the central counter in batches of 8 (the paper gives no size). */
    public static final int BATCH = 8;

    @Override
    public String name() {
        return "sloppy";
    }

    @Override
    public String source() {
        return "Boyd-Wickizer et al., OSDI 2010 p. 7: central counter + per-core spare references; batch of "
                + BATCH + " is an assumption";
    }

    @Override
    public List<Step> get(int line) {
        return List.of(Step.localAdd(), Step.rmw(line).withProbability(1.0 / BATCH));
    }

    @Override
    public List<Step> put(int line) {
        return List.of(Step.localAdd(), Step.rmw(line).withProbability(1.0 / BATCH));
    }

    /** The central count plus one spare count per core. */
    @Override
    public long bytesPerObject(int cpus) {
        return 8 + 8L * cpus;
    }

    /** Zero is known only after the spares are reconciled: not bounded by the counter itself. */
    @Override
    public double reclaimDelayMs(Scenario s) {
        return Double.NaN;
    }
}
