// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static final Topology GENOA = Topologies.byName("epyc-9654-1s");
    private static final Topology GENOA_2S = Topologies.byName("epyc-9654-2s");

    private static List<Step> getPut(Strategy s, double workNs) {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.work(workNs));
        steps.addAll(s.get(0));
        steps.add(Step.load(1));
        steps.add(Step.work(20));
        steps.addAll(s.put(0));
        return steps;
    }

    @Test
    void servesOneAccessAtATimePerLine() {
        List<LineEvent> events = new ArrayList<>();
        new Engine(GENOA_2S, getPut(new KrefGetUnlessZero(), 200), List.of("a", "b"), 7)
                .listener(events::add).run(64, 1000, 5000);
        double[] lastEnd = new double[2];
        for (LineEvent e : events) {
            assertTrue(e.startNs() >= lastEnd[e.line()], "overlap on line " + e.line() + " at " + e.startNs());
            assertTrue(e.endNs() >= e.startNs());
            lastEnd[e.line()] = e.endNs();
        }
        assertTrue(events.size() > 10_000);
    }

    @Test
    void countsHitmOnlyWhenAnotherCpuHoldsTheLineModified() {
        List<LineEvent> events = new ArrayList<>();
        SimResult r = new Engine(GENOA_2S, getPut(new Kref(), 300), List.of("a", "b"), 3)
                .listener(events::add).run(256, 0, 4000);
        long hitm = 0;
        for (LineEvent e : events) {
            if (e.hitm()) {
                hitm++;
                assertTrue(e.previousModified() && e.previousOwner() != e.cpu(), e.toString());
                assertEquals(GENOA_2S.socketOf(e.previousOwner()) != GENOA_2S.socketOf(e.cpu()), e.remote());
            } else {
                assertTrue(!e.previousModified() || e.previousOwner() == e.cpu() || e.previousOwner() < 0, e.toString());
            }
        }
        assertTrue(hitm > 0);
        assertTrue(r.lines().get(0).remoteHitm() > 0, "256 CPUs span both sockets");
    }

    @Test
    void readOnlyLineNeverHitms() {
        List<Step> steps = List.of(Step.work(100), Step.load(0), Step.load(0));
        SimResult r = new Engine(GENOA, steps, List.of("ro"), 1).run(192, 100, 10_000);
        assertEquals(0, r.lines().get(0).localHitm() + r.lines().get(0).remoteHitm());
        assertEquals(20_000, r.lines().get(0).loads(), 20_000 / 192 * 2 + 400);
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() {
        List<Step> steps = getPut(new Kref(), 500);
        SimResult a = new Engine(GENOA, steps, List.of("a", "b"), 42).run(48, 1000, 20_000);
        SimResult b = new Engine(GENOA, steps, List.of("a", "b"), 42).run(48, 1000, 20_000);
        SimResult c = new Engine(GENOA, steps, List.of("a", "b"), 43).run(48, 1000, 20_000);
        assertEquals(a, b);
        assertNotEquals(a.elapsedNs(), c.elapsedNs());
    }

    @Test
    void cmpxchgLoopRetriesUnderContentionAndRcurefNever() {
        SimResult cas = new Engine(GENOA, getPut(new KrefGetUnlessZero(), 100), List.of("a", "b"), 5).run(112, 1000, 10_000);
        SimResult rcuref = new Engine(GENOA, getPut(new Rcuref(), 100), List.of("a", "b"), 5).run(112, 1000, 10_000);
        assertTrue(cas.casRetriesPerCas() > 1, "retries " + cas.casRetriesPerCas());
        assertEquals(0, rcuref.casAttempts());
    }
}
