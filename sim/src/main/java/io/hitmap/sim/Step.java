// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * One thing a simulated CPU does in an operation: private work, an access to a shared line, or a
 * section mark that attributes the time in between to a symbol (the way a profile would).
 *
 * @param line        the shared line's index for accesses, else -1
 * @param ns          mean ns of WORK (exponentially distributed, seeded), the ns of a DELAY, the count of
 *                    TRANSFERs, else 0
 * @param probability chance the step runs in a given operation (1 = always)
 * @param section     symbol for SECTION_BEGIN/END, else null
 * @param site        the symbol a profile or perf c2c would show for an access (its accessor), or null
 */
public record Step(Kind kind, int line, double ns, double probability, String section, String site) {

    public enum Kind {
        /** Private work: no shared memory. */
        WORK,
        /** A locked RMW (atomic add/sub/xchg): needs the line exclusive; its load half can HITM. */
        RMW,
        /** A plain load: HITM when another CPU holds the line modified. */
        LOAD,
        /** A cmpxchg that fails if the line changed since this CPU's last access (inc_not_zero's loop). */
        CAS,
        /** Private work of a fixed duration (a fence, a slot store): no shared memory. */
        DELAY,
        /** A non-locked add to this CPU's own per-CPU counter (percpu_ref's this_cpu_add). */
        LOCAL_ADD,
        /** A locked RMW on a line only this CPU uses (a per-CPU lock or list head): never waits, never HITMs. */
        LOCAL_RMW,
        /**
         * {@code ns} misses on data another CPU of the run wrote last, with no one else waiting for it (a
         * packet handed from the CPU that took the interrupt, a socket another CPU touched): each costs the
         * mean handoff to this CPU from the run's other CPUs and queues behind nobody.
         */
        TRANSFER,
        /** Acquire a spinlock on the line: an RMW that holds the line until UNLOCK; waiters queue FIFO (qspinlock). */
        LOCK,
        /** Release the spinlock: a store by the holder; the first waiter then takes the line. */
        UNLOCK,
        SECTION_BEGIN,
        SECTION_END;

        /** Whether the step touches a shared line (has a {@code line}). */
        public boolean accessesLine() {
            return this == RMW || this == LOAD || this == CAS || this == LOCK || this == UNLOCK;
        }
    }

    public Step {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], found " + probability);
        }
    }

    public static Step work(double ns) {
        return new Step(Kind.WORK, -1, ns, 1, null, null);
    }

    public static Step delay(double ns) {
        return new Step(Kind.DELAY, -1, ns, 1, null, null);
    }

    public static Step rmw(int line) {
        return access(Kind.RMW, line);
    }

    public static Step load(int line) {
        return access(Kind.LOAD, line);
    }

    public static Step cas(int line) {
        return access(Kind.CAS, line);
    }

    public static Step lock(int line) {
        return access(Kind.LOCK, line);
    }

    public static Step unlock(int line) {
        return access(Kind.UNLOCK, line);
    }

    public static Step transfers(double count) {
        return new Step(Kind.TRANSFER, -1, count, 1, null, null);
    }

    public static Step localAdd() {
        return new Step(Kind.LOCAL_ADD, -1, 0, 1, null, null);
    }

    public static Step localRmw() {
        return new Step(Kind.LOCAL_RMW, -1, 0, 1, null, null);
    }

    public static Step begin(String section) {
        return new Step(Kind.SECTION_BEGIN, -1, 0, 1, section, null);
    }

    public static Step end(String section) {
        return new Step(Kind.SECTION_END, -1, 0, 1, section, null);
    }

    private static Step access(Kind kind, int line) {
        return new Step(kind, line, 0, 1, null, null);
    }

    public Step withProbability(double p) {
        return new Step(kind, line, ns, p, section, site);
    }

    /** This step attributed to {@code symbol}, unless it names its own site already. */
    public Step at(String symbol) {
        return site != null ? this : new Step(kind, line, ns, probability, section, symbol);
    }
}
