// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import static io.hitmap.analysis.HitmapDbTest.row;
import static io.hitmap.analysis.HitmapDbTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.arrow.ScriptToArrow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * perf script captures stream into DuckDB batch by batch. Expected counts come from the files:
 * {@code grep -c '^Web Content ' F} and so on, {@code grep -c -P '^\t' F} for frames.
 */
class ScriptIngestTest {
    static final Path TRACES = SampleTracesIngestTest.TRACES;

    @TempDir
    Path dir;

    @Test
    void samplesPerCommAgreeWithGrep() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.insertCaptures(List.of(ScriptToArrow.of(TRACES.resolve("webcontent-callchain.perf-script.txt"), false, null)));
            assertEquals(rows(row("DOM Worker", 577L), row("Web Content", 578L), row("webcontent", 2L)),
                    db.query("SELECT comm, count(*) FROM samples GROUP BY 1 ORDER BY 1").rows());
            assertEquals(rows(row(3722L)), db.query("SELECT count(*) FROM sample_frames").rows());
            assertEquals(rows(row("perf-script", "callchain", 6036L, 4879L, 1157L, 0L)),
                    db.query("SELECT kind, format_variant, lines_read, lines_used, lines_structural, lines_skipped"
                            + " FROM captures").rows());
        }
    }

    @Test
    void everyFrameJoinsItsSampleAndDepthsCountFromTheLeaf() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.insertCaptures(List.of(ScriptToArrow.of(TRACES.resolve("refbench-shared.perf-script.txt"), false, null)));
            // the sample on line 1: 15 frames, leaf folios_put_refs (line 2), root _dl_start_user (line 16)
            assertEquals(rows(row(0L, "folios_put_refs", 2L), row(14L, "_dl_start_user", 16L)), db.query(
                    "SELECT depth, symbol, source_line_no FROM sample_frames WHERE sample_no = 0 AND depth IN (0, 14)"
                            + " ORDER BY depth").rows());
            assertEquals(rows(row(0L)), db.query("SELECT count(*) FROM sample_frames f ANTI JOIN samples s"
                    + " USING (capture_id, sample_no)").rows());
            assertEquals(rows(row(5504L)), db.query("SELECT sum(frames) FROM samples").rows());
        }
    }

    @Test
    void aParseErrorAfterSeveralBatchesLeavesNothing() throws Exception {
        Path f = dir.resolve("big.perf-script.txt");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) { // beyond two batches of samples
            b.append("a 1 ").append(i).append(".000000: 1 cpu-clock:\n\tffffffff815a114b f+0x1 ([kernel.kallsyms])\n\n");
        }
        b.append("a 1 x.000000: 1 cpu-clock:\n");
        Files.writeString(f, b);
        Path store = dir.resolve("s.duckdb");
        try (HitmapDb db = HitmapDb.openStore(store, false)) {
            PerfParseException e = assertThrows(PerfParseException.class,
                    () -> db.insertCaptures(List.of(ScriptToArrow.of(f, false, null))));
            assertEquals(f + ":60001: expected a sample header \"<comm> <tid> <time>: <period> <event>:\" as on"
                    + " line 1, found \"a 1 x.000000: 1 cpu-clock:\"", e.getMessage());
            assertEquals(rows(row(0L, 0L, 0L)), db.query("SELECT (SELECT count(*) FROM captures),"
                    + " (SELECT count(*) FROM samples), (SELECT count(*) FROM sample_frames)").rows());
        }
    }

    // line numbers in the comments are the file's; the second and third samples print the same
    // frames on the same relative lines, the first prints them too but mail broke its line 3 in two
    private static final String SOFT_BROKEN = """
            refbench 14931   971.966939:     500000 cpu-clock:ppp:
            \tffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
            \t    7f3a10001234 LambdaForm$MH/0x0000000800c01000::invoke+0x20 (/mem=
            fd:jit (deleted))
            \t           20ce7 munmap+0x7 (/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2)

            refbench 14931   971.967939:     500000 cpu-clock:ppp:
            \tffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
            \t    7f3a10001234 LambdaForm$MH/0x0000000800c01000::invoke+0x20 (/memfd:jit (deleted))
            \t           20ce7 munmap+0x7 (/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2)

            refbench 14931   971.968939:     500000 cpu-clock:ppp:
            \tffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
            \t    7f3a10001234 LambdaForm$MH/0x0000000800c01000::invoke+0x20 (/memfd:jit (deleted))
            \t           20ce7 munmap+0x7 (/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2)
            """;

    @Test
    void aStackPrintedByTwoSamplesIsStoredOnce() throws Exception {
        Path f = dir.resolve("same.perf-script.txt");
        Files.writeString(f, SOFT_BROKEN);
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.insertCaptures(List.of(ScriptToArrow.of(f, false, null)));
            // samples 1 and 2 (lines 7 and 12) share a stack; sample 0's frames sit on other relative lines
            assertEquals(rows(row(0L, 0L), row(1L, 1L), row(2L, 1L)),
                    db.query("SELECT sample_no, stack_id FROM samples ORDER BY 1").rows());
            assertEquals(rows(row(2L, 6L)), db.query("SELECT count(DISTINCT stack_id), count(*) FROM sample_stacks").rows());
            assertEquals(rows(
                    row(1L, 0L, "ffffffff815a114b", "folios_put_refs", 0x6bL, "[kernel.kallsyms]", 8L),
                    row(1L, 1L, "7f3a10001234", "LambdaForm$MH/0x0000000800c01000::invoke", 0x20L, "/memfd:jit (deleted)", 9L),
                    row(1L, 2L, "20ce7", "munmap", 7L, "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", 10L),
                    row(2L, 0L, "ffffffff815a114b", "folios_put_refs", 0x6bL, "[kernel.kallsyms]", 13L),
                    row(2L, 1L, "7f3a10001234", "LambdaForm$MH/0x0000000800c01000::invoke", 0x20L, "/memfd:jit (deleted)", 14L),
                    row(2L, 2L, "20ce7", "munmap", 7L, "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", 15L)),
                    db.query("SELECT sample_no, depth, address, symbol, sym_offset, dso, source_line_no FROM sample_frames"
                            + " WHERE sample_no > 0 ORDER BY 1, 2").rows());
        }
    }

    @Test
    void aLineMailBrokeInTwoKeepsTheLineItStartsOnAndTheFramesAfterItTheirOwn() throws Exception {
        Path f = dir.resolve("mail.perf-script.txt");
        Files.writeString(f, SOFT_BROKEN);
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.insertCaptures(List.of(ScriptToArrow.of(f, false, null)));
            // the frame joined from lines 3 and 4 is on line 3, the next one on line 5
            assertEquals(rows(row(0L, "folios_put_refs", "[kernel.kallsyms]", 2L),
                    row(1L, "LambdaForm$MH/0x0000000800c01000::invoke", "/memfd:jit (deleted)", 3L),
                    row(2L, "munmap", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", 5L)),
                    db.query("SELECT depth, symbol, dso, source_line_no FROM sample_frames"
                            + " WHERE sample_no = 0 ORDER BY depth").rows());
        }
    }

    @Test
    void aSkippedSampleLeavesTheLineNumbersOfTheNextOnesAlone() throws Exception {
        Path f = dir.resolve("lenient.perf-script.txt");
        Files.writeString(f, """
                a 1 1.000000: 1 cpu-clock:
                \tffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
                \tzz not a frame

                \tffffffff815a114b stray+0x1 ([kernel.kallsyms])
                a 1 2.000000: 1 cpu-clock:
                \tffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
                \t           20ce7 munmap+0x7 (/usr/lib/ld.so)

                a 1 3.000000: 1 cpu-clock:
                \t           20ce7 munmap+0x7 (/usr/lib/ld.so)
                """);
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.insertCaptures(List.of(ScriptToArrow.of(f, true, null)));
            // lines 1-3: a sample with a bad frame; line 5: a frame under no header
            assertEquals(rows(row("1,2,3,5")), db.query("SELECT skipped_line_nos FROM captures").rows());
            assertEquals(rows(row(0L, 0L, "folios_put_refs", 7L), row(0L, 1L, "munmap", 8L), row(1L, 0L, "munmap", 11L)),
                    db.query("SELECT sample_no, depth, symbol, source_line_no FROM sample_frames ORDER BY 1, 2").rows());
        }
    }

    @Test
    void aTinyStackCacheStoresStacksAgainButGivesTheSameFrames() throws Exception {
        Path f = TRACES.resolve("refbench-shared.perf-script.txt");
        String frames = "SELECT sample_no, depth, address, symbol, sym_offset, dso, source_line_no FROM sample_frames"
                + " WHERE capture_id = %d ORDER BY 1, 2";
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.insertCaptures(List.of(ScriptToArrow.of(f, false, null), ScriptToArrow.of(f, false, null).cacheBytes(1)));
            // 2734 samples print 21 distinct stacks (the tab lines under each header, compared as text);
            // a cache of one frame line gives each sample a stack of its own
            assertEquals(rows(row(2734L, 21L)), db.query("SELECT count(*), count(DISTINCT stack_id) FROM samples"
                    + " WHERE capture_id = 1").rows());
            assertEquals(db.query("SELECT count(*) FROM samples WHERE capture_id = 2").rows(),
                    db.query("SELECT count(DISTINCT stack_id) FROM samples WHERE capture_id = 2").rows());
            assertEquals(rows(row(5504L)), db.query("SELECT count(*) FROM sample_frames WHERE capture_id = 2").rows());
            assertEquals(db.query(frames.formatted(1)).rows(), db.query(frames.formatted(2)).rows());
            // the sample on line 1: 15 frames, leaf folios_put_refs (line 2), root _dl_start_user (line 16)
            assertEquals(rows(row(0L, "folios_put_refs", 2L), row(14L, "_dl_start_user", 16L)), db.query(
                    "SELECT depth, symbol, source_line_no FROM sample_frames WHERE capture_id = 2 AND sample_no = 0"
                            + " AND depth IN (0, 14) ORDER BY depth").rows());
        }
    }
}
