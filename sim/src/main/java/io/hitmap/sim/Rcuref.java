// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/** rcuref_t: one unconditional RMW per get and per put, no cmpxchg loop; still one shared line. */
public final class Rcuref extends OneRmwEach {
    @Override
    public String name() {
        return "rcuref";
    }

    @Override
    public String source() {
        return "lib/rcuref.c (Gleixner 2023): get atomic_add_negative_relaxed(+1), put atomic_add_negative(-1), no retry loop";
    }

    @Override
    public double reclaimDelayMs(Scenario s) {
        return s.rcuGracePeriodMs().value(); // kfree_rcu after the last put
    }

    @Override
    public double rcuCallbacksPerSecond(Scenario s) {
        return s.releasesPerSecond();
    }
}
