// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.analysis.HitmapDb;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real captures -> each accessor's samples, role and whether it writes, with values read off the files. */
class CaptureReaderTest {

    /**
     * overlayfs-creds-before.c2c.txt line 0 (412 remote, 1028 local): revert_creds at atomic64_64.h:39 is
     * 41.50% / 42.22% = 170.98 / 434.0216 samples, an atomic helper so a writer; revert_creds at cred.h:266 is
     * a refcount symbol at a plain source line, so a read; generic_permission reads.
     */
    @Test
    void readsTheCredLineAccessorsSamplesAndWriters() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            Capture c = Fixtures.read(db, Fixtures.BEFORE);
            assertEquals(List.of(0, 1, 2), c.lines().stream().map(CapturedLine::index).toList());
            CapturedLine cred = c.line(0);
            assertEquals("refcount", cred.cls());
            assertEquals(8, cred.accessors().size());
            CapturedAccessor revert = Fixtures.accessor(c, 0, 0);
            assertEquals("revert_creds atomic64_64.h:39", revert.label());
            assertEquals("refcount", revert.role());
            assertTrue(revert.rmw());
            assertTrue(revert.put());
            assertEquals(0.4150 * 412, revert.rmtHitm(), 1e-9);
            assertEquals(0.4222 * 1028, revert.lclHitm(), 1e-9);
            CapturedAccessor override = Fixtures.accessor(c, 0, 1);
            assertTrue(override.rmw() && override.refcount() && !override.put(), override.label());
            CapturedAccessor initFile = Fixtures.accessor(c, 0, 2);
            assertEquals("atomic", initFile.role());
            assertTrue(initFile.rmw());
            CapturedAccessor revertRead = Fixtures.accessor(c, 0, 3);
            assertEquals("revert_creds cred.h:266", revertRead.label());
            assertEquals("refcount", revertRead.role());
            assertFalse(revertRead.rmw());
            CapturedAccessor reader = Fixtures.accessor(c, 0, 4);
            assertEquals("other", reader.role());
            assertFalse(reader.rmw());
            assertEquals(0.3228 * 412 + 0.3716 * 1028, reader.hitm(), 1e-9);
            // writers: (41.50 + 15.05 + 0.73)% of 412 + (42.22 + 10.60 + 0.58)% of 1028 = 784.9456 of
            // 100.00% of 412 + 99.99% of 1028 = 1439.8972 HITM samples
            assertEquals(784.9456 / 1439.8972, cred.writeShare(), 1e-9);
            assertEquals(Set.of(0, 1), c.nodes());
        }
    }

    /**
     * will-it-scale-signal (perf 5.x, -NN, Pid, call graphs, the Pareto cut after line 0's first four rows):
     * the rows have store shares, so they write; they hold (2.19 + 2.82 + 2.82 + 2.19)% of the line's 638 local
     * HITMs; the 17 other lines have no Pareto rows, so no writer to replay.
     */
    @Test
    void readsStoresAsWritesWhenTheParetoIsCutShort() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            Capture c = Fixtures.read(db, "will-it-scale-signal-5.x-intel-NN-pid-callgraph.head.c2c.txt");
            CapturedLine l = c.line(0);
            assertEquals(4, l.accessors().size());
            assertTrue(l.accessors().stream().allMatch(CapturedAccessor::rmw));
            assertEquals(0.1002 * 638, l.hitm(), 1e-9);
            assertEquals(638, l.local());
            assertEquals(10173L, l.storeL1Hit());
            assertEquals(4L, l.storeL1Miss());
            assertEquals(0.0162 * 10173, Fixtures.accessor(c, 0, 0).storeL1Hit(), 1e-9); // line 95, pid 69311
            assertEquals(1.0, l.writeShare(), 1e-12);
            assertEquals(17, c.lines().stream().filter(x -> !x.replayable()).count());
            assertEquals(Set.of(0, 1), c.nodes()); // "0{0} 1{9-10}", "1{8}": the cpu lists dropped
        }
    }
}
