// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.cli.CliEndToEndTest.Run;
import io.hitmap.ingest.ReadMeter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --progress: the bar's text, its pace, and when commands draw it. */
class ProgressBarTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final String BEFORE = TRACES.resolve("overlayfs-creds-before.c2c.txt").toString();

    @TempDir
    Path tmp;

    private long now;

    @Test
    void drawsOnOpenThenAtMostTenTimesASecondAndClearsAtTheEnd() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), () -> now);
        now = 5_000_000_000L;
        ReadMeter.File big = bar.opened("big.c2c.txt", 1_000_000_000L);
        now += 1_000_000_000L;
        big.read(100_000_000L); // 1 s later: drawn
        now += 50_000_000L;
        big.read(1_000_000L); // 50 ms later: not drawn
        big.closed();
        String first = "hitmap: big.c2c.txt    0%  0/1000 MB  0 MB/s  ETA --:--";
        String second = "hitmap: big.c2c.txt   10%  100/1000 MB  100 MB/s  ETA 0:09";
        assertEquals("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r", err.toString());
    }

    @Test
    void showsMegabytesAndRateWithoutASize() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), () -> now);
        now = 0;
        ReadMeter.File stdin = bar.opened("/dev/stdin", -1);
        now = 2_000_000_000L;
        stdin.read(30_000_000L);
        assertEquals("hitmap: /dev/stdin  30 MB  15 MB/s", bar.line(now));
    }

    @Test
    void aFileReadAfterAnotherWasOpenedShowsItsOwnNameSizeAndCount() {
        // diff a b sniffs both files, then reads a: the line must speak of a, not of b opened last
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), () -> now);
        now = 0;
        ReadMeter.File a = bar.opened("a.perf-report.txt", 1_000_000_000L);
        ReadMeter.File b = bar.opened("b.perf-report.txt", 500_000_000L);
        b.read(65_536L);
        now = 1_000_000_000L;
        a.read(100_000_000L); // a back on the line, its rate counted from here
        assertEquals("hitmap: a.perf-report.txt   10%  100/1000 MB  0 MB/s  ETA --:--", bar.line(now));
        now = 2_000_000_000L;
        a.read(100_000_000L);
        assertEquals("hitmap: a.perf-report.txt   20%  200/1000 MB  100 MB/s  ETA 0:08", bar.line(now));
        b.closed(); // not on the line: a stays
        assertEquals("hitmap: a.perf-report.txt   20%  200/1000 MB  100 MB/s  ETA 0:08", bar.line(now));
    }

    @Test
    void cutsALongFileNameOnTheLeft() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), () -> now);
        now = 0;
        bar.opened("/home/someone/" + "captures/".repeat(10) + "big.c2c.txt", 2_000_000L);
        String line = bar.line(now);
        assertEquals(79, line.length(), line);
        assertTrue(line.startsWith("hitmap: ..."), line);
        assertTrue(line.endsWith("/captures/big.c2c.txt    0%  0/2 MB  0 MB/s  ETA --:--"), line);
    }

    @Test
    void writesHoursMinutesAndSeconds() {
        assertEquals("0:07", ProgressBar.duration(7.4));
        assertEquals("12:30", ProgressBar.duration(750));
        assertEquals("1:02:03", ProgressBar.duration(3723));
    }

    @Test
    void drawsOnStderrForEveryCommandThatReadsFilesWhenAsked() {
        String store = tmp.resolve("s.duckdb").toString();
        for (String[] args : new String[][] {
                {"ingest", "--progress=always", BEFORE, "--store", store},
                {"lines", "--progress=always", BEFORE},
                {"report", "--progress=always", BEFORE, "-o", tmp.resolve("r.html").toString()},
                {"query", "--progress=always", BEFORE, "--sql", "select count(*) from c2c_lines"},
                {"top", "--progress=always", TRACES.resolve("refbench-shared.perf-script.txt").toString()}}) {
            Run r = run(args);
            assertEquals(0, r.code(), args[0] + ": " + r.err());
            // eg, "\rhitmap: ...aces/overlayfs-creds-before.c2c.txt    0%  0/0 MB  0 MB/s  ETA --:--"
            String name = Path.of(args[2]).getFileName().toString();
            assertTrue(r.err().matches("(?s)\rhitmap: \\S*" + name.replace(".", "\\.") + "  .*% .*MB/s.*"),
                    args[0] + ": " + r.err());
            assertTrue(r.err().endsWith(" \r"), args[0] + ": the bar is cleared at the end: " + r.err());
            assertFalse(r.out().contains("\r"), args[0]);
        }
    }

    @Test
    void drawsNothingWhenToldNeverOrWhenStderrIsNoTerminal() {
        for (String when : new String[] {"--progress=never", "--progress=auto"}) {
            Run r = run("lines", when, BEFORE);
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err(), when);
        }
        Run defaulted = run("ingest", BEFORE, "--store", tmp.resolve("d.duckdb").toString());
        assertEquals("", defaulted.err());
    }

    @Test
    void refusesAnotherValue() {
        Run r = run("lines", "--progress=sometimes", BEFORE);
        assertEquals(2, r.code());
        assertEquals("hitmap: error: Invalid value for option '--progress': expected auto, always or never, found"
                + " 'sometimes'\nhitmap: hint: see 'hitmap lines --help'\n", r.err());
    }
}
