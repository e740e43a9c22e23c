// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/**
 * percpu rcuref (RFC 0/9 patch 7, seeds/000): percpu_ref counting on the fast path, release deferred by
 * RCU: the kill waits one grace period to switch to atomic, the free another (kfree_rcu).
 */
public final class PercpuRcuref implements Strategy {
    private final PercpuRef percpu = new PercpuRef();

    @Override
    public String name() {
        return "percpu-rcuref";
    }

    @Override
    public String source() {
        return "Upadhyay, [RFC 0/9] patch 7, percpu rcuref prototype, 2024-01-10 (seeds/000)";
    }

    @Override
    public List<Step> get(int line) {
        return percpu.get(line);
    }

    @Override
    public List<Step> put(int line) {
        return percpu.put(line);
    }

    @Override
    public long bytesPerObject(int cpus) {
        return percpu.bytesPerObject(cpus);
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
