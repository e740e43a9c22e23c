// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/** An RCU read-side section instead of a reference: nothing shared is written; frees wait a grace period. */
public final class RcuReadSide implements Strategy {
    @Override
    public String name() {
        return "rcu-read";
    }

    @Override
    public String source() {
        return "zswap memcg LRU: rcu_read_lock instead of get/put, seeds/002; a non-preemptible kernel's rcu_read_lock writes nothing";
    }

    @Override
    public List<Step> get(int line) {
        return List.of();
    }

    @Override
    public List<Step> put(int line) {
        return List.of();
    }

    @Override
    public long bytesPerObject(int cpus) {
        return 0;
    }
}
