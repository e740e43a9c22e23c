// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/**
 * A reference-counting strategy -> the steps a get and a put cost on the object's line, its memory and
 * the time it spends in another strategy's regime (managed percpu_ref's atomic window). Each names the
 * thread or source it models.
 */
public interface Strategy {
    /** The name users type after {@code --strategies}. */
    String name();

    /** The thread, commit or paper the model follows. */
    String source();

    List<Step> get(int line);

    List<Step> put(int line);

    /**
     * Whether get takes a lock that put releases, so the hook's work runs under it (a lookup or list
     * section); such a strategy replaces a lock, not a reference count's separate get and put.
     */
    default boolean holdsLockAcrossSection() {
        return false;
    }

    /** Bytes one object's reference costs on {@code cpus} possible CPUs. */
    long bytesPerObject(int cpus);

    /** Share of wall time the object runs in {@link #fallback()}'s regime instead (0 = never). */
    default double fallbackShare(Scenario scenario) {
        return 0;
    }

    /** The regime during {@link #fallbackShare}, or null. */
    default Strategy fallback() {
        return null;
    }

    /**
     * The regime the strategy runs in when one object sees {@code getsPerSecond} (adaptive counters switch
     * on their rate); this strategy itself by default.
     */
    default Strategy regime(double getsPerSecond) {
        return this;
    }

    /** ms from the last put to the object's memory being freed, given the scenario (0 = at the put; NaN = not bounded by the strategy). */
    default double reclaimDelayMs(Scenario s) {
        return 0;
    }

    /** RCU callbacks queued per second machine-wide (call_rcu/kfree_rcu from switches and frees). */
    default double rcuCallbacksPerSecond(Scenario s) {
        return 0;
    }
}
