// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/** kref_get_unless_zero: get reads the count then loops on cmpxchg until no one changed it in between; put is one RMW. */
public final class KrefGetUnlessZero implements Strategy {
    @Override
    public String name() {
        return "kref-unless-zero";
    }

    @Override
    public String source() {
        return "atomic_inc_not_zero try_cmpxchg loop, O(N^2) under contention; Gleixner, [patch V3 0/4] net, refcount, 2023-03-23";
    }

    @Override
    public List<Step> get(int line) {
        return List.of(Step.load(line), Step.cas(line));
    }

    @Override
    public List<Step> put(int line) {
        return List.of(Step.rmw(line));
    }

    @Override
    public long bytesPerObject(int cpus) {
        return 4;
    }
}
