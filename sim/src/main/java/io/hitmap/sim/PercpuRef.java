// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/** percpu_ref in percpu mode (never killed): get and put add to this CPU's own counter; no shared write. */
public final class PercpuRef extends PercpuFastPath {
    @Override
    public String name() {
        return "percpu-ref";
    }

    @Override
    public String source() {
        return "lib/percpu-refcount.c: rcu_read_lock_sched + this_cpu_add; 16 B inline + ~56 B percpu_ref_data + 8 B x nr_possible_cpus";
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
