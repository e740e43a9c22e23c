// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs {@link Main#run} in-process on real and inline captures and checks exit codes, stdout and stderr. */
class CliEndToEndTest {
    private static final Path BEFORE = Path.of(System.getProperty("sample.traces", "../sample-traces"),
            "overlayfs-creds-before.c2c.txt");
    /**
     * {@code hitmap lines} on overlayfs-creds-before, FILE standing for the path given. The excerpt has no
     * table, so the share is of its three lines' 412+1028 + 50+103 + 50+98 = 1741 HITMs: 1440/1741 = 82.71%.
     */
    private static final String BEFORE_LINES = """
            capture 1  FILE  (top 3 lines by HITM)

            #1  line 0
                HITM 1440 (82.71% of the listed lines)  remote 412  local 1028  accessors 8
                refcount (confidence 0.64): get/put on a reference count: revert_creds atomic64_64.h:39 (42.0%), override_creds atomic64_64.h:25 (11.9%), revert_creds cred.h:266 (0.1%)
                false-sharing readers: generic_permission mnt_idmapping.h:81 (44.7%), inode_owner_or_capable mnt_idmapping.h:81 (0.6%), generic_permission namei.c:354 (0.1%) (no offsets printed: judged by source line, not an atomic/lock helper)
                mostly local (remote 28.60%), nodes 0 1
                remedy: A reference count bounced between CPUs by get/put on a shared object. If the object outlives the critical section (creds, labels, cgroups, mounts), take no reference: an RCU read-side section (or override_creds_light-style borrowing) makes get/put unnecessary. If references must be taken, a percpu_ref (or a managed percpu_ref) keeps the counter per CPU until the object dies; rcuref_t makes get/put cheaper but still shares the line.
                model it: hitmap sim --scenario nginx-apparmor --strategies kref,rcuref,percpu-ref,managed-percpu,no-ref,rcu-read --cpus 16,48,96,192
                symbol              source:line         rmt-hitm  lcl-hitm  nodes
                revert_creds        atomic64_64.h:39      41.50%    42.22%  0 1
                generic_permission  mnt_idmapping.h:81    32.28%    37.16%  0 1
                override_creds      atomic64_64.h:25      15.05%    10.60%  0 1
                generic_permission  mnt_idmapping.h:81     9.47%     8.75%  0 1
                init_file           atomic64_64.h:25       0.73%     0.58%  0 1
                ... 3 more accessors

            #2  line 1
                HITM 153 (8.79% of the listed lines)  remote 50  local 103  accessors 1
                true-sharing (confidence 1.00): one location takes 100.0% of the line: update_cfs_group at atomic64_64.h:15, an atomic or written counter
                mostly local (remote 32.70%), nodes 0 1
                remedy: One counter written from many CPUs. Make it per-CPU (percpu_counter, this_cpu_add) and fold the totals when read, or batch updates (update only on a large change, as the update_cfs_group load-average patches do).
                symbol              source:line         rmt-hitm  lcl-hitm  nodes
                update_cfs_group    atomic64_64.h:15     100.00%   100.00%  0 1

            #3  line 2
                HITM 148 (8.50% of the listed lines)  remote 50  local 98  accessors 4
                true-sharing (confidence 0.97): one location takes 96.6% of the line: update_cfs_group at atomic64_64.h:15, an atomic or written counter
                mostly local (remote 33.80%), nodes 0 1
                remedy: One counter written from many CPUs. Make it per-CPU (percpu_counter, this_cpu_add) and fold the totals when read, or batch updates (update only on a large change, as the update_cfs_group load-average patches do).
                symbol              source:line         rmt-hitm  lcl-hitm  nodes
                update_cfs_group    atomic64_64.h:15      96.00%    96.94%  0 1
                update_load_avg     atomic64_64.h:25       2.00%     1.02%  0 1
                update_load_avg     fair.c:4118            0.00%     2.04%  0
                update_cfs_group    fair.c:3932            2.00%     0.00%  0 1

            what if: hitmap whatif FILE --sweep --topology spr-8480-2s   (your machine's preset, or --profile REPORT --topology header)
            """;
    /** The first Pareto block of overlayfs-creds-before, cut after its block header (line 8). */
    private static final String TRUNCATED = """
            #
            # ----- HITM ----- Shared
            # Num RmtHitm LclHitm Symbol Object Source:Line Node
            # ..... ....... ....... .......................... ................ .................. ....
            #
            -------------------------
            0 412 1028
            -------------------------
            """;
    /** Line 10 lost its LclHitm cell and object, so it no longer fits the header. */
    private static final String BAD_ROW = TRUNCATED + """
            41.50% 42.22% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1
            15.05% [k] override_creds atomic64_64.h:25 0 1
            0.73% 0.58% [k] init_file [kernel.vmlinux] atomic64_64.h:25 0 1
            """;

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        /** Neither a Java exception name nor a stack frame: what users must not see without --debug. */
        void assertNoStackTrace() {
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void printsVersionAndExitsZero() {
        Run r = run("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)hitmap \\d+\\.\\d+\\.\\d+\\S*\nJVM: .*"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lines --version", "query -V", "ingest --version"})
    void printsVersionFromEverySubcommand(String args) {
        Run r = run(args.split(" "));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)hitmap \\d+\\.\\d+\\.\\d+\\S*\nJVM: .*"), r.out());
    }

    @Test
    void helpListsCommandsExitCodesAndExamples() {
        Run r = run("--help");
        assertEquals(0, r.code(), r.err());
        assertAll(
                () -> assertTrue(r.out().contains("\n  lines "), r.out()),
                () -> assertTrue(r.out().contains("\n  query "), r.out()),
                () -> assertTrue(r.out().contains("\n  ingest "), r.out()),
                () -> assertTrue(r.out().contains("\n  help "), r.out()),
                () -> assertFalse(r.out().contains("generate-completion  "), r.out()),
                () -> assertTrue(r.out().contains("Exit codes:\n  0   success\n"), r.out()),
                () -> assertTrue(r.out().contains("Examples:\n  hitmap lines sample-traces/"), r.out()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lines", "query", "ingest"})
    void everyCommandHelpHasExamplesAndExitCodes(String command) {
        Run r = run(command, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: hitmap " + command + " "), r.out());
        assertTrue(r.out().contains("\nExamples:\n  hitmap " + command), r.out());
        assertTrue(r.out().contains("\n  3   bad input: "), r.out());
        assertTrue(r.out().contains("--lenient") && r.out().contains("--debug"), r.out());
    }

    @Test
    void rejectsUnknownOptionAsUsageError() {
        Run r = run("lines", "--frobnicate", BEFORE.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("hitmap: error: Unknown option: '--frobnicate'\nhitmap: hint: "), r.err());
        assertTrue(r.err().endsWith("see 'hitmap lines --help'\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void rejectsMissingCommandAndBothFileAndStoreAsUsageErrors() {
        assertEquals(2, run().code());
        Run both = run("lines", BEFORE.toString(), "--store", tmp.resolve("s.duckdb").toString());
        assertEquals(2, both.code());
        assertEquals("hitmap: error: give FILE... or --store S, not both\nhitmap: hint: see 'hitmap lines --help'\n",
                both.err());
    }

    @Test
    void reportsMissingFileInOneLine() {
        Path missing = tmp.resolve("missing.c2c.txt");
        Run r = run("lines", missing.toString());
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + missing + ": no such file\n"
                + "hitmap: hint: check the path; to read standard input pass - or /dev/stdin\n", r.err());
    }

    @Test
    void saysWhatToPassForADirectory() {
        Run r = run("lines", tmp.toString());
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + tmp + ": is a directory\n"
                + "hitmap: hint: pass the capture files in it, e.g. " + tmp + "/*.c2c.txt\n", r.err());
    }

    @Test
    void refusesStandardInputTwiceBeforeReadingIt() {
        Run r = run("lines", "-", "/dev/stdin");
        assertEquals(2, r.code());
        assertEquals("hitmap: error: standard input (- or /dev/stdin) given more than once\n"
                + "hitmap: hint: standard input can be read once; save it to a file to pass it twice\n", r.err());
        assertEquals(Path.of("/dev/stdin"), Inputs.path(Path.of("-")));
        assertEquals(Path.of("./-"), Inputs.path(Path.of("./-")));
    }

    @Test
    void rejectsEmptyFileWithoutStackTrace() throws IOException {
        Path empty = write("empty.c2c.txt", "");
        Run r = run("lines", empty.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().startsWith("hitmap: error: " + empty + ": expected perf c2c report text, found an empty file\n"
                + "hitmap: hint: "), r.err());
        r.assertNoStackTrace();
    }

    @Test
    void printsStackTraceOnlyWithDebug() throws IOException {
        Path empty = write("empty.c2c.txt", "");
        Run r = run("lines", "--debug", empty.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("PerfParseException") && r.err().contains("\tat io.hitmap."), r.err());
    }

    @Test
    void rejectsTruncatedParetoBlockWithLineNumber() throws IOException {
        Path cut = write("cut.c2c.txt", TRUNCATED.replace("0 412 1028", "0 412"));
        Run r = run("lines", cut.toString());
        assertEquals(3, r.code());
        String[] lines = r.err().split("\n");
        assertEquals(2, lines.length, r.err());
        assertTrue(lines[0].startsWith("hitmap: error: " + cut + ":7: expected "), r.err());
        assertTrue(lines[0].endsWith("found \"0 412\""), r.err());
        assertTrue(lines[1].startsWith("hitmap: hint: "), r.err());
    }

    @Test
    void rejectsRowThatBreaksTheHeaderShape() throws IOException {
        Path bad = write("bad-row.c2c.txt", BAD_ROW);
        Run r = run("lines", bad.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().startsWith("hitmap: error: " + bad + ":10: expected "), r.err());
        assertTrue(r.err().contains("\nhitmap: hint: ") && r.err().contains("--lenient"), r.err());
        r.assertNoStackTrace();
    }

    @Test
    void lenientKeepsWhatParsesAndCountsSkippedLines() throws IOException {
        Path bad = write("bad-row.c2c.txt", BAD_ROW);
        Run r = run("lines", "--lenient", bad.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("hitmap: warning: " + bad + ": skipped 1 unrecognised line (first: 10)\n", r.err());
        assertTrue(r.out().contains("HITM 1440 (100.00% of the listed lines)  remote 412  local 1028  accessors 2\n"),
                r.out());
    }

    @Test
    void showsContendedLinesOfSampleTrace() {
        Run r = run("lines", BEFORE.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(BEFORE_LINES.replace("FILE", BEFORE.toString()), r.out());
    }

    @Test
    void showsPerfsOwnPercentageCyclesAndCodeAddressesOfAFullCapture() {
        // will-it-scale-mmap line 0 (file line 68): Tot Hitm 28.14%, 2845 = 1310 remote + 1535 local, 10447
        // records, all loads; Load Local HITM 5926 + Load Remote HITM 4183 = 10109, and 2845/10109 = 28.14%.
        // Its 13 Pareto rows (file lines 198-210) by rmt% * 1310 + lcl% * 1535 (no stores on the line):
        // 0x8 ...958 54.43/58.18 -> 713 + 893 = 1606; 0x8 ...8c7 40.76/39.28 -> 534 + 603 = 1137;
        // 0x10 osq_lock 1.22/0.65 -> 16.0 + 10.0 = 26.0, above 0x0 ...a52 1.37/0.20 -> 17.9 + 3.1 = 21.0.
        Path mmap = BEFORE.resolveSibling("will-it-scale-mmap-5.13-intel-new.c2c.txt");
        Run r = run("lines", "--top", "1", "--accessors", "3", mmap.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("capture 1  " + mmap + "  (top 1 line by HITM)\n" + """

                #1  line 0  address 0xff110002a24ffc00  node 0
                    HITM 2845 (28.14% of all HITMs)  remote 1310  local 1535  records 10447  loads 10447  stores 0  accessors 13
                    lock (confidence 1.00): lock word: rwsem_spin_on_owner atomic64_64.h:22 @0x8 (96.6%), osq_lock atomic.h:208 @0x10 (0.9%), rwsem_optimistic_spin atomic64_64.h:190 @0x0 (0.7%), osq_unlock atomic.h:196 @0x10 (0.7%), +6 more
                    load-heavy (stores 0.00%), mostly local (remote 46.00%), up to 50 CPUs per accessor, nodes 0 1
                    remedy: A lock word bounced between CPUs. Shorten the critical section, split the lock (per bucket, per CPU), use RCU for readers, or make the lock word's line private (no other hot fields next to it).
                    model it: hitmap sim --scenario lookup-lock-vs-rcu --strategies spinlock,rcu-read,percpu-lock
                    offset  code-addr           symbol               source:line       rmt-hitm  lcl-hitm  st-l1hit  st-l1miss  cyc-rmt  cyc-lcl  cyc-load  cpus  nodes
                    0x8     0xffffffff81157958  rwsem_spin_on_owner  atomic64_64.h:22    54.43%    58.18%     0.00%      0.00%      474      237       435    50  0 1
                    0x8     0xffffffff811578c7  rwsem_spin_on_owner  atomic64_64.h:22    40.76%    39.28%     0.00%      0.00%      408      185       324    49  0 1
                    0x10    0xffffffff811587b5  osq_lock             atomic.h:208         1.22%     0.65%     0.00%      0.00%     1775      740      1033    49  0 1
                    ... 10 more accessors
                """, r.out());
    }

    @Test
    void putsARemoteSortedPercentageNextToTheRemoteCount() {
        // 2016 prelim capture: 'Cachelines sort on : Remote HITMs', line 0 'Rmt Hitm 77.09%', Total 12103 = 2269 + 9834
        Path prelim = BEFORE.resolveSibling("false_sharing-2016-prelim-intel-NN.c2c.txt");
        Run r = run("lines", "--top", "1", "--accessors", "0", prelim.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\n    HITM 12103  remote 9834 (77.09% of all remote HITMs)  local 2269  "), r.out());
    }

    @Test
    void describesACaptureWithStatisticsOnly() {
        // type-pollution: 'perf c2c report --stats'; Load Local HITM 19 (line 16), Load Remote HITM 0 (17),
        // Total Shared Cache Lines 4 (42)
        Path stats = BEFORE.resolveSibling("type-pollution-jdk-5.19-intel-stats.c2c.txt");
        Run r = run("lines", stats.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("capture 1  " + stats + "  (statistics only: no Shared Data Cache Line Table or Pareto)\n"
                + "    Load Local HITM 19  Load Remote HITM 0  Total Shared Cache Lines 4\n"
                + "    read them with: hitmap query " + stats + " --sql \"select section, key, value from c2c_summary\"\n",
                r.out());
        Run json = run("lines", "--format", "json", stats.toString());
        assertEquals(0, json.code(), json.err());
        assertEquals("""
                [
                  {
                    "capture_id": 1,
                    "path": "FILE",
                    "metric": "hitm",
                    "stats_only": true,
                    "totals": {
                      "Load Local HITM": 19,
                      "Load Remote HITM": 0,
                      "Total Shared Cache Lines": 4
                    },
                    "statistics_command": "hitmap query FILE --sql \\"select section, key, value from c2c_summary\\"",
                    "lines": [ ]
                  }
                ]
                """.replace("FILE", stats.toString()), json.out());
        assertFalse(json.err().contains("hitmap: note:"), json.err());
        Run csv = run("lines", "--format", "csv", stats.toString());
        assertEquals(0, csv.code(), csv.err());
        assertEquals(1, csv.out().split("\r\n").length, "the header only: " + csv.out());
        // the last stderr line (the parser may warn before it)
        String[] err = csv.err().split("\n");
        assertEquals("hitmap: note: " + stats + ": statistics only: no Shared Data Cache Line Table or Pareto; "
                + "read them with: hitmap query " + stats + " --sql \"select section, key, value from c2c_summary\"",
                err[err.length - 1]);
    }

    @Test
    void writesLinesAsJsonWithTopAccessor() {
        Run r = run("lines", "--top", "1", "--accessors", "1", "--format", "json", BEFORE.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("[\n  {\n    \"capture_id\": 1,\n    \"path\": \"" + BEFORE + "\",\n"
                + "    \"metric\": \"hitm\",\n    \"stats_only\": false,\n    \"lines\": [\n      {\n"), r.out());
        assertTrue(r.out().contains("\"total\": 1440,\n        \"remote\": 412,\n        \"local\": 1028,"), r.out());
        // 1440 / 1741 listed HITMs (see BEFORE_LINES) = 82.7111 -> 82.71
        assertTrue(r.out().contains("\"share_of_listed_total\": 82.71,"), r.out());
        assertTrue(r.out().contains("\"symbol\": \"revert_creds\","), r.out());
        assertTrue(r.out().contains("\"source_line\": \"atomic64_64.h:39\",\n"
                + "            \"remote_pct\": 41.5,\n            \"local_pct\": 42.22,"), r.out());
    }

    @Test
    void queriesAccessorsOfSampleTrace() {
        // Pareto rows in the file: 8 under line 0, 1 under line 1, 4 under line 2
        Run r = run("query", BEFORE.toString(), "--sql", "select count(*) as n from c2c_accesses", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertEquals("n\r\n13\r\n", r.out());
    }

    @Test
    void runsEveryStatementAndPrintsTheLastResult() {
        Run r = run("query", BEFORE.toString(), "--format", "csv", "--sql",
                "create temp view hot as select * from c2c_lines where lcl_hitm > 100; select count(*) as n from hot");
        assertEquals(0, r.code(), r.err());
        assertEquals("n\r\n2\r\n", r.out(), "lines 0 (1028) and 1 (103) have more than 100 local HITMs");
        String help = run("query", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("several separated by ';' of which the last one's result is printed"), help);
    }

    @Test
    void escapesControlCharactersInErrorMessages() {
        Path evil = tmp.resolve("x\u001b]0;pwned\u0007.txt");
        Run r = run("lines", evil.toString());
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + tmp + "/x\\x1b]0;pwned\\x07.txt: no such file\n"
                + "hitmap: hint: check the path; to read standard input pass - or /dev/stdin\n", r.err());
    }

    @Test
    void rejectsInvalidSqlAsUsageErrorOnOneLine() {
        Run r = run("query", BEFORE.toString(), "--sql", "select * from no_such_table");
        assertEquals(2, r.code());
        String[] lines = r.err().split("\n");
        assertEquals(2, lines.length, r.err());
        assertTrue(lines[0].startsWith("hitmap: error: invalid SQL: Catalog Error: Table with name no_such_table "
                + "does not exist!"), r.err());
        assertFalse(lines[0].contains("LINE 1"), r.err());
        assertTrue(lines[1].startsWith("hitmap: hint: tables: captures, c2c_lines, "), r.err());
    }

    @Test
    void ingestsIntoStoreThenReadsLinesFromIt() {
        Path store = tmp.resolve("c2c.duckdb");
        Run ingest = run("ingest", BEFORE.toString(), "--store", store.toString());
        assertEquals(0, ingest.code(), ingest.err());
        assertEquals(BEFORE + ": capture 1, 3 lines, 13 accessors "
                + "(29 lines read: 16 used, 13 structural, 0 skipped)\n", ingest.out());

        Run lines = run("lines", "--store", store.toString());
        assertEquals(0, lines.code(), lines.err());
        assertEquals(BEFORE_LINES.replace("FILE", BEFORE.toString()), lines.out());

        Run again = run("ingest", BEFORE.toString(), "--store", store.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(BEFORE + ": already in the store as capture 1 (same SHA-256), skipped\n", again.out());
        Run count = run("query", "--store", store.toString(), "--format", "csv",
                "--sql", "select count(*) as n from captures");
        assertEquals("n\r\n1\r\n", count.out());
    }

    @Test
    void ingestWritesNothingWhenAnyFileIsBad() throws IOException {
        Path store = tmp.resolve("c2c.duckdb");
        Path empty = write("empty.c2c.txt", "");
        Run r = run("ingest", BEFORE.toString(), empty.toString(), "--store", store.toString());
        assertEquals(3, r.code());
        assertEquals("", r.out());
        assertFalse(Files.exists(store), "store created although a file was bad");
    }

    @Test
    void reportsMissingStoreAsBadInput() {
        Path store = tmp.resolve("none.duckdb");
        Run r = run("lines", "--store", store.toString());
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + store + ": no such store; ingest a capture into it first\n"
                + "hitmap: hint: create one with: hitmap ingest FILE --store " + store + "\n", r.err());
    }

    @Test
    void countsOneLineAndOneAccessorInTheSingular() throws IOException {
        // TRUNCATED's 8 lines and one row: used = the block header "0 412 1028" and the row, structural = the
        // other 7 ('#' lines, column headers, dashes)
        Path one = write("one.c2c.txt", TRUNCATED + "41.50% 42.22% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1\n");
        Path store = tmp.resolve("c2c.duckdb");
        Run r = run("ingest", one.toString(), "--store", store.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(one + ": capture 1, 1 line, 1 accessor (9 lines read: 2 used, 7 structural, 0 skipped)\n",
                r.out());
        assertEquals("1 line", IngestCommand.count(1, "line"));
        assertEquals("0 accessors", IngestCommand.count(0, "accessor"));
        assertTrue(run("lines", one.toString()).out().startsWith("capture 1  " + one + "  (top 1 line by HITM)\n"));
    }

    @Test
    void completionHasHitmapsVersionAndOnlyItsOwnOptions() {
        Run v = run("generate-completion", "-V");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().matches("(?s)hitmap \\d+\\.\\d+\\.\\d+\\S*\nJVM: .*"), v.out());
        Run help = run("generate-completion", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("-V, --version"), help.out());
        assertFalse(help.out().contains("--lenient") || help.out().contains("--debug"), help.out());
        Run debug = run("generate-completion", "--debug");
        assertEquals(2, debug.code());
        assertEquals("hitmap: error: Unknown option: '--debug'\nhitmap: hint: see 'hitmap generate-completion --help'\n",
                debug.err());
        assertEquals("", debug.out());
    }

}
