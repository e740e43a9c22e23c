// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * One thing a simulated CPU does in an operation: private work, an access to a shared line, or a
 * section mark that attributes the time in between to a symbol (the way a profile would).
 *
 * @param line        the shared line's index for accesses, else -1
 * @param ns          mean ns of WORK (exponentially distributed, seeded) or the ns of a DELAY, else 0
 * @param probability chance the step runs in a given operation (1 = always)
 * @param section     symbol for SECTION_BEGIN/END, else null
 */
public record Step(Kind kind, int line, double ns, double probability, String section) {

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
        SECTION_BEGIN,
        SECTION_END
    }

    public static Step work(double ns) {
        return new Step(Kind.WORK, -1, ns, 1, null);
    }

    public static Step delay(double ns) {
        return new Step(Kind.DELAY, -1, ns, 1, null);
    }

    public static Step rmw(int line) {
        return new Step(Kind.RMW, line, 0, 1, null);
    }

    public static Step load(int line) {
        return new Step(Kind.LOAD, line, 0, 1, null);
    }

    public static Step cas(int line) {
        return new Step(Kind.CAS, line, 0, 1, null);
    }

    public static Step localAdd() {
        return new Step(Kind.LOCAL_ADD, -1, 0, 1, null);
    }

    public static Step begin(String section) {
        return new Step(Kind.SECTION_BEGIN, -1, 0, 1, section);
    }

    public static Step end(String section) {
        return new Step(Kind.SECTION_END, -1, 0, 1, section);
    }

    public Step withProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], found " + p);
        }
        return new Step(kind, line, ns, p, section);
    }
}
