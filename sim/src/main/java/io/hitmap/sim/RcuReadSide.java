// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/** An RCU read-side section instead of a reference: nothing shared is written; frees wait a grace period. */
public final class RcuReadSide extends NothingShared {
    @Override
    public String name() {
        return "rcu-read";
    }

    @Override
    public String source() {
        return "zswap memcg LRU: rcu_read_lock instead of get/put, seeds/002; a non-preemptible kernel's rcu_read_lock writes nothing";
    }

    @Override
    public double reclaimDelayMs(Scenario s) {
        return s.rcuGracePeriodMs().value(); // frees wait for readers
    }

    @Override
    public double rcuCallbacksPerSecond(Scenario s) {
        return s.releasesPerSecond();
    }
}
