// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.sim.Strategies;
import io.hitmap.sim.Strategy;
import org.junit.jupiter.api.Test;

/** Strategies against what a target selects in real captures: refcount gets/puts, readers, a lock. */
class ApplicabilityTest {

    @Test
    void everyRefcountStrategyAppliesToTheCredUsageCounterButOffAndTheLockSections() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            Capture c = Fixtures.read(db, Fixtures.BEFORE);
            for (Strategy s : Strategies.ALL.values()) {
                String why = Applicability.whyNot(s, c, Target.refcountLines());
                if (s.name().equals("off")) {
                    assertEquals("'off' is a sim scenario's subsystem switched off, not a way to count references "
                            + "(for no shared access, no-ref or rcu-read)", why);
                } else if (s.name().equals("spinlock") || s.name().equals("percpu-lock")) {
                    assertEquals("'" + s.name() + "' holds a lock from get to put (a lookup or list section under one "
                            + "lock); a captured refcount's gets and puts are separate accesses with other work "
                            + "between them", why);
                } else {
                    assertNull(why, s.name());
                }
            }
        }
    }

    @Test
    void readersAloneTakeNoReferences() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            Capture c = Fixtures.read(db, Fixtures.BEFORE);
            assertEquals("the targeted accessors only read (generic_permission mnt_idmapping.h:81, generic_permission "
                            + "namei.c:354): a refcount strategy changes gets and puts, which write",
                    Applicability.whyNot(Strategies.ALL.get("no-ref"), c, Target.parse("generic_permission")));
        }
    }

    /** will-it-scale-mmap (5.13) line 0: the mmap rwsem, rwsem_* and osq_* at atomic helpers. */
    @Test
    void aLockIsNotAReferenceCount() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            Capture c = Fixtures.read(db, "will-it-scale-mmap-5.13-intel-new.c2c.txt");
            assertEquals("lock", c.line(0).cls());
            String why = Applicability.whyNot(Strategies.ALL.get("percpu-ref"), c, Target.parse("^osq_"));
            assertEquals("line 0 is a lock (osq_lock atomic.h:208, osq_unlock atomic.h:196), not a reference count", why);
        }
    }
}
