// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/**
 * The fast path shared by percpu_ref and the strategies built on it (managed, immortal swap, percpu rcuref,
 * adaptive once switched): rcu_read_lock_sched + this_cpu_add on get and on put, no shared write; memory
 * is percpu_ref's 16 B inline + ~56 B percpu_ref_data + 8 B x nr_possible_cpus.
 */
abstract class PercpuFastPath implements Strategy {
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
        return percpuRefBytes(cpus);
    }

    static long percpuRefBytes(int cpus) {
        return 16 + 56 + 8L * cpus;
    }
}
