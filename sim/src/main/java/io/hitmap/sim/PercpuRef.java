// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/** percpu_ref in percpu mode (never killed): get and put add to this CPU's own counter; no shared write. */
public final class PercpuRef implements Strategy {
    @Override
    public String name() {
        return "percpu-ref";
    }

    @Override
    public String source() {
        return "lib/percpu-refcount.c: rcu_read_lock_sched + this_cpu_add; 16 B inline + ~56 B percpu_ref_data + 8 B x nr_possible_cpus";
    }

    @Override
    public List<Step> get(int line) {
        return List.of(Step.localAdd());
    }

    @Override
    public List<Step> put(int line) {
        return List.of(Step.localAdd());
    }

    @Override
    public long bytesPerObject(int cpus) {
        return 16 + 56 + 8L * cpus;
    }

    @Override
    public double reclaimDelayMs(Scenario s) {
        return s.rcuGracePeriodMs().value(); // percpu_ref_kill: switch to atomic after one grace period
    }

    @Override
    public double rcuCallbacksPerSecond(Scenario s) {
        return s.releasesPerSecond();
    }
}
