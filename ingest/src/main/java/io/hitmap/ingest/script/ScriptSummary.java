// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import io.hitmap.ingest.Digested;
import java.util.List;

/**
 * What a streaming {@code perf script} parse saw, known only at the end of the input: the layout,
 * the counts, and the accounting of every input line:
 * {@code linesRead == linesUsed + linesStructural + linesSkipped}.
 */
public record ScriptSummary(
        String path,
        /** {@code callchain}, {@code no-callchain} or {@code header-only}, plus {@code +quoted}; see SCHEMA.md. */
        String formatVariant,
        long linesRead,
        long linesUsed,
        long linesStructural,
        long linesSkipped,
        /** The first skipped line numbers (at most 10). */
        List<Integer> skippedLineNos,
        long samples,
        long frames,
        /** SHA-256 of the input bytes (before gunzip), hex; null when parsed from a reader. */
        String sha256,
        List<String> warnings) implements Digested {

    public ScriptSummary withSha256(String digest) {
        return new ScriptSummary(path, formatVariant, linesRead, linesUsed, linesStructural, linesSkipped,
                skippedLineNos, samples, frames, digest, warnings);
    }
}
