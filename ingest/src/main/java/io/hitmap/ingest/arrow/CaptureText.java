// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.PerfText;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The text a streaming capture reads when it is written: a file it opens then, or text the caller
 * opened already (standard input can be opened only once), which passes to the capture to close.
 */
final class CaptureText {
    private final Path file;
    private PerfText opened;

    private CaptureText(Path file, PerfText opened) {
        this.file = file;
        this.opened = opened;
    }

    static CaptureText of(Path file) {
        return new CaptureText(file, null);
    }

    static CaptureText of(PerfText opened) {
        return new CaptureText(null, opened);
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
