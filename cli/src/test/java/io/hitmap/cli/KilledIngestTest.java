// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hitmap.cli.CliEndToEndTest.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An ingest killed while it writes (SIGKILL, as the OOM killer or a power cut would; SIGTERM, as
 * kill or a closed session; SIGINT, as Ctrl-C) leaves the store as it was: the earlier capture whole, nothing of the new one, queries
 * and later ingests working. A second writer meanwhile is told the store is in use, by which PID.
 * The ingest runs in a child JVM that reads perf script text from a pipe that the test keeps
 * writing to and never closes: once the child's progress bar shows 12 MB read (several
 * 8192-sample batches sent to the store's writer) the test kills it, so the kill always lands
 * mid-ingest, with the input not yet at its end.
 */
class KilledIngestTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final Path BEFORE = TRACES.resolve("overlayfs-creds-before.c2c.txt");
    private static final Path AFTER = TRACES.resolve("overlayfs-creds-after.c2c.txt");
    // copies of this capture (326 KB, 1157 samples each) are fed to the child without end
    private static final Path SCRIPT = TRACES.resolve("webcontent-callchain.perf-script.txt");
    private static final long SHOWN_MB = 12;
    // eg, "\rhitmap: /dev/stdin  12 MB  9 MB/s"
    private static final Pattern READ_MB = Pattern.compile("hitmap: /dev/stdin  (\\d+) MB  ");
    private static final String COUNTS = "select (select count(*) from captures) || ' ' || (select count(*) from c2c_lines)"
            + " || ' ' || (select count(*) from c2c_accesses) || ' ' || (select count(*) from samples) || ' '"
            + " || (select count(*) from sample_stacks) || ' ' || (select string_agg(sha256, ',') from captures)";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"KILL", "TERM", "INT"})
    void leavesTheStoreAsItWasWhenIngestIsKilledMidway(String signal) throws Exception {
        Path store = tmp.resolve("c2c.duckdb");
        assertEquals(0, run("ingest", BEFORE.toString(), "--store", store.toString()).code());
        String before = counts(store);
        assertTrue(before.startsWith("1 3 "), before); // overlayfs-creds-before: 3 lines

        Process child = startIngestFromPipe(store);
        ByteArrayOutputStream childErr = new ByteArrayOutputStream();
        try {
            feed(child);
            awaitProgress(child, childErr);

            Run second = run("ingest", AFTER.toString(), "--store", store.toString());
            assertEquals(3, second.code(), second.err());
            assertEquals("hitmap: error: " + store + ": store is in use by another process (PID " + child.pid()
                    + "); try again when it has finished\nhitmap: hint: wait for the other hitmap to finish\n",
                    second.err());

            signal(child, signal);
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not stop on SIG" + signal);
        } finally {
            child.destroyForcibly();
        }
        assertEquals(before, counts(store), "the store after the killed ingest");
        Run lines = run("lines", "--store", store.toString(), "--top", "1");
        assertEquals(0, lines.code(), lines.err());
        assertTrue(lines.out().contains("overlayfs-creds-before.c2c.txt"), lines.out());
        Run again = run("ingest", AFTER.toString(), "--store", store.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith(AFTER + ": capture 2, "), again.out());
    }

    private Process startIngestFromPipe(Path store) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a build started in the background of a non-interactive shell ignores SIGINT, and an ignored signal
        // stays ignored across exec: perl (Debian's essential perl-base) puts Ctrl-C's default back for the
        // child JVM, so its SIGINT case runs wherever the build does
        return new ProcessBuilder("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV", java, "-Xmx128m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ingest", "-", "--store", store.toString(), "--progress=always")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Writes copies of the capture on a thread of its own, without end, until the child is gone. */
    private static void feed(Process child) throws IOException {
        byte[] script = Files.readAllBytes(SCRIPT);
        OutputStream in = child.getOutputStream();
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    in.write(script);
                }
            } catch (IOException e) {
                // the child was killed: the pipe is closed
            }
        }, "feed-child");
        writer.setDaemon(true);
        writer.start();
    }

    /** Collects the child's stderr on a thread of its own; waits until its progress bar shows {@link #SHOWN_MB} MB read. */
    private static void awaitProgress(Process child, ByteArrayOutputStream err) throws InterruptedException {
        InputStream in = child.getErrorStream();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (err) {
                        err.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
        }, "child-stderr");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            String text;
            synchronized (err) {
                text = err.toString(StandardCharsets.UTF_8);
            }
            int lastBar = text.lastIndexOf('\r');
            Matcher m = READ_MB.matcher(lastBar < 0 ? "" : text.substring(lastBar));
            if (m.find() && Long.parseLong(m.group(1)) >= SHOWN_MB) {
                return;
            }
            Thread.sleep(50);
        }
        fail("no progress to " + SHOWN_MB + " MB (child alive: " + child.isAlive() + "): " + err);
    }

    private static void signal(Process child, String signal) throws Exception {
        if (signal.equals("KILL")) {
            child.destroyForcibly();
            return;
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    private static String counts(Path store) {
        Run r = run("query", "--store", store.toString(), "--format", "csv", "--sql", COUNTS);
        assertEquals(0, r.code(), r.err());
        return r.out().lines().skip(1).findFirst().orElseThrow();
    }
}
