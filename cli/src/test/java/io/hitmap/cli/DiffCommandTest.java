// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hitmap diff} end to end: c2c pairs, perf report pairs, a store, and the refusals. */
class DiffCommandTest {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final String BEFORE = TRACES.resolve("overlayfs-creds-before.c2c.txt").toString();
    private static final String AFTER = TRACES.resolve("overlayfs-creds-after.c2c.txt").toString();
    private static final String SHARED = TRACES.resolve("refbench-shared.flat.txt").toString();
    private static final String LOCAL = TRACES.resolve("refbench-local.flat.txt").toString();

    @TempDir
    Path tmp;

    @Test
    void overlayfsSummaryNamesTheAccessorsThatLeftTheCredLine() {
        CliEndToEndTest.Run r = run("diff", BEFORE, AFTER);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 persisting, 0 removed, 0 new"), r.out());
        assertTrue(r.out().contains("persisting  before line 0 -> after line 2  (score 0.45)"), r.out());
        // the cred line was refcount get/put with readers; after the patch only the readers are sampled
        assertTrue(r.out().contains("persisting  before line 0 -> after line 2  (score 0.45)  top accessor "
                + "generic_permission\n    class refcount -> unclassified\n"), r.out());
        assertTrue(r.out().contains("HITM 1440 -> 72  (-1368, -95.00%)"), r.out());
        String summary = String.join(" ", r.out().substring(r.out().indexOf("summary:")).strip().split("\\s+"));
        assertEquals("summary: The accesses of revert_creds, override_creds at atomic64_64.h are gone from the line "
                + "they shared with generic_permission (before line 0, after line 2); generic_permission "
                + "(mnt_idmapping.h:81) still contends on it, 1440 → 72 HITM (−95%). The update_cfs_group lines "
                + "persist (153 → 142, 148 → 131 HITM).", summary);
    }

