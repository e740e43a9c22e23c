// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hitmap.cli.CliEndToEndTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** hitmap whatif on the overlayfs pair and on inputs it must refuse, run in-process. */
class WhatifCommandTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final String BEFORE = TRACES.resolve("overlayfs-creds-before.c2c.txt").toString();
    private static final String AFTER = TRACES.resolve("overlayfs-creds-after.c2c.txt").toString();

    @TempDir
    Path tmp;

    private static Run run(String... args) {
        return CliEndToEndTest.run(args);
    }

    private static String[] noRef(String... more) {
        List<String> args = new ArrayList<>(List.of("whatif", BEFORE, "--strategy", "no-ref", "--topology", "spr-8480-2s"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The predicted capture is c2c text: lines ranks it, diff matches it to the capture it came from. */
    @Test
    void predictsTheAfterCaptureThatLinesAndDiffRead() throws Exception {
        Path predicted = tmp.resolve("predicted.c2c.txt");
        Run r = run(noRef("-o", predicted.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String text = Files.readString(predicted);
        assertTrue(text.startsWith("# PREDICTED by hitmap whatif, not measured: hitmap whatif " + BEFORE), text);
        assertTrue(r.out().contains("# line 1 -> predicted line 0: carried over, 153 HITM"), r.out());
        assertTrue(r.out().endsWith("# predicted capture: " + predicted + "\n"), r.out());

        Run lines = run("lines", predicted.toString());
        assertEquals(0, lines.code(), lines.err());
        assertEquals("", lines.err());
        assertTrue(lines.out().contains("#1  line 0\n    HITM 153 "), lines.out());

        Run diff = run("diff", BEFORE, predicted.toString());
        assertEquals(0, diff.code(), diff.err());
        // the cred line keeps generic_permission: matched to its prediction, the get/put accesses gone
        assertTrue(diff.out().contains("persisting  before line 0 -> after line 2"), diff.out());
        assertTrue(diff.out().replaceAll("\\s+", " ").contains("The accesses of revert_creds, override_creds at atomic64_64.h are gone"),
                diff.out());
    }

    /** overlayfs-creds-after.c2c.txt: 54 + 88, 48 + 83 and 28 + 44 HITM on its lines 0, 1 and 2. */
    @Test
    void comparesWithTheMeasuredAfterCaptureAsCsv() {
        Run r = run(noRef("--compare", AFTER, "--format", "csv"));
        assertEquals(0, r.code(), r.err());
        String[] rows = r.out().split("\r\n");
        assertEquals(4, rows.length, r.out());
        assertTrue(rows[0].startsWith("line,predicted_line,measured_line,status,provenance,symbol,predicted_hitm,measured_hitm,"), rows[0]);
        assertTrue(rows[1].matches("0,2,2,matched,simulated,generic_permission,\\d+,72,-\\d+,\\d+,28,\\d+,44,.*"), rows[1]);
        assertTrue(rows[2].startsWith("1,0,0,matched,carried over,update_cfs_group,153,142,11,50,54,103,88,"), rows[2]);
        assertTrue(rows[3].startsWith("2,1,1,matched,carried over,update_cfs_group,148,131,17,50,48,98,83,"), rows[3]);
    }

    @Test
    void sweepsEveryStrategyAndSaysWhichDoNotApply() throws Exception {
        Run r = run("whatif", BEFORE, "--sweep", "--topology", "spr-8480-2s", "--format", "json", "--ops", "100000");
        assertEquals(0, r.code(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(io.hitmap.sim.Strategies.ALL.size(), rows.size());
        java.util.Map<String, JsonNode> by = new java.util.HashMap<>();
        rows.forEach(n -> by.put(n.get("strategy").asText(), n));
        // not applicable, listed last without a rank: off (no strategy), and the two that hold a lock from get to put
        for (String name : List.of("off", "spinlock", "percpu-lock")) {
            assertTrue(by.get(name).get("rank").isNull(), name);
            assertTrue(by.get(name).get("note").asText().startsWith("not applicable: '" + name + "'"), name);
        }
        int ranked = rows.size() - 3;
        for (int i = 0; i < ranked; i++) {
            assertEquals(i + 1, rows.get(i).get("rank").asInt());
            assertEquals(1440, rows.get(i).get("hitm_before").asInt());
        }
        // strategies that write the cred line on every get and put rank below every one that does not (or
        // seldom: sloppy's central counter, one access in eight)
        List<String> everyAccess = List.of("kref", "rcuref", "kref-unless-zero", "spinlock-count");
        int best = everyAccess.stream().mapToInt(n -> by.get(n).get("rank").asInt()).min().orElseThrow();
        for (String n : List.of("no-ref", "rcu-read", "percpu-ref", "hazptr", "task-local", "percpu-rcuref",
                "managed-percpu-swap", "adaptive", "sloppy", "managed-percpu")) {
            assertTrue(by.get(n).get("rank").asInt() < best, n + " ranks " + by.get(n).get("rank") + ", best of "
                    + everyAccess + " is " + best);
        }
    }

    static Stream<Arguments> refusals() {
        String spr = "spr-8480-2s";
        return Stream.of(
                Arguments.of(2, "hitmap: error: missing --topology: c2c text names no machine; give a preset (epyc-9654-1s, "
                        + "epyc-9654-2s, icelake-8358-2s, spr-8480-2s) or 'header' with a --profile captured with perf "
                        + "report --header -I", new String[] {"whatif", BEFORE, "--strategy", "no-ref"}),
                Arguments.of(2, "hitmap: error: missing --strategy S (or --sweep for every strategy)",
                        new String[] {"whatif", BEFORE, "--topology", spr}),
                Arguments.of(2, "hitmap: error: unknown strategy 'magic' (expected all or "
                        + String.join(", ", io.hitmap.sim.Strategies.ALL.keySet()) + ")",
                        new String[] {"whatif", BEFORE, "--strategy", "magic", "--topology", spr}),
                Arguments.of(2, "hitmap: error: strategy no-ref does not apply: the targeted accessors only read "
                        + "(generic_permission mnt_idmapping.h:81, generic_permission namei.c:354): a refcount strategy "
                        + "changes gets and puts, which write",
                        new String[] {"whatif", BEFORE, "--strategy", "no-ref", "--topology", spr, "--target", "generic_perm"}),
                Arguments.of(2, "hitmap: error: " + TRACES.resolve("false_sharing-6.0-x86-tot.c2c.txt") + ": nothing to "
                        + "apply a strategy to: the refcount accessors of the refcount lines select no accessor (line 0 "
                        + "false-sharing, line 1 unclassified)",
                        new String[] {"whatif", TRACES.resolve("false_sharing-6.0-x86-tot.c2c.txt").toString(),
                                "--strategy", "no-ref", "--topology", spr}),
                Arguments.of(2, "hitmap: error: --cpus 999: topology spr-8480-2s has 224 hardware threads, asked for 999",
                        new String[] {"whatif", BEFORE, "--strategy", "no-ref", "--topology", spr, "--cpus", "999"}),
                Arguments.of(3, "hitmap: error: " + TRACES.resolve("memstress-6.0-spe-peer-N.c2c.txt") + ": expected HITM "
                        + "counts, found peer snoops (perf c2c -d peer, Arm SPE)",
                        new String[] {"whatif", TRACES.resolve("memstress-6.0-spe-peer-N.c2c.txt").toString(),
                                "--strategy", "no-ref", "--topology", spr}),
                Arguments.of(3, "hitmap: error: " + TRACES.resolve("webref-header-I.perf-report.txt") + ": expected "
                        + "samples in the targeted lines' accessors (revert_creds, override_creds, init_file, "
                        + "generic_permission, inode_owner_or_capable), found none",
                        new String[] {"whatif", BEFORE, "--strategy", "no-ref", "--topology", "header",
                                "--profile", TRACES.resolve("webref-header-I.perf-report.txt").toString()}),
                Arguments.of(3, "hitmap: error: " + TRACES.resolve("webref-quiet.perf-report.txt") + ": expected the CPU "
                        + "topology of 'perf report --header -I', found no header",
                        new String[] {"whatif", BEFORE, "--strategy", "no-ref", "--topology", "header",
                                "--profile", TRACES.resolve("webref-quiet.perf-report.txt").toString()}));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWithOneLineAndAHint(int code, String error, String[] args) {
        Run r = run(args);
        assertEquals(code, r.code(), r.err());
        String[] lines = r.err().split("\n");
        assertEquals(error, lines[0]);
        assertTrue(lines.length == 2 && lines[1].startsWith("hitmap: hint: "), r.err());
        r.assertNoStackTrace();
        assertEquals("", r.out());
    }
}
