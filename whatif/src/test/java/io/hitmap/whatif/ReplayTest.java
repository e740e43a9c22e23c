// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.sim.Step;
import io.hitmap.sim.Strategies;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The overlayfs capture -> the operation the replay repeats, and the before replay against the capture. */
class ReplayTest extends OverlayfsBefore {
    private static Replay r;

    @BeforeAll
    static void open() {
        r = new Replay(c, Target.refcountLines());
    }

    /**
     * Rates are HITM samples over the line's write share: on line 0 the share is 784.9456 / 1439.8972 (see
     * CaptureReaderTest), on line 1 (update_cfs_group, one atomic) it is 1, so one line-1 access stands for
     * 153 samples and a line-0 access for 0.54514 of one.
     */
    @Test
    void ratesAreHitmSamplesOverTheLineWriteShare() {
        double total = r.lines().stream().flatMap(l -> l.accessors().stream()).mapToDouble(r::probability).sum();
        assertEquals(1.0, total, 1e-12);
        CapturedAccessor revert = Fixtures.accessor(c, 0, 0);
        CapturedAccessor reader = Fixtures.accessor(c, 0, 4);
        CapturedAccessor cfs = Fixtures.accessor(c, 1, 0);
        assertEquals((0.4150 * 412 + 0.4222 * 1028) / (0.3228 * 412 + 0.3716 * 1028),
                r.probability(revert) / r.probability(reader), 1e-9);
        double writeShare = 784.9456 / 1439.8972;
        assertEquals(153 / ((0.4150 * 412 + 0.4222 * 1028) / writeShare), r.probability(cfs) / r.probability(revert), 1e-9);
    }

    @Test
    void noRefDropsTheTargetedGetsPutsAndCountReadsAndKeepsTheRest() {
        List<Step> steps = r.steps(Strategies.ALL.get("no-ref"), Target.refcountLines(), 1000);
        assertEquals(List.of(), sites(steps, "L0#0", "L0#1", "L0#3"));
        assertEquals(List.of(Step.Kind.RMW), sites(steps, "L0#2")); // init_file's atomic stays
        assertEquals(List.of(Step.Kind.LOAD), sites(steps, "L0#4"));
        assertEquals(List.of(Step.Kind.RMW), sites(steps, "L1#0"));
    }

    @Test
    void krefUnlessZeroTurnsTheGetIntoALoadAndACmpxchgAndKeepsTheCountRead() {
        List<Step> steps = r.steps(Strategies.ALL.get("kref-unless-zero"), Target.refcountLines(), 1000);
        assertEquals(List.of(Step.Kind.LOAD, Step.Kind.CAS), sites(steps, "L0#1")); // override_creds: a get
        assertEquals(List.of(Step.Kind.RMW), sites(steps, "L0#0")); // revert_creds: a put
        assertEquals(List.of(Step.Kind.LOAD), sites(steps, "L0#3")); // the count is still on the line
    }

    /**
     * The assumption behind the rates, tested on the capture they come from: replayed as captured, every
     * accessor's share of its line's HITMs comes out within a point of the capture's.
     */
    @Test
    void theBeforeReplaySplitsEachLineAsTheCaptureDoes() {
        Baseline b = Fixtures.lightLoad(c, Target.refcountLines());
        for (CapturedLine l : c.lines()) {
            assertTrue(b.splitErrorPts(l) < 1.0, "line " + l.index() + ": " + b.splitErrorPts(l));
        }
    }

    private static List<Step.Kind> sites(List<Step> steps, String... sites) {
        List<String> wanted = List.of(sites);
        return steps.stream().filter(s -> s.kind().accessesLine() && wanted.contains(s.site())).map(Step::kind).toList();
    }
}
