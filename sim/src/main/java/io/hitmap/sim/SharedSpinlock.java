// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/**
 * The hook's whole work under one shared spinlock (a hash or trie lookup under the table lock; a list
 * removal under the superblock's inode list lock during a mass teardown, seeds/003): get is spin_lock,
 * put is spin_unlock, and the hook's work runs while every other CPU that wants the lock waits.
 */
public final class SharedSpinlock implements Strategy {
    @Override
    public String name() {
        return "spinlock";
    }

    @Override
    public String source() {
        return "Mahoney, procfs teardown: 'every CPU contending on the super's inode list lock' (seeds/003); "
                + "qspinlock: FIFO handoff, one line transfer per acquisition";
    }

    @Override
    public List<Step> get(int line) {
        return List.of(Step.lock(line));
    }

    @Override
    public List<Step> put(int line) {
        return List.of(Step.unlock(line));
    }

    @Override
    public long bytesPerObject(int cpus) {
        return 4;
    }

    @Override
    public boolean holdsLockAcrossSection() {
        return true;
    }
}
