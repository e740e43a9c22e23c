// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What PerfText tells the installed meter: each file opened with its size, the bytes as stored, the close. */
class ReadMeterTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));

    @TempDir
    Path dir;

    /** Records the calls as text: "open NAME SIZE", "read N" (summed per file), "close". */
    private static final class Calls implements ReadMeter {
        final List<String> seen = new ArrayList<>();

        @Override
        public ReadMeter.File opened(String label, long size) {
            seen.add("open " + label + " " + size);
            return new ReadMeter.File() {
                long read;

                @Override
                public void read(long bytes) {
                    read += bytes;
                }

                @Override
                public void closed() {
                    seen.add("read " + read);
                    seen.add("close");
                }
            };
        }
    }

    @Test
    void countsTheCompressedBytesOfAGzipFileUpToItsSize() throws Exception {
        Path plain = TRACES.resolve("overlayfs-creds-before.c2c.txt");
        Path gz = dir.resolve("before.c2c.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(plain));
        }
        long size = Files.size(gz);
        Calls calls = new Calls();
        try (ReadMeter.Installed m = PerfText.meter(calls); PerfText text = PerfText.open(gz)) {
            StringBuilder all = new StringBuilder();
            text.reader().lines().forEach(l -> all.append(l).append('\n'));
            assertEquals(Files.readString(plain), all.toString());
            text.sha256();
        }
        assertEquals(List.of("open " + gz + " " + size, "read " + size, "close"), calls.seen);
    }

    @Test
    void tellsTheChecksumPassApartAndNothingOnceUninstalled() throws Exception {
        Path plain = TRACES.resolve("overlayfs-creds-before.c2c.txt");
        Calls calls = new Calls();
        try (ReadMeter.Installed m = PerfText.meter(calls)) {
            PerfText.sha256(plain);
        }
        PerfText.open(plain).close();
        long size = Files.size(plain);
        assertEquals(List.of("open " + plain + " (SHA-256) " + size, "read " + size, "close"), calls.seen);
    }
}
