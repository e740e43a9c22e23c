// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hitmap.cli.CliEndToEndTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * folded, ingest and query on perf script captures. The folded goldens in sample-traces/expected
 * were written by an independent awk program ({@code expected/fold.awk}), not by hitmap.
 */
class ScriptCommandsTest {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"refbench-shared", "webcontent-callchain", "java-version"})
    void foldsAsTheAwkReferenceDoes(String name) throws Exception {
        Run r = run("folded", TRACES.resolve(name + ".perf-script.txt").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(TRACES.resolve("expected/" + name + ".folded.txt")), r.out());
        assertEquals("", r.err());
    }

    @Test
    void foldsWithPidTidKernelMarksAndPeriodWeights() throws Exception {
        Path f = Files.writeString(tmp.resolve("x.txt"), """
                Web Content  4417/4420 [003]  12.500000:     250000 cpu-clock:
                \tffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
                \t    7f3a10005678 a;b(int)+0x1 (/usr/lib/libx.so)
                \t    7f3a10005679 [unknown] (/usr/lib/liby.so (deleted))

                Web Content  4417/4420 [003]  12.600000:     750000 cpu-clock:
                \tffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
                \t    7f3a10005678 a;b(int)+0x2 (/usr/lib/libx.so)
                \t    7f3a10005679 [unknown] (/usr/lib/liby.so (deleted))
                """, StandardCharsets.UTF_8);
        Run r = run("folded", "--tid", "--kernel", "--weight", "period", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Web_Content-4417/4420;[liby.so (deleted)];a:b;folios_put_refs_[k] 1000000\n", r.out());
    }

    @Test
    void foldsTheFirstEventAndWarnsAboutTheOthers() throws Exception {
        Path f = Files.writeString(tmp.resolve("x.txt"), """
                a 1 1.000000: 1 cycles:
                \tffffffff815a114b f+0x1 ([kernel.kallsyms])

                a 1 1.000001: 1 instructions:
                \tffffffff815a114b g+0x1 ([kernel.kallsyms])
                """, StandardCharsets.UTF_8);
        Run r = run("folded", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("a;f 1\n", r.out());
        assertEquals("hitmap: warning: " + f + ": folded event cycles only; left out instructions (1 sample);"
                + " pick one with --event NAME\n", r.err());
        assertEquals("a;g 1\n", run("folded", "--event", "instructions", f.toString()).out());
    }

    @Test
    void rejectsC2cTextWithTheKindItFound() {
        Run r = run("folded", TRACES.resolve("overlayfs-creds-before.c2c.txt").toString());
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + TRACES.resolve("overlayfs-creds-before.c2c.txt") + ":2: expected perf script"
                + " text, found perf c2c report text \"# ----- HITM ----- Shared\"\n"
                + "hitmap: hint: this command reads 'perf script' output; capture it with: perf record -g -- CMD,"
                + " then 'perf script' > FILE.txt\n", r.err());
    }

    @Test
    void linesRejectsPerfScriptText() {
        Run r = run("lines", TRACES.resolve("java-version.perf-script.txt").toString());
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + TRACES.resolve("java-version.perf-script.txt") + ":1: expected perf c2c report"
                + " text, found perf script text \"java 14941   974.215277:    1003009 cpu-clock:ppp:\"",
                r.err().lines().findFirst().orElseThrow());
    }

    @Test
    void ingestsScriptAndC2cIntoOneStoreAndSkipsTheSameBytes() {
        String store = tmp.resolve("s.duckdb").toString();
        String script = TRACES.resolve("refbench-shared.perf-script.txt").toString();
        String c2c = TRACES.resolve("overlayfs-creds-before.c2c.txt").toString();
        Run r = run("ingest", script, c2c, "--store", store);
        assertEquals(0, r.code(), r.err());
        // 2734 headers, 5504 frame lines, 2734 blank lines (grep -c)
        assertEquals(script + ": capture 1, 2734 samples, 5504 frames (10972 lines read: 8238 used, 2734 structural,"
                + " 0 skipped)", r.out().lines().findFirst().orElseThrow());
        Run again = run("ingest", script, "--store", store);
        assertEquals(script + ": already in the store as capture 1 (same SHA-256), skipped\n", again.out());
        // grep -P '^\S' refbench-shared.perf-script.txt | awk '{print $2}' | sort | uniq -c
        Run q = run("query", "--store", store, "--format", "csv",
                "--sql", "select tid, count(*) n from samples group by 1 order by 1");
        assertEquals("tid,n\r\n14931,1\r\n14933,1468\r\n14934,1265\r\n", q.out()); // CSV rows end in CRLF (RFC 4180)
    }

    @Test
    void lenientIngestCountsTheSkippedSampleAndWarns() throws Exception {
        Path f = Files.writeString(tmp.resolve("x.txt"), """
                a 1 1.000000: 1 cpu-clock:
                \tffffffff815a114b f+0x1 ([kernel.kallsyms])

                a 1 1.00x001: 1 cpu-clock:
                \tffffffff815a114b g+0x1 ([kernel.kallsyms])
                """, StandardCharsets.UTF_8);
        Run strict = run("ingest", f.toString(), "--store", tmp.resolve("s.duckdb").toString());
        assertEquals(3, strict.code());
        assertEquals("hitmap: error: " + f + ":4: expected a time in seconds such as \"971.966939:\", found"
                + " \"1.00x001:\"", strict.err().lines().findFirst().orElseThrow());
        Run r = run("--lenient", "ingest", f.toString(), "--store", tmp.resolve("s.duckdb").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("hitmap: warning: " + f + ": skipped 2 unrecognised lines (first: 4, 5)\n", r.err());
        assertEquals(f + ": capture 1, 1 sample, 1 frame (5 lines read: 2 used, 1 structural, 2 skipped)\n", r.out());
    }
}
