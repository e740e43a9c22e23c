// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.Digested;
import java.io.IOException;

/**
 * What the three streaming captures (c2c, perf report, perf script) share: the file's name, its text (opened
 * now or by the caller), lenient mode, and the parse's summary once written, whose digest stands for the
 * capture's unless one was known beforehand.
 *
 * @param <S> the parser's summary
 */
public abstract class TextStream<S extends Digested> implements ArrowCapture {
    final String path;
    final CaptureText text;
    final boolean lenient;
    private S summary;

    TextStream(String path, CaptureText text, boolean lenient) {
        this.path = path;
        this.text = text;
        this.lenient = lenient;
    }

    @Override
    public String path() {
        return path;
    }

    /** The digest given beforehand, else the one computed while writing; null before {@link #write}. */
    @Override
    public String sha256() {
        return text.sha256(summary == null ? null : summary.sha256());
    }

    /** What the parse saw (line counts, warnings, ...); null before {@link #write}. */
    public S summary() {
        return summary;
    }

    void summarized(S s) {
        summary = s;
    }

    /** Closes text opened by the caller that was never written (a command failed before it wrote). */
    public void discard() throws IOException {
        text.discard();
    }
}
