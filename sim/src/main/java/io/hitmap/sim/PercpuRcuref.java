// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * percpu rcuref (RFC 0/9 patch 7, seeds/000): percpu_ref counting on the fast path, release deferred by
 * RCU: the kill waits one grace period to switch to atomic, the free another (kfree_rcu).
 */
public final class PercpuRcuref extends PercpuFastPath {
    @Override
    public String name() {
        return "percpu-rcuref";
    }

    @Override
    public String source() {
        return "Upadhyay, [RFC 0/9] patch 7, percpu rcuref prototype, 2024-01-10 (seeds/000)";
    }

    @Override
    public double reclaimDelayMs(Scenario s) {
        return 2 * s.rcuGracePeriodMs().value();
    }

    @Override
    public double rcuCallbacksPerSecond(Scenario s) {
        return 2 * s.releasesPerSecond();
    }
}
