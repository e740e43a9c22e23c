// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/** A plain int count under a spinlock on the same line: get and put each lock, add, unlock. */
public final class SpinlockCount implements Strategy {
    @Override
    public String name() {
        return "spinlock-count";
    }

    @Override
    public String source() {
        return "spin_lock(&obj->lock); obj->count++; spin_unlock(): the pre-kref pattern PRODUCT.md lists; "
                + "qspinlock hands over in FIFO order";
    }

    @Override
    public List<Step> get(int line) {
        return List.of(Step.lock(line), Step.localAdd(), Step.unlock(line));
    }

    @Override
    public List<Step> put(int line) {
        return get(line);
    }

    /** A 4-byte count and a 4-byte qspinlock. */
    @Override
    public long bytesPerObject(int cpus) {
        return 8;
    }
}
