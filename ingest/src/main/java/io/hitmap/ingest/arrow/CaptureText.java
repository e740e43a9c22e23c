// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.PerfText;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The text a streaming capture reads when it is written: a file it opens then, or text the caller
 * opened already (standard input can be opened only once), which passes to the capture to close;
 * and the file's SHA-256 when the caller hashed it beforehand (to skip a file already stored).
 */
final class CaptureText {
    private final Path file;
    private final String knownSha256;
    private PerfText opened;

    private CaptureText(Path file, String knownSha256, PerfText opened) {
        this.file = file;
        this.knownSha256 = knownSha256;
        this.opened = opened;
    }

    /** A file, opened when read; {@code sha256} is its digest if computed beforehand, else null. */
    static CaptureText of(Path file, String sha256) {
        return new CaptureText(file, sha256, null);
    }

    static CaptureText of(PerfText opened) {
        return new CaptureText(null, null, opened);
    }

    /** The digest known beforehand, else {@code read} (the one computed while reading; null before). */
    String sha256(String read) {
        return knownSha256 != null ? knownSha256 : read;
    }

    /** Fails when the digest computed while reading is not the one known beforehand. */
    void requireUnchanged(String path, String read) throws IOException {
        if (knownSha256 != null && !knownSha256.equals(read)) {
            throw new IOException(path + ": changed while it was read (its SHA-256 differs from the first read)");
        }
    }

    /** The text to read, which the caller closes: the one opened before (once), else the file opened now. */
    PerfText open() throws IOException {
        PerfText t = opened != null ? opened : PerfText.open(file);
        opened = null;
        return t;
    }

    /** Closes text opened by the caller that was never read (a command failed before it wrote). */
    void discard() throws IOException {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }

    /** {@code e} with a message that starts with the path: "PATH: cannot read: ..." unless it names it already. */
    static IOException named(String path, IOException e) {
        return e.getMessage() != null && e.getMessage().startsWith(path + ":") ? e
                : new IOException(path + ": cannot read: " + e.getMessage(), e);
    }
}
