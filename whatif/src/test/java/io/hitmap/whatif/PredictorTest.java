// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.analysis.Decimals;
import io.hitmap.analysis.ResultTable;
import io.hitmap.sim.Strategies;
import io.hitmap.sim.Topologies;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The overlayfs pair: 'no ref for long-lived creds' applied to the cred usage counter of the before capture,
 * the prediction checked against what the capture says must happen and against the measured after capture.
 */
class PredictorTest extends OverlayfsBefore {
    private static Baseline b;

    @BeforeAll
    static void open() {
        b = Fixtures.lightLoad(c, Target.refcountLines());
    }

    private static PredictedLine line(PredictedCapture p, int index) {
        return p.lines().stream().filter(l -> l.captured().index() == index).findFirst().orElseThrow();
    }

    private static PredictedAccessor row(PredictedLine l, int row) {
        return l.accessors().stream().filter(a -> a.captured().row().rowInLine() == row).findFirst().orElseThrow();
    }

    /**
     * After no-ref the cred line's only writer is init_file: 0.73% x 412 + 0.58% x 1028 = 8.9700 HITM samples,
     * which at the line's write share 0.54514 is 16.45 writes. A read finds the line Modified only as the first
     * reader after a write, so the readers can HITM at most once per write: at most ~16.5 samples in all.
     */
    @Test
    void noRefRemovesTheCredRmwHitmsAndTheReadersStopHittingAModifiedLine() {
        PredictedCapture p = Predictor.predict(b, Strategies.ALL.get("no-ref"));
        PredictedLine cred = line(p, 0);
        assertTrue(cred.simulated());
        for (int targeted : new int[] {0, 1, 3}) {
            assertEquals(0, row(cred, targeted).hitm(), "row " + targeted);
        }
        double initFileWrites = (0.0073 * 412 + 0.0058 * 1028) / (784.9456 / 1439.8972);
        assertTrue(cred.hitm() > 0 && cred.hitm() <= Math.ceil(initFileWrites * 1.1), "cred line " + cred.hitm());
        // before, the readers (rows 4 to 7) had (32.28 + 9.47 + 0.49 + 0.24)% of 412 + (37.16 + 8.75 + 0.58)% of 1028
        long readers = row(cred, 4).hitm() + row(cred, 5).hitm() + row(cred, 6).hitm() + row(cred, 7).hitm();
        assertTrue(readers <= Math.ceil(initFileWrites * 1.1), "readers " + readers + " of 652.9 before");
        assertEquals(0, p.bytesPerObject());
        assertEquals(null, p.throughputChangePct()); // light load: no share of CPU time was given
    }

    @Test
    void theUpdateCfsGroupLinesAreCarriedOverAndTheReplayLeavesThemAlone() {
        PredictedCapture p = Predictor.predict(b, Strategies.ALL.get("no-ref"));
        for (int[] expected : new int[][] {{1, 50, 103}, {2, 50, 98}}) {
            PredictedLine l = line(p, expected[0]);
            assertEquals("carried over", l.provenance());
            assertEquals(expected[1], l.remote());
            assertEquals(expected[2], l.local());
            assertTrue(Math.abs(l.simulatedChangePct()) < 3, "line " + expected[0] + ": " + l.simulatedChangePct());
        }
    }

    @Test
    void krefReplaysTheCaptureItself() {
        PredictedCapture p = Predictor.predict(b, Strategies.ALL.get("kref"));
        PredictedLine cred = line(p, 0);
        assertEquals(412 + 1028, cred.hitm(), 0.01 * 1440);
        assertEquals(0.0, cred.simulatedChangePct(), 1e-9); // the same steps, the same seed
        assertEquals(Math.round(0.4150 * 412 + 0.4222 * 1028), row(cred, 0).hitm(), 0.01 * 1440);
        assertEquals(4, p.bytesPerObject());
    }

    /** managed-percpu spends its atomic window (20 ms grace period per 1000 ms scan, the sim scenario's) as kref. */
    @Test
    void managedPercpuRefPaysItsAtomicWindow() {
        PredictedCapture managed = Predictor.predict(b, Strategies.ALL.get("managed-percpu"));
        PredictedCapture percpu = Predictor.predict(b, Strategies.ALL.get("percpu-ref"));
        assertEquals(0.02, managed.fallbackShare(), 1e-12);
        long window = line(managed, 0).hitm() - line(percpu, 0).hitm();
        assertTrue(window > 0.01 * 1440 && window < 0.04 * 1440, "window " + window);
        assertEquals(16 + 56 + 8 * 224 + 8, managed.bytesPerObject());
    }

    /**
     * The measured after capture (overlayfs-creds-after.c2c.txt): line 0 54 + 88 = 142, line 1 48 + 83 = 131,
     * line 2 (generic_permission only) 28 + 44 = 72; matched to the before lines as 'hitmap diff' does.
     */
    @Test
    void comparesEachLineWithTheMeasuredAfterCapture() throws Exception {
        PredictedCapture p = Predictor.predict(b, Strategies.ALL.get("no-ref"));
        int after = Fixtures.add(db, Fixtures.AFTER);
        ResultTable t = Comparison.compare(db, p, after);
        assertEquals(3, t.rows().size());
        long credPredicted = line(p, 0).hitm();
        assertEquals(List.of(0L, 2L, "matched", "simulated", credPredicted, 72L, credPredicted - 72, 28L, 44L),
                cells(t, 0, "line", "measured_line", "status", "provenance", "predicted_hitm", "measured_hitm",
                        "error_hitm", "measured_rmt", "measured_lcl"));
        assertEquals(List.of(1L, 0L, 153L, 142L, 11L), cells(t, 1, "line", "measured_line", "predicted_hitm",
                "measured_hitm", "error_hitm"));
        assertEquals(List.of(2L, 1L, 148L, 131L, 17L), cells(t, 2, "line", "measured_line", "predicted_hitm",
                "measured_hitm", "error_hitm"));
        double predictedTotal = 153 + 148 + credPredicted;
        assertEquals(Decimals.round(100 * 153 / predictedTotal - 100 * 142 / 345.0, 2), (Double) cells(t, 1, "error_pts").get(0), 0.011);
    }

    /**
     * Given the targeted lines' share of CPU time (5.7%: Chen Hu's figure for override_creds, revert_creds and
     * generic_permission on a 56-core SPR, sim-anchors.md V2), the replay is timed: the share comes out close,
     * and the throughput no-ref gains is the CPU time it frees, as ops over time must give.
     */
    @Test
    void aGivenShareOfCpuTimeTimesTheReplay() {
        Machine m = Machine.forCapture(Topologies.byName(Fixtures.SPR), c.nodes());
        Baseline timed = Baseline.of(c, Target.refcountLines(), m, 0.057, "Chen Hu", 200_000, 1);
        PredictedCapture p = Predictor.predict(timed, Strategies.ALL.get("no-ref"));
        double before = p.targetedTimeShareBefore();
        assertEquals(0.057, before, 0.005);
        double freed = (before - p.targetedTimeShareAfter()) / (1 - before);
        assertEquals(100 * freed, p.throughputChangePct(), 1.0);
    }

    private static List<Object> cells(ResultTable t, int row, String... columns) {
        return java.util.Arrays.stream(columns).map(col -> t.rows().get(row).get(t.columns().indexOf(col))).toList();
    }
}
