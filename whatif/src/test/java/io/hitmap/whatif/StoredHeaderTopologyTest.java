// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.arrow.ProfileToArrow;
import io.hitmap.sim.Topologies;
import io.hitmap.sim.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/** perf report --header blocks of sample-traces -> the topology a replay runs on. */
class StoredHeaderTopologyTest {

    /** webref-header-I: "cpudesc : AMD EPYC", one "sibling sockets" line, two one-CPU "sibling threads", one L3. */
    @Test
    void readsSocketsCoresThreadsAndL3DomainsFromTheHeader() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            int id = db.insertCaptures(List.of(ProfileToArrow.stream(Fixtures.TRACES.resolve("webref-header-I.perf-report.txt"), false))).get(0);
            Topology t = StoredHeaderTopology.read(db, id, "webref-header-I.perf-report.txt");
            assertEquals(1, t.sockets());
            assertEquals(1, t.l3PerSocket());
            assertEquals(2, t.coresPerL3());
            assertEquals(1, t.threadsPerCore());
            assertEquals(Topologies.byName("epyc-9654-2s").costs(), t.costs());
        }
    }

    @Test
    void aProfileWithoutTheTopologyLinesIsNamed() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            int id = db.insertCaptures(List.of(ProfileToArrow.stream(Fixtures.TRACES.resolve("webref-quiet.perf-report.txt"), false))).get(0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StoredHeaderTopology.read(db, id, "webref-quiet.perf-report.txt"));
            assertEquals("webref-quiet.perf-report.txt: expected the CPU topology of 'perf report --header -I', "
                    + "found no header", e.getMessage());
        }
    }
}
