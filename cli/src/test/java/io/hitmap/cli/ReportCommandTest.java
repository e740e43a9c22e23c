// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hitmap report} end to end: a capture, a diff, a profile beside a capture, and the refusals. */
class ReportCommandTest {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final String BEFORE = TRACES.resolve("overlayfs-creds-before.c2c.txt").toString();
    private static final String AFTER = TRACES.resolve("overlayfs-creds-after.c2c.txt").toString();

    @TempDir
    Path tmp;

    @Test
    void writesOneSelfContainedFileAndPrintsItsPath() throws IOException {
        Path out = tmp.resolve("r.html");
        CliEndToEndTest.Run r = run("report", BEFORE, "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(out + "\n", r.out());
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>hitmap: overlayfs-creds-before.c2c.txt</title>"), html.substring(0, 800));
        assertTrue(html.contains("generic_permission") && html.contains("refcount"));
        Path again = tmp.resolve("again.html");
        assertEquals(0, run("report", BEFORE, "-o", again.toString()).code());
        assertEquals(html, Files.readString(again), "the same input gives the same bytes");
    }

    @Test
    void diffHoldsBothCapturesAndTheSummary() throws IOException {
        Path out = tmp.resolve("d.html");
        CliEndToEndTest.Run r = run("report", "--diff", BEFORE, AFTER, "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out);
        assertTrue(html.contains("\"kind\":\"diff\""));
        assertTrue(html.contains("\"status\":\"persisting\",\"before_line\":0,\"after_line\":2"), html);
        assertTrue(html.contains("still contends on it, 1440 → 72 HITM"), html);
    }

    @Test
    void aProfileBesideACaptureAddsHotspots() throws IOException {
        Path out = tmp.resolve("p.html");
        CliEndToEndTest.Run r = run("report", BEFORE, TRACES.resolve("refbench-shared.flat.txt").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).contains("\"hotspots\":{\"columns\":["));
    }

    @Test
    void refusesADiffOfOneFile() {
        CliEndToEndTest.Run r = run("report", "--diff", BEFORE, "-o", tmp.resolve("x.html").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--diff expects two files, BEFORE and AFTER, found 1"), r.err());
    }

    @Test
    void anUnwritableOutputIsOneLineWithAHint() {
        CliEndToEndTest.Run r = run("report", BEFORE, "-o", tmp.resolve("no/such/dir/r.html").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("hitmap: error: " + tmp.resolve("no/such/dir/r.html") + ": cannot write:"), r.err());
        assertTrue(r.err().contains("hitmap: hint: check that its directory exists"), r.err());
    }
}
