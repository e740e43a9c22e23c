// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.c2c.C2cAccess;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cLine;
import io.hitmap.ingest.c2c.C2cReportParser;
import io.hitmap.sim.Strategies;
import io.hitmap.sim.Topologies;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Predictions of real captures -> c2c text that the c2c parser reads back, every printed value intact. */
class PredictedC2cTextTest {

    private static C2cCapture reparse(PredictedCapture p) throws Exception {
        String text = PredictedC2cText.write(p, PredictionNotes.of(p, "hitmap whatif test"));
        assertTrue(text.startsWith("# PREDICTED by hitmap whatif, not measured: hitmap whatif test\n"), text);
        C2cCapture c = C2cReportParser.parse("predicted.c2c.txt", new BufferedReader(new StringReader(text)), false);
        assertEquals(List.of(), c.warnings());
        assertEquals(0, c.linesSkipped());
        return c;
    }

    @Test
    void theOverlayfsPredictionReadsBackLineByLine() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            Capture before = Fixtures.read(db, Fixtures.BEFORE);
            PredictedCapture p = Predictor.predict(Fixtures.lightLoad(before, Target.refcountLines()),
                    Strategies.ALL.get("no-ref"));
            C2cCapture c = reparse(p);
            List<PredictedLine> listed = p.listed();
            assertEquals(listed.size(), c.lines().size());
            for (C2cLine l : c.lines()) {
                PredictedLine want = listed.get(l.lineIndex());
                assertEquals(want.remote(), l.rmtHitm());
                assertEquals(want.local(), l.lclHitm());
            }
            // line 1 of the capture (update_cfs_group, 153 HITM) is the most contended line after no-ref
            assertEquals(1, listed.get(0).captured().index());
            C2cAccess cfs = c.accesses().stream().filter(a -> a.lineIndex() == 0).findFirst().orElseThrow();
            assertEquals("update_cfs_group", cfs.symbol());
            assertEquals("kernel.vmlinux", cfs.object());
            assertEquals("atomic64_64.h:15", cfs.sourceLine());
            assertEquals("0 1", cfs.nodes());
            assertEquals(100.0, cfs.rmtHitmPct(), 1e-9);
        }
    }

    /**
     * will-it-scale-signal kref: the capture itself, so the values the file prints come back: line 0 at
     * 0xffffffffb7879600 node 1 with 81.27% of the run's HITMs (638 of 638 / 0.8127), stores 10173 / 4,
     * its rows' offsets, code addresses, CPU counts and node lists (row 0: line 95 of the file).
     */
    @Test
    void aPerf5CapturesColumnsReadBack() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            Capture before = Fixtures.read(db, "will-it-scale-signal-5.x-intel-NN-pid-callgraph.head.c2c.txt");
            Machine m = Machine.forCapture(Topologies.byName("icelake-8358-2s"), before.nodes());
            Baseline b = Baseline.of(before, Target.refcountLines(), m, null, null, 200_000, 1);
            C2cCapture c = reparse(Predictor.predict(b, Strategies.ALL.get("kref")));
            C2cLine l = c.lines().get(0);
            assertEquals("0xffffffffb7879600", l.address());
            assertEquals("1", l.node());
            assertEquals(638L, l.lclHitm());
            assertEquals(0L, l.rmtHitm());
            assertEquals(81.27, l.hitmPct(), 0.01);
            assertEquals(10173L, l.storeL1Hit());
            assertEquals(4L, l.storeL1Miss());
            assertEquals(18, c.lines().size());
            C2cAccess row = c.accesses().get(0);
            assertEquals(0, row.offset());
            assertEquals("0xffffffffb65a7fc3", row.codeAddress());
            assertEquals(1L, row.cpuCount());
            assertEquals("1{8}", row.nodes());
            assertEquals("refcount_dec_not_one+19", row.sourceLine());
            assertEquals(1.62, row.storeL1HitPct(), 1e-9);
            assertEquals(2.82, row.lclHitmPct(), 0.05); // replayed: within the replay's split error
        }
    }
}
