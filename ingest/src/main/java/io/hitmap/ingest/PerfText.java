// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Opens perf text once, so that pipes and {@code /dev/stdin} work: the first 64 KiB are kept
 * for telling what the file is, the rest streams. UTF-8 with bad bytes replaced (a symbol may hold
 * anything), gzip read transparently, and a SHA-256 of the bytes as stored.
 */
public final class PerfText implements Closeable {
    static final int HEAD = 1 << 16;
    private static final ThreadLocal<ReadMeter> METER = ThreadLocal.withInitial(() -> ReadMeter.NONE);
    private final InputStream raw;
    private final MessageDigest sha256;
    private final byte[] head;
    private final BufferedReader reader;

    private PerfText(InputStream raw, MessageDigest sha256, byte[] head, BufferedReader reader) {
        this.raw = raw;
        this.sha256 = sha256;
        this.head = head;
        this.reader = reader;
    }

    /**
     * Tells {@code meter} of every file this thread opens and reads from now on, until the returned
     * handle is closed (the meter before comes back).
     */
    public static ReadMeter.Installed meter(ReadMeter meter) {
        ReadMeter before = METER.get();
        METER.set(meter);
        return () -> METER.set(before);
    }

    public static PerfText open(Path file) throws IOException {
        MessageDigest sha = sha256Digest();
        InputStream raw = new DigestInputStream(metered(file, file.toString()), sha);
        try {
            BufferedInputStream in = new BufferedInputStream(raw, HEAD);
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            BufferedInputStream text = gzip ? new BufferedInputStream(new GZIPInputStream(in, HEAD), HEAD) : in;
            text.mark(HEAD);
            byte[] head = text.readNBytes(HEAD);
            text.reset();
            BufferedReader reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), HEAD);
            return new PerfText(raw, sha, head, reader);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The SHA-256 of a file's bytes as stored, hex: the digest {@link #sha256()} gives after a full read. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256Digest();
        try (InputStream in = metered(file, file + " (SHA-256)")) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // FileInputStream, not Files.newInputStream: on JDK 17 the latter's available() seeks,
    // which fails on a pipe ("Illegal seek"), and hitmap must read <(cmd) and /dev/stdin
    private static InputStream metered(Path file, String label) throws IOException {
        InputStream in = new FileInputStream(file.toFile());
        ReadMeter meter = METER.get();
        if (meter == ReadMeter.NONE) {
            return in;
        }
        return new MeteredInputStream(in, meter.opened(label, Files.isRegularFile(file) ? Files.size(file) : -1));
    }

    /** The first 64 KiB of text (after gunzip), for {@link PerfTextKind#sniff(byte[])}. */
    public byte[] head() {
        return head;
    }

    public BufferedReader reader() {
        return reader;
    }

    /** The SHA-256 of every byte read so far from the file; call after reading to the end. */
    public String sha256() throws IOException {
        raw.transferTo(OutputStream.nullOutputStream()); // bytes after a gzip member, if any
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * Removes mail quoting ({@code > }, {@code >> }, {@code > > }) and a UTF-8 byte-order mark;
     * keeps the rest of the line as it was, indent included.
     */
    public static String unquote(String line) {
        int i = 0;
        int n = line.length();
        if (n > 0 && line.charAt(0) == '\uFEFF') {
            i = 1;
        }
        int afterQuote = -1;
        int j = i;
        while (true) {
            while (j < n && (line.charAt(j) == ' ' || line.charAt(j) == '\t') && j - i < 4) {
                j++;
            }
            if (j < n && line.charAt(j) == '>') {
                j++;
                afterQuote = j;
                i = j;
            } else {
                break;
            }
        }
        if (afterQuote < 0) {
            return i == 0 ? line : line.substring(i);
        }
        // one blank after the last '>' belongs to the quoting, not to the text
        if (afterQuote < n && line.charAt(afterQuote) == ' ') {
            afterQuote++;
        }
        return line.substring(afterQuote);
    }
}
