// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.ingest.c2c.C2cReportParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real capture pairs -> line matches, deltas and accessor changes, with values read off the files. */
class LineDiffTest {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private HitmapDb db;

    @BeforeEach
    void open() throws Exception {
        db = HitmapDb.inMemory();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private LineDiff diff(String before, String after) throws Exception {
        int b = db.addCapture(C2cReportParser.parse(TRACES.resolve(before), false));
        int a = db.addCapture(C2cReportParser.parse(TRACES.resolve(after), false));
        return LineDiff.compare(db, DiffSide.of(db, b), DiffSide.of(db, a), LineDiff.DEFAULT_MIN_SCORE);
    }

    private static DiffedLine before(LineDiff d, int line) {
        return d.lines().stream().filter(l -> Integer.valueOf(line).equals(l.beforeLine())).findFirst().orElseThrow();
    }

    /**
     * overlayfs-creds-before line 0 (rmt 412, lcl 1028): generic_permission at mnt_idmapping.h:81 has
     * (32.28 + 9.47)% * 412 + (37.16 + 8.75)% * 1028 = 643.9648 of the line's
     * 100.00% * 412 + 99.99% * 1028 = 1439.8972 estimated samples: weight 0.44723. After line 2 holds
     * only generic_permission there (weight 1), so the pair scores 0.44723. The update_cfs_group
     * lines: before 1 (one accessor, 153) and after 0 (one accessor) score 1; before 2 -> after 1.
     */
    @Test
    void matchesTheCredLineByItsRemainingReaders() throws Exception {
        LineDiff d = diff("overlayfs-creds-before.c2c.txt", "overlayfs-creds-after.c2c.txt");
        assertEquals(List.of("persisting", "persisting", "persisting"), d.lines().stream().map(DiffedLine::status).toList());
        DiffedLine cred = before(d, 0);
        assertEquals(2, cred.afterLine());
        assertEquals(0.44723, cred.score(), 1e-5);
        assertEquals(1440L, cred.beforeTotal());
        assertEquals(72L, cred.afterTotal()); // 28 + 44
        assertEquals(-1368L, cred.delta());
        assertEquals(-95.0, cred.deltaPct(), 1e-9);
        assertEquals(100.0 * 1440 / (1440 + 153 + 148), cred.beforeShare(), 1e-9);
        assertEquals(100.0 * 72 / (142 + 131 + 72), cred.afterShare(), 1e-9);
        assertEquals("listed", cred.beforeShareBasis());
        List<String> gone = cred.accessors().stream().filter(a -> a.status().equals("gone"))
                .map(a -> a.symbol() + " " + a.sourceLine()).toList();
        assertEquals(List.of("revert_creds atomic64_64.h:39", "override_creds atomic64_64.h:25",
                "init_file atomic64_64.h:25", "inode_owner_or_capable mnt_idmapping.h:81", "revert_creds cred.h:266",
                "generic_permission namei.c:354"), gone);
        AccessorChange reader = cred.accessors().stream().filter(a -> !a.status().equals("gone")).findFirst().orElseThrow();
        assertEquals("changed generic_permission mnt_idmapping.h:81", reader.status() + " " + reader.symbol() + " "
                + reader.afterSourceLine());
        assertEquals(72.0, reader.afterEstSamples(), 1e-9); // (85.71% + 14.29%) * 28 + (79.55% + 20.45%) * 44

        assertEquals(0, before(d, 1).afterLine());
        assertEquals(1.0, before(d, 1).score(), 1e-9);
        assertEquals(142L, before(d, 1).afterTotal());
        assertEquals(1, before(d, 2).afterLine());
        assertEquals(131L, before(d, 2).afterTotal());
    }

    /** After's "fairc:4118" is before's "fair.c:4118" with the dot lost to SMTP dot-stuffing: one item, changed. */
    @Test
    void sourceFilesCompareWithoutDots() throws Exception {
        LineDiff d = diff("overlayfs-creds-before.c2c.txt", "overlayfs-creds-after.c2c.txt");
        AccessorChange fair = before(d, 2).accessors().stream()
                .filter(a -> "fair.c:4118".equals(a.beforeSourceLine())).findFirst().orElseThrow();
        assertEquals("changed", fair.status());
        assertEquals("fairc:4118", fair.afterSourceLine());
        assertEquals(0.0204 * 98, fair.beforeEstSamples(), 1e-9); // 2.04% * 98 = 1.9992
        assertEquals(83 * 0.012, fair.afterEstSamples(), 1e-9); // 1.20% * 83
    }

    @Test
    void identicalCapturesPersistWithZeroDeltas() throws Exception {
        LineDiff d = diff("false_sharing-6.0-x86-tot.c2c.txt", "false_sharing-6.0-x86-tot.c2c.txt");
        assertEquals(2, d.lines().size());
        for (DiffedLine l : d.lines()) {
            assertEquals("persisting", l.status());
            assertEquals(l.beforeLine(), l.afterLine());
            assertEquals(1.0, l.score(), 1e-9);
            assertEquals(0L, l.delta());
            assertEquals(0.0, l.shareDelta(), 1e-9);
            assertEquals("perf", l.beforeShareBasis()); // 66.14% and 33.86% printed by perf
            assertTrue(l.accessors().stream().allMatch(a -> a.status().equals("same")), l.accessors().toString());
        }
        assertEquals(66.14, before(d, 0).beforeShare(), 1e-9);
        // line 0's accessors at offset 0x0 and 0x20: four rows, four items (symbols differ by address)
        assertEquals(4, before(d, 0).accessors().size());
    }

    @Test
    void unrelatedCapturesShareNoLine() throws Exception {
        LineDiff d = diff("overlayfs-creds-before.c2c.txt", "false_sharing-6.0-x86-tot.c2c.txt");
        assertEquals(List.of("removed", "removed", "removed", "new", "new"),
                d.lines().stream().map(DiffedLine::status).toList());
        assertEquals(List.of(1440L, 153L, 148L), d.lines().subList(0, 3).stream().map(DiffedLine::beforeTotal).toList());
        assertEquals(List.of(252L, 129L), d.lines().subList(3, 5).stream().map(DiffedLine::afterTotal).toList());
        assertEquals(-1440L, d.lines().get(0).delta());
        assertEquals(33.86, d.lines().get(4).afterShare(), 1e-9);
    }

    @Test
    void aHigherThresholdSplitsTheCredLine() throws Exception {
        int b = db.addCapture(C2cReportParser.parse(TRACES.resolve("overlayfs-creds-before.c2c.txt"), false));
        int a = db.addCapture(C2cReportParser.parse(TRACES.resolve("overlayfs-creds-after.c2c.txt"), false));
        LineDiff d = LineDiff.compare(db, DiffSide.of(db, b), DiffSide.of(db, a), 0.5);
        assertEquals(List.of("persisting", "persisting", "removed", "new"),
                d.lines().stream().map(DiffedLine::status).toList());
    }
}
