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

    @Test
    void aLockIsHeldByOneCpuAtATimeAndHandedOverInArrivalOrder() {
        List<Step> steps = List.of(Step.work(300), Step.lock(0), Step.work(50), Step.unlock(0));
        List<LineEvent> events = new ArrayList<>();
        SimResult r = new Engine(GENOA, steps, List.of("lock"), 11).listener(events::add).run(32, 200, 5000);
        double releasedAt = 0;
        int holder = -1;
        for (LineEvent e : events) {
            if (e.kind() == Step.Kind.LOCK) {
                assertEquals(-1, holder, "lock taken while held, at " + e.startNs());
                assertTrue(e.startNs() >= releasedAt - 1e-9, "acquired before the release completed");
                holder = e.cpu();
            } else {
                assertEquals(holder, e.cpu(), "unlocked by a CPU that does not hold it");
                holder = -1;
                releasedAt = e.endNs();
            }
        }
        // 32 CPUs (two CCDs) want the lock for ~120 ns of every ~420: it is the bottleneck, so one critical
        // section completes at a time: the handoff from the last holder (mean over the other 31 CPUs: 1
        // SMT sibling at 10.3, 14 same-CCD at 27.1, 16 other-CCD at 99.3), the RMW 2.5, 50 ns of mean
        // work inside, the unlock store 1.0
        double handoff = (10.3 + 14 * 27.1 + 16 * 99.3) / 31;
        double perSection = r.elapsedNs() / r.ops();
        assertEquals(handoff + 2.5 + 50 + 1.0, perSection, 0.05 * perSection);
    }

    @Test
    void aLockWithoutUnlockIsRejected() {
        List<Step> steps = List.of(Step.work(10), Step.lock(0), Step.work(5));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Engine(GENOA, steps, List.of("l"), 1));
        assertTrue(e.getMessage().contains("never unlocked"), e.getMessage());
    }

    @Test
    void transfersCostTheMeanHandoffFromTheOtherCpusOfTheRun() {
        // 16 CPUs of one CCD: from CPU 0 the others are 1 SMT sibling and 14 same-CCD threads
        SimResult r = new Engine(GENOA, List.of(Step.transfers(10)), List.of(), 1).run(16, 0, 16_000);
        double expected = 10 * (10.3 + 14 * 27.1) / 15;
        assertEquals(expected, r.elapsedNs() / (r.ops() / 16.0), 0.5);
    }

    @Test
    void perSiteCountsAddUpToTheLineAndNameTheirSymbols() {
        List<Step> steps = List.of(Step.work(200), Step.rmw(0).at("get_cred"), Step.load(0).at("generic_permission"),
                Step.work(30), Step.rmw(0).at("put_cred"));
        SimResult r = new Engine(GENOA, steps, List.of("cred"), 4).run(96, 500, 10_000);
        long rmw = 0;
        long load = 0;
        long hitm = 0;
        for (SiteStats s : r.sites()) {
            assertEquals("cred", s.line());
            if (s.kind() == Step.Kind.LOAD) {
                assertEquals("generic_permission", s.site());
                load += s.accesses();
            } else {
                assertTrue(s.site().equals("get_cred") || s.site().equals("put_cred"), s.site());
                rmw += s.accesses();
            }
            hitm += s.localHitm() + s.remoteHitm();
        }
        LineStats line = r.lines().get(0);
        assertEquals(line.rmws(), rmw);
        assertEquals(line.loads(), load);
        assertEquals(line.localHitm() + line.remoteHitm(), hitm);
        assertEquals(3, r.sites().size());
        assertTrue(hitm > 0);
    }

    @Test
    void aConditionalLockIsReleasedExactlyWhenItWasTaken() {
        List<Step> steps = List.of(Step.work(200), Step.lock(0).withProbability(0.5), Step.work(20),
                Step.unlock(0).withProbability(0.5));
        List<LineEvent> events = new ArrayList<>();
        SimResult r = new Engine(GENOA, steps, List.of("lock"), 3).listener(events::add).run(16, 0, 20_000);
        long locks = events.stream().filter(e -> e.kind() == Step.Kind.LOCK).count();
        long unlocks = events.stream().filter(e -> e.kind() == Step.Kind.UNLOCK).count();
        assertTrue(locks - unlocks <= 16, "every CPU releases what it took: " + locks + " vs " + unlocks);
        // half of the 20,000 operations take the lock (binomial: 10,000 +- 71 at one sigma)
        assertEquals(10_000, locks, 400);
        assertEquals(20_000, r.ops());
    }
}
