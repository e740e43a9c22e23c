// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cReportParser;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A c2c command given another kind of file names what it found and how to get c2c text. */
class WrongKindOfFileTest {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));

    @TempDir
    Path dir;

    String error(Path p) {
        return assertThrows(PerfParseException.class, () -> C2cReportParser.parse(p, false)).getMessage()
                .replace(dir.toString(), "DIR").replace(TRACES.toString(), "sample-traces");
    }

    Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void rejectsPerfReportWithItsHeaderLine() {
        assertEquals("sample-traces/refbench-shared.flat.txt:6: expected perf c2c report text, found perf report"
                + " text \"# Samples: 2K of event 'cpu-clock:ppp'\"", error(TRACES.resolve("refbench-shared.flat.txt")));
    }

    @Test
    void rejectsHeaderlessPerfReportRowsPastedFromMail() {
        assertEquals("sample-traces/nginx-apparmor-top.perf-report.txt:1: expected perf c2c report text, found perf"
                        + " report text \"6.56%     nginx  [kernel.vmlinux]      [k] apparmor_current_getsecid_subj\"",
                error(TRACES.resolve("nginx-apparmor-top.perf-report.txt")));
    }

    @Test
    void rejectsPerfScriptSamples() throws Exception {
        Path p = write("script.txt", "refbench 14931   971.966939:     500000 cpu-clock:ppp: \n\tffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("DIR/script.txt:1: expected perf c2c report text, found perf script text"
                + " \"refbench 14931   971.966939:     500000 cpu-clock:ppp:\"", error(p));
    }

    @Test
    void rejectsBinaryPerfDataWithTheConvertCommand() throws Exception {
        Path p = write("perf.data", "PERFILE2\u0000\u0000\u0000\u0068".getBytes(StandardCharsets.ISO_8859_1));
        PerfParseException e = assertThrows(PerfParseException.class, () -> C2cReportParser.parse(p, false));
        assertEquals("DIR/perf.data: expected perf c2c report text, found a binary perf.data file (PERFILE2)",
                e.getMessage().replace(dir.toString(), "DIR"));
        assertEquals("convert perf.data to text first: perf c2c report --stdio -i DIR/perf.data > DIR/perf.data.txt",
                e.hint().replace(dir.toString(), "DIR"));
    }

    @Test
    void rejectsOtherBinaryData() throws Exception {
        Path p = write("blob.bin", new byte[] {'a', 'b', 0, 'c'});
        assertEquals("DIR/blob.bin: expected perf c2c report text, found binary data (NUL byte at offset 2)", error(p));
    }

    @Test
    void rejectsAnHtmlPage() throws Exception {
        Path p = write("page.html", "\n<!DOCTYPE html>\n<html><body>c2c</body></html>\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("DIR/page.html:2: expected perf c2c report text, found an HTML page \"<!DOCTYPE html>\"", error(p));
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        Path p = write("empty.txt", new byte[0]);
        assertEquals("DIR/empty.txt: expected perf c2c report text, found an empty file", error(p));
        Path blanks = write("blanks.txt", "\n\n   \n".getBytes(StandardCharsets.UTF_8));
        assertEquals("DIR/blanks.txt: expected perf c2c report text, found an empty file", error(blanks));
    }

    @Test
    void readsGzipCompressedTextTransparently() throws Exception {
        Path p = dir.resolve("before.c2c.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(Files.readAllBytes(TRACES.resolve("overlayfs-creds-before.c2c.txt")));
        }
        C2cCapture c = C2cReportParser.parse(p, false);
        assertEquals(412L, c.lines().get(0).rmtHitm());
        assertEquals(13, c.accesses().size());
    }

    @Test
    void readsCrlfLineEndingsAndAByteOrderMark() throws Exception {
        String text = "\uFEFF" + Files.readString(TRACES.resolve("overlayfs-creds-before.c2c.txt")).replace("\n", "\r\n");
        C2cCapture c = C2cReportParser.parse(write("crlf.txt", text.getBytes(StandardCharsets.UTF_8)), false);
        assertEquals(1028L, c.lines().get(0).lclHitm());
        assertEquals("atomic64_64.h:39", c.accesses().get(0).sourceLine());
        assertEquals(0, c.linesSkipped());
    }
}
