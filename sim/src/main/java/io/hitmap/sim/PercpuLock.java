// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/**
 * Per-CPU lists, each under its own lock (dlock-list style): the hook's work runs under a lock only this
 * CPU takes, so the lock is a locked RMW on a line already in this CPU's cache, for acquire and release.
 */
public final class PercpuLock implements Strategy {
    @Override
    public String name() {
        return "percpu-lock";
    }

    @Override
    public String source() {
        return "per-CPU lists instead of one global list lock (the alternative PRODUCT.md names for seeds/003's teardown)";
    }

    @Override
    public List<Step> get(int line) {
        return List.of(Step.localRmw());
    }

    @Override
    public List<Step> put(int line) {
        return List.of(Step.localAdd());
    }

    /** A list head and a lock per CPU. */
    @Override
    public long bytesPerObject(int cpus) {
        return 24L * cpus;
    }

    @Override
    public boolean holdsLockAcrossSection() {
        return true;
    }
}
