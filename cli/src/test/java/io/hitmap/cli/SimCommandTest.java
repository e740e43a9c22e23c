// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void printsOneCsvRowPerStrategyAndCpuCount() {
        assertEquals(0, run("sim", "--scenario", "nginx-apparmor", "--strategies", "off,kref", "--cpus", "16,192",
                "--format", "csv"), err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[0].startsWith("strategy,cpus,l3_domains,mops,eff,mva_eff"), lines[0]);
        assertTrue(lines[1].startsWith("off,16,1,"), lines[1]);
        assertTrue(lines[4].startsWith("kref,192,12,"), lines[4]);
    }

    @Test
    void rejectsAnUnknownStrategyAsUsage() {
        assertEquals(2, run("sim", "--strategies", "kref,magic"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("hitmap: error: unknown strategy 'magic'"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsAMissingScenarioFileAsBadInput() {
        assertEquals(3, run("sim", "--scenario", "no-such.json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no scenario 'no-such.json'"));
    }

    @Test
    void simulatesOnTheMachineOfACaptureHeader() {
        // webref-header-I.perf-report.txt: one socket, one L3 over CPUs 0-1, no SMT: two CPUs in one L3; the
        // scenario's baseline (8 CPUs) does not exist there, so efficiency is against the smallest count asked
        String header = System.getProperty("sample.traces") + "/webref-header-I.perf-report.txt";
        assertEquals(0, run("sim", "--scenario", "lookup-lock-vs-rcu", "--header", header, "--strategies", "spinlock",
                "--cpus", "1,2", "--format", "csv"), err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertTrue(lines[2].startsWith("spinlock,2,1,"), lines[2]);
        assertEquals(2, run("sim", "--scenario", "lookup-lock-vs-rcu", "--header", header, "--cpus", "8"));
    }

    @Test
    void aHeaderWithoutTopologyIsBadInputNamingTheFix() {
        String header = System.getProperty("sample.traces") + "/refbench-shared.with-header.txt";
        assertEquals(3, run("sim", "--header", header));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("hitmap: error: ") && e.contains("refbench-shared.with-header.txt:37: expected the CPU "
                + "topology of 'perf report --header -I'"), e);
        assertTrue(e.contains("hitmap: hint: save it with 'perf report --header -I"), e);
        assertTrue(!e.contains("\tat "), "no stack trace: " + e);
    }

    @Test
    void validateTakesAnotherCalibrationCellAndRejectsOneNotInTheTable() {
        assertEquals(2, run("sim", "validate", "--calibration", "kref@64"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("found 'kref@64'"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesEachPredictionAsC2cTextThatLinesAndDiffRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertEquals(0, run("sim", "--scenario", "overlayfs-creds", "--strategies", "kref,no-ref", "--cpus", "8,112",
                "--format", "json", "--c2c", dir.toString()), err.toString(StandardCharsets.UTF_8));
        java.nio.file.Path kref = dir.resolve("overlayfs-creds-kref-112.c2c.txt");
        java.nio.file.Path noRef = dir.resolve("overlayfs-creds-no-ref-112.c2c.txt");
        String text = java.nio.file.Files.readString(kref);
        assertTrue(text.startsWith("# SIMULATED by hitmap sim, not measured"), text);
        out.reset();
        assertEquals(0, run("lines", kref.toString(), "--format", "csv"), err.toString(StandardCharsets.UTF_8));
        String lines = out.toString(StandardCharsets.UTF_8);
        // the scenario's one shared line: the cred, written by override/revert_creds and read by generic_permission
        assertTrue(lines.contains("refcount"), lines);
        assertTrue(lines.contains("revert_creds") && lines.contains("generic_permission"), lines);
        // no-ref leaves nobody writing the cred line: no HITM, so the prediction lists no line, as perf would not
        assertTrue(java.nio.file.Files.readString(noRef).contains("# not listed: ovl creator_cred, no HITM"));
        out.reset();
        assertEquals(0, run("diff", kref.toString(), noRef.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 removed"), out.toString(StandardCharsets.UTF_8));
    }
}
