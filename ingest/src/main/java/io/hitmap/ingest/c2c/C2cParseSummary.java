// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import io.hitmap.ingest.Digested;
import java.util.List;

/**
 * What a c2c parse saw besides its records: the layout, the accounting of every input line
 * ({@code linesRead == linesUsed + linesStructural + linesSkipped}), how many lines and accessors it
 * sent and the file's disagreements with itself. Streaming ingest writes this as the
 * {@code captures} row; {@link C2cCapture} carries the same fields with the records.
 */
public record C2cParseSummary(
        String path,
        String formatVariant,
        String perfVersion,
        String metric,
        long linesRead,
        long linesUsed,
        long linesStructural,
        long linesSkipped,
        List<Integer> skippedLineNos,
        long lineCount,
        long accessCount,
        /** SHA-256 of the input bytes (before gunzip), hex; null when parsed from a reader. */
        String sha256,
        List<String> warnings) implements Digested {

    /** The same summary with the digest of its input file. */
    public C2cParseSummary withSha256(String digest) {
        return new C2cParseSummary(path, formatVariant, perfVersion, metric, linesRead, linesUsed, linesStructural,
                linesSkipped, skippedLineNos, lineCount, accessCount, digest, warnings);
    }
}
