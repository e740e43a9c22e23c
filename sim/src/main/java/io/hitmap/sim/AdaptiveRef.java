// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * Overstreet's dynamic percpu refcount (2012, "[PATCH 23/32] Generic dynamic per cpu refcounting", cited in
 * seeds/000): an atomic_t that switches itself to per-CPU counting when one object sees more than 4096 gets
 * per second; below that it is a kref.
 */
public final class AdaptiveRef extends PercpuFastPath {
    /** "if there are more than x gets in one second (completely arbitrarily, 4096)". */
    public static final double SWITCH_GETS_PER_SECOND = 4096;
    private final Kref atomic = new Kref();

    @Override
    public String name() {
        return "adaptive";
    }

    @Override
    public String source() {
        return "Overstreet, [PATCH 23/32] Generic dynamic per cpu refcounting, 2012 (lkml 1301.0/00878): "
                + "atomic until > 4096 gets/s, then percpu";
    }

    @Override
    public Strategy regime(double getsPerSecond) {
        return getsPerSecond > SWITCH_GETS_PER_SECOND ? this : atomic;
    }

    /** The atomic count (8 B, gets in the high bits) plus the per-CPU counters once switched. */
    @Override
    public long bytesPerObject(int cpus) {
        return 8 + 8L * cpus;
    }

    @Override
    public double reclaimDelayMs(Scenario s) {
        return s.rcuGracePeriodMs().value(); // the kill switches back to atomic through synchronize_rcu
    }

    @Override
    public double rcuCallbacksPerSecond(Scenario s) {
        return s.releasesPerSecond();
    }
}
