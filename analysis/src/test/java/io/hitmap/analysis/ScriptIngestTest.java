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
}
