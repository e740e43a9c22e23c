// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code top}, {@code lines --profile}, and perf report files through {@code ingest} and {@code query}. */
class ProfileCommandsTest {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final Path BEFORE = TRACES.resolve("overlayfs-creds-before.c2c.txt");
    /** A profile of the kernel functions in overlayfs-creds-before's Pareto blocks. */
    private static final String PROFILE = """
            # Samples: 10K of event 'cycles'
            # Overhead  Command  Shared Object     Symbol
            # ........  .......  ................  ....................
            #
                10.00%  swapper  [kernel.vmlinux]  [k] update_cfs_group
                 2.00%  ovl      [kernel.vmlinux]  [k] revert_creds
                 1.00%  swapper  [kernel.vmlinux]  [k] update_load_avg
            """;

    @TempDir
    Path tmp;

    /**
     * Hand computation from the Pareto blocks (est_samples = (rmt% * line remote + lcl% * line local) / 100):
     * update_cfs_group: line 1 100%*50 + 100%*103 = 153; line 2 96%*50 + 96.94%*98 = 143.0012 and 2%*50 = 1,
     * so 144.0012; of 297.0012 in all. Its 10% splits 5.151 (line 1) / 4.849 (line 2); update_load_avg's 1%
     * and revert_creds' 2% each sit on one line. Line 2 costs 5.849, line 1 5.151, line 0 2.000: the ranking
     * by cost reverses the ranking by HITM (1440, 153, 148).
     */
    @Test
    void profileCostsAndRanksTheLines() throws Exception {
        Path report = Files.writeString(tmp.resolve("cycles.txt"), PROFILE, StandardCharsets.UTF_8);
        CliEndToEndTest.Run r = run("lines", BEFORE.toString(), "--profile", report.toString(), "--format", "json",
                "--accessors", "1");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode lines = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.out()).get(0).get("lines");
        List<String> order = new java.util.ArrayList<>();
        List<String> costs = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode l : lines) {
            order.add(l.get("line_index").asText());
            costs.add(l.get("line_cost_pct").asText());
        }
        assertEquals(List.of("2", "1", "0"), order);
        assertEquals(List.of("5.849", "5.151", "2.0"), costs);
        assertEquals(10.0, lines.get(0).get("accessors").get(0).get("profile_self_pct").asDouble());

        CliEndToEndTest.Run text = run("lines", BEFORE.toString(), "--profile", report.toString(), "--top", "1");
        assertTrue(text.out().contains("(top 1 line by estimated profile cost, then HITM)"), text.out());
        assertTrue(text.out().contains("est. cost 5.85% of profiled samples"), text.out());
        assertTrue(text.out().contains("prof-self"), text.out());
    }

    /** perfgo-false-sharing's accessor "[.] github.com/perfgo/perfgo/e" is perf c2c's 30-character cut. */
    @Test
    void aCutSymbolMatchesTheFullNamesItBegins() throws Exception {
        Path report = Files.writeString(tmp.resolve("go.txt"), """
                # Overhead  Command  Shared Object  Symbol
                # ........  .......  .............  ..............................................
                #
                    40.00%  perfgo   perfgo         [.] github.com/perfgo/perfgo/example.worker
                     3.00%  perfgo   perfgo         [.] github.com/perfgo/perfgo/example.main
                """, StandardCharsets.UTF_8);
        Path c2c = TRACES.resolve("perfgo-false-sharing-6.x-amd-ibs.c2c.txt");
        CliEndToEndTest.Run r = run("lines", c2c.toString(), "--profile", report.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        List<String> cut = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode a : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.out()).get(0).get("lines").get(0).get("accessors")) {
            if (a.get("symbol").asText().equals("github.com/perfgo/perfgo/e")) {
                cut.add(a.get("profile_self_pct").asText());
            }
        }
        assertEquals(List.of("43.0", "43.0"), cut);
    }

    /** picocli prints a warning (to stderr) for a help text with a bare '%'; every command's help must render clean. */
    @Test
    void everyHelpRendersWithoutPicocliWarnings() {
        for (String c : List.of("lines", "diff", "top", "folded", "query", "ingest", "export")) {
            java.io.PrintStream saved = System.err;
            java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            CliEndToEndTest.Run r;
            try {
                r = run(c, "--help");
            } finally {
                System.setErr(saved);
            }
            assertEquals(0, r.code(), c + ": " + r.err());
            assertTrue(!captured.toString(StandardCharsets.UTF_8).contains("picocli WARN")
                    && !r.err().contains("picocli WARN"), c + ": " + captured);
        }
    }

    @Test
    void profileMustBeAPerfReport() {
        CliEndToEndTest.Run r = run("lines", BEFORE.toString(), "--profile", BEFORE.toString());
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + BEFORE + ":2: expected perf report text, found perf c2c report text"
                + " \"# ----- HITM ----- Shared\"", r.err().lines().findFirst().orElseThrow());
    }

    @Test
    void topOfAChildrenReport() {
        // refbench-shared.children.callgraph.txt rows: do_request 27.72% children, 27.58% self
        CliEndToEndTest.Run r = run("top", TRACES.resolve("refbench-shared.children.callgraph.txt").toString(),
                "--format", "csv", "--top", "3");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().toList();
        assertEquals("capture_id,path,event,rank,self_pct,children_pct,samples,symbol,symbol_kind,shared_object,commands",
                rows.get(0));
        assertTrue(rows.get(1).endsWith(",cpu-clock:ppp,1,62.87,62.87,,label_put,.,refbench,refbench"), rows.get(1));
        assertTrue(rows.get(2).endsWith(",2,27.58,27.72,,do_request,.,refbench,refbench"), rows.get(2));
        assertEquals(4, rows.size());
    }

    /**
     * perf script of a recording, counted by hitmap, gives perf report's own shares for the same
     * recording (refbench-shared.children.callgraph.txt, printed by perf 6.1 from the same perf.data).
     */
    @Test
    void topOfPerfScriptAgreesWithPerfReport() {
        CliEndToEndTest.Run script = run("top", TRACES.resolve("refbench-shared.perf-script.txt").toString(),
                "--format", "csv", "--top", "100");
        CliEndToEndTest.Run report = run("top", TRACES.resolve("refbench-shared.children.callgraph.txt").toString(),
                "--format", "csv", "--top", "100");
        assertEquals(0, script.code(), script.err());
        java.util.Map<String, String> want = shares(report.out());
        java.util.Map<String, String> got = shares(script.out());
        assertEquals(want.keySet(), got.keySet());
        for (String symbol : want.keySet()) {
            assertEquals(want.get(symbol), got.get(symbol), symbol);
        }
        // 1719 of the 2734 samples ("grep -c label_put" / "grep -c cpu-clock") have label_put as leaf
        assertTrue(script.out().contains(",62.87,62.87,1719,label_put,"), script.out());
    }

    // symbol -> "self,children" from top's CSV
    private static java.util.Map<String, String> shares(String csv) {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        for (String row : csv.lines().skip(1).toList()) {
            String[] c = row.split(",");
            m.put(c[7], c[4] + "," + c[5]);
        }
        return m;
    }

    @Test
    void topFiltersKernelAndSortsByChildren() {
        CliEndToEndTest.Run r = run("top", TRACES.resolve("refbench-shared.children.callgraph.txt").toString(),
                "--kernel", "--sort", "children", "--top", "1", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        // "0.15%     0.00%  refbench  [kernel.kallsyms]     [k] asm_sysvec_apic_timer_interrupt"
        assertTrue(r.out().lines().skip(1).findFirst().orElseThrow()
                .endsWith(",1,0.0,0.15,,asm_sysvec_apic_timer_interrupt,k,[kernel.kallsyms],refbench"), r.out());
    }

    @Test
    void topSumsACommandsRowsAndReadsTheSecondEvent() {
        // refbench-two-events-fields.perf-report.txt, task-clock: label_put 5423 and 5422 rows
        CliEndToEndTest.Run r = run("top", TRACES.resolve("refbench-two-events-fields.perf-report.txt").toString(),
                "--event", "task-clock", "--top", "1", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        String row = r.out().lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.contains(",task-clock,1,"), row);
        assertTrue(row.contains(",label_put,"), row);
    }

    @Test
    void ingestAndQueryReadPerfReports(@TempDir Path dir) {
        Path store = dir.resolve("s.duckdb");
        Path report = TRACES.resolve("webref-header-I.perf-report.txt");
        CliEndToEndTest.Run in = run("ingest", report.toString(), BEFORE.toString(), "--store", store.toString());
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().startsWith(report + ": capture 1, perf report, 1 section, 10 rows, 0 call-graph nodes,"
                + " machine header (66 lines read: "), in.out());
        CliEndToEndTest.Run q = run("query", "--store", store.toString(), "--format", "csv", "--sql",
                "select kind, cores, threads_per_core, m.perf_version from captures c join machine m using (capture_id)");
        assertEquals("kind,cores,threads_per_core,perf_version\r\nperf-report,2,1,6.1.187\r\n", q.out());
        CliEndToEndTest.Run lines = run("lines", "--store", store.toString(), "--profile-id", "1", "--top", "1");
        assertEquals(0, lines.code(), lines.err());
        CliEndToEndTest.Run wrong = run("lines", "--store", store.toString(), "--profile-id", "2");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().startsWith("hitmap: error: " + store + ": capture 2 is a c2c capture, expected a perf report"),
                wrong.err());
    }
}
