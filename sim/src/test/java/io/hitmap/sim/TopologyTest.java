// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class TopologyTest {
    @Test
    void genoaCostsByDistance() {
        Topology t = Topologies.byName("epyc-9654-2s");
        assertEquals(384, t.hardwareThreads());
        assertEquals(10.3, t.handoffNs(0, 1));     // SMT siblings
        assertEquals(27.1, t.handoffNs(0, 2));     // same CCD
        assertEquals(99.3, t.handoffNs(0, 16));    // other CCD, socket 0
        assertEquals(191.6, t.handoffNs(0, 192));  // other socket
        assertEquals(200, t.handoffNs(192, 208));  // other CCD inside socket 1: home-node effect
        assertEquals(0, t.handoffNs(5, 5));
    }

    @Test
    void placesTheAppArmorConfigurationsOnOneL3DomainPer16Cpus() {
        Topology t = Topologies.byName("epyc-9654-1s");
        assertEquals(1, t.l3DomainsUsed(16));
        assertEquals(6, t.l3DomainsUsed(96));
        assertEquals(12, t.l3DomainsUsed(192));
    }

    @Test
    void everyPresetCostNamesItsSource() {
        for (Topology t : Topologies.PRESETS.values()) {
            CoherenceCosts c = t.costs();
            for (Sourced s : new Sourced[] {c.smtSibling(), c.sameL3(), c.otherL3(), c.otherSocket(),
                    c.homeNodeCross(), c.localRmw(), c.localAdd()}) {
                assertFalse(s.source().isBlank(), t.name());
            }
        }
    }

    @Test
    void aHeaderMachineTakesItsShapeAndTheNearestSourcedCosts() {
        Topology amd = Topologies.forMachine("AMD EPYC 7763 64-Core Processor", 2, 8, 8, 2);
        assertEquals(256, amd.hardwareThreads());
        assertEquals(16, amd.l3Domains());
        assertEquals(Topologies.byName("epyc-9654-1s").costs(), amd.costs());
        assertTrue(amd.description().contains("epyc-9654-2s"), amd.description());
        Topology spr = Topologies.forMachine("Intel(R) Xeon(R) Platinum 8480+", 2, 1, 56, 2);
        assertEquals(Topologies.byName("spr-8480-2s").costs(), spr.costs());
        Topology icx = Topologies.forMachine("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", 1, 1, 32, 2);
        assertEquals(Topologies.byName("icelake-8358-2s").costs(), icx.costs());
    }
}
