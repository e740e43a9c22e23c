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
 * An ingest killed while it writes (SIGKILL, as the OOM killer or a power cut would; SIGINT, as
 * Ctrl-C) leaves the store as it was: the earlier capture whole, nothing of the new one, queries
 * and later ingests working. A second writer meanwhile is told the store is in use, by which PID.
 * The ingest runs in a child JVM that reads perf script text from a pipe: the test writes 16 MB,
 * waits until the child's progress bar shows 12 MB read (several 8192-sample batches sent to the
 * store's writer), then kills it while it waits for more, so the kill always lands mid-ingest.
 */
class KilledIngestTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final Path BEFORE = TRACES.resolve("overlayfs-creds-before.c2c.txt");
    private static final Path AFTER = TRACES.resolve("overlayfs-creds-after.c2c.txt");
    // 50 copies of this capture (326 KB, 1157 samples each) make the 16 MB fed to the child
    private static final Path SCRIPT = TRACES.resolve("webcontent-callchain.perf-script.txt");
    private static final int COPIES = 50;
    private static final long SHOWN_MB = 12;
    // eg, "\rhitmap: /dev/stdin  12 MB  9 MB/s"
    private static final Pattern READ_MB = Pattern.compile("hitmap: /dev/stdin  (\\d+) MB  ");
    private static final String COUNTS = "select (select count(*) from captures) || ' ' || (select count(*) from c2c_lines)"
            + " || ' ' || (select count(*) from c2c_accesses) || ' ' || (select count(*) from samples) || ' '"
            + " || (select count(*) from sample_stacks) || ' ' || (select string_agg(sha256, ',') from captures)";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"KILL", "INT"})
    void leavesTheStoreAsItWasWhenIngestIsKilledMidway(String signal) throws Exception {
        Path store = tmp.resolve("c2c.duckdb");
        assertEquals(0, run("ingest", BEFORE.toString(), "--store", store.toString()).code());
        String before = counts(store);
        assertTrue(before.startsWith("1 3 "), before); // overlayfs-creds-before: 3 lines

        Process child = startIngestFromPipe(store);
        ByteArrayOutputStream childErr = new ByteArrayOutputStream();
        try {
            feed(child, COPIES);
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
        return new ProcessBuilder(java, "-Xmx128m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ingest", "-", "--store", store.toString(), "--progress=always")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Writes the copies on a thread of its own (the pipe holds 64 KB) and leaves the pipe open. */
    private static void feed(Process child, int copies) throws IOException {
        byte[] script = Files.readAllBytes(SCRIPT);
        OutputStream in = child.getOutputStream();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < copies; i++) {
                    in.write(script);
                }
                in.flush();
            } catch (IOException e) {
                // the child was killed before it read everything: what the test does
            }
        }, "feed-child");
        writer.setDaemon(true);
        writer.start();
    }

    /** Reads the child's stderr until its progress bar shows {@link #SHOWN_MB} MB read. */
    private static void awaitProgress(Process child, ByteArrayOutputStream err) throws IOException {
        InputStream in = child.getErrorStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        byte[] buf = new byte[4096];
        while (System.nanoTime() < deadline) {
            int n = in.read(buf);
            if (n < 0) {
                fail("the child ended before it read " + SHOWN_MB + " MB: " + err.toString(StandardCharsets.UTF_8));
            }
            err.write(buf, 0, n);
            String text = err.toString(StandardCharsets.UTF_8);
            int lastBar = text.lastIndexOf('\r');
            Matcher m = READ_MB.matcher(lastBar < 0 ? "" : text.substring(lastBar));
            if (m.find() && Long.parseLong(m.group(1)) >= SHOWN_MB) {
                return;
            }
        }
        fail("no progress to " + SHOWN_MB + " MB within 60 s: " + err.toString(StandardCharsets.UTF_8));
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