    /**
     * overlayfs-creds-no-backing-ops keeps both update_cfs_group lines (153 and 148 HITM before;
     * its block headers "1 ..." and "2 ..."): both persist, though both prefer the same line at first.
     */
    @Test
    void twoSimilarLinesBothPersist() {
        CliEndToEndTest.Run r = run("diff", BEFORE, TRACES.resolve("overlayfs-creds-no-backing-ops.c2c.txt").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 persisting, 0 removed, 0 new"), r.out());
    }

    /**
     * unixbench i_mmap: the patch moved the rwsem (its spinners at 0x10 before, 0x8 after) and
     * vma_interval_tree_remove (0x0, 9.22%/7.37% of the HITMs before) left the line. HITM from the
     * block headers: "0 13642 19392 ..." = 33034 before, "0 12726 18554 ..." = 31280 after.
     */
    @Test
    void aFieldThatMovedStillMatchesAndTheLeaverIsNamed() {
        CliEndToEndTest.Run r = run("diff", TRACES.resolve("unixbench-i_mmap-spr-baseline-squeezed.c2c.txt").toString(),
                TRACES.resolve("unixbench-i_mmap-spr-patched-squeezed.c2c.txt").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 persisting, 0 removed, 0 new"), r.out());
        assertTrue(r.out().contains("    class lock -> lock\n"), r.out());
        assertTrue(r.out().contains("HITM 33034 -> 31280"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("    gone     vma_interval_tree_remove ")), r.out());
    }

    @Test
    void csvHasARowPerAccessorChange() {
        CliEndToEndTest.Run r = run("diff", BEFORE, AFTER, "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().toList();
        List<String> header = Arrays.asList(rows.get(0).split(","));
        assertEquals(1 + 7 + 1 + 4, rows.size()); // header, line 0: 7 items, line 1: 1, line 2: 4
        int change = header.indexOf("accessor_change");
        int before = header.indexOf("before_source_line");
        int after = header.indexOf("after_source_line");
        assertTrue(rows.stream().map(l -> l.split(",", -1))
                .anyMatch(c -> c[change].equals("changed") && c[before].equals("fair.c:4118") && c[after].equals("fairc:4118")));
    }

    @Test
    void identicalCapturesHaveZeroDeltas() {
        CliEndToEndTest.Run r = run("diff", BEFORE, BEFORE, "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String[]> rows = r.out().lines().skip(1).map(l -> l.split(",", -1)).toList();
        List<String> header = Arrays.asList(r.out().lines().findFirst().orElseThrow().split(","));
        assertTrue(rows.stream().allMatch(c -> c[header.indexOf("delta")].equals("0")
                && c[header.indexOf("status")].equals("persisting") && c[header.indexOf("accessor_change")].equals("same")));
    }

    @Test
    void jsonCarriesSidesLinesAndSummary() {
        CliEndToEndTest.Run r = run("diff", BEFORE, AFTER, "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"min_score\": 0.2"), r.out());
        assertTrue(r.out().contains("\"change\": \"gone\""), r.out());
        assertTrue(r.out().contains("\"summary\": \"The accesses of revert_creds"), r.out());
    }

    /** refbench-shared.flat.txt: label_put 62.87%, do_request 27.58%; refbench-local.flat.txt: do_request 93.31%. */
    @Test
    void perfReportPairGivesSymbolDeltas() {
        CliEndToEndTest.Run r = run("diff", SHARED, LOCAL, "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().toList();
        assertEquals("status,symbol,symbol_kind,shared_objects,baseline_pct,after_pct,delta_pct", rows.get(0));
        assertEquals("removed,label_put,.,refbench,62.87,,-62.87", rows.get(1));
        assertTrue(rows.get(2).startsWith("persisting,do_request,.,refbench,27.58,93.31,65.73"), rows.get(2));
        assertEquals(1 + 9 + 5, rows.size()); // 9 symbols before, 5 of the 6 after are new
        CliEndToEndTest.Run text = run("diff", SHARED, LOCAL);
        assertTrue(text.out().contains("do_request 27.58% → 93.31% (+65.73 points)"), text.out());
    }

    @Test
    void readsTheCapturesFromAStore() {
        String store = tmp.resolve("s.duckdb").toString();
        assertEquals(0, run("ingest", BEFORE, AFTER, "--store", store).code());
        CliEndToEndTest.Run r = run("diff", "--store", store, "--before", "1", "--after", "2", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertEquals(run("diff", BEFORE, AFTER, "--format", "csv").out(), r.out());
        CliEndToEndTest.Run missing = run("diff", "--store", store, "--before", "1", "--after", "9");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("hitmap: error: " + store + ": capture 9 is not in the store\n"), missing.err());
    }

    @Test
    void refusesPerfScriptWithTheLineThatTells() {
        String script = TRACES.resolve("refbench-shared.perf-script.txt").toString();
        CliEndToEndTest.Run r = run("diff", BEFORE, script);
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + script + ":1: expected perf c2c report or perf report text, found perf script "
                + "text \"refbench 14931   971.966939:     500000 cpu-clock:ppp:\"\n"
                + "hitmap: hint: hitmap diff compares profiles as 'perf report --stdio' text: "
                + "perf report --stdio -i perf.data > FILE.txt\n", r.err());
    }

    @Test
    void refusesMixedKindsAsUsage() {
        CliEndToEndTest.Run r = run("diff", BEFORE, LOCAL);
        assertEquals(2, r.code());
        assertEquals("hitmap: error: " + LOCAL + ": expected perf c2c report text like " + BEFORE
                + ", found perf report text\n"
                + "hitmap: hint: hitmap diff compares two 'perf c2c report --stdio' files or two 'perf report --stdio' "
                + "files\n", r.err());
    }

    @Test
    void needsTwoFilesOrAStoreWithIds() {
        assertEquals(2, run("diff", BEFORE).code());
        assertEquals(2, run("diff", "--store", "x.duckdb", "--before", "1").code());
        assertEquals(2, run("diff", BEFORE, AFTER, "--min-score", "0").code());
    }
}
