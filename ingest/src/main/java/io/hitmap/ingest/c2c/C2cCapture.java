// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.util.List;

/**
 * Everything parsed from one {@code perf c2c report --stdio} file, with the accounting of
 * every input line: {@code linesRead == linesUsed + linesStructural + linesSkipped}.
 */
public record C2cCapture(
        String path,
        /** The layout detected, e.g. {@code table-6.x}, {@code pareto-only}; see SCHEMA.md. */
        String formatVariant,
        /** The perf version range the layout implies, e.g. {@code >=6.0}; null when unknown. */
        String perfVersion,
        /** {@code hitm} or {@code peer}. */
        String metric,
        long linesRead,
        long linesUsed,
        long linesStructural,
        long linesSkipped,
        /** The first few skipped line numbers (at most 10). */
        List<Integer> skippedLineNos,
        List<C2cLine> lines,
        List<C2cAccess> accesses,
        List<C2cSummaryEntry> summary,
        List<C2cCallgraphLine> callgraph,
        /** SHA-256 of the input bytes (before gunzip), hex; null when parsed from a reader. */
        String sha256,
        /** Where the file disagrees with itself, eg, a Pareto block header and its table row. */
        List<String> warnings) {

    /** A capture with no input digest and no warnings. */
    public C2cCapture(String path, String formatVariant, String perfVersion, String metric, long linesRead,
            long linesUsed, long linesStructural, long linesSkipped, List<Integer> skippedLineNos, List<C2cLine> lines,
            List<C2cAccess> accesses, List<C2cSummaryEntry> summary, List<C2cCallgraphLine> callgraph) {
        this(path, formatVariant, perfVersion, metric, linesRead, linesUsed, linesStructural, linesSkipped,
                skippedLineNos, lines, accesses, summary, callgraph, null, List.of());
    }

    /** The same capture with the digest of its input file. */
    public C2cCapture withSha256(String digest) {
        return new C2cCapture(path, formatVariant, perfVersion, metric, linesRead, linesUsed, linesStructural,
                linesSkipped, skippedLineNos, lines, accesses, summary, callgraph, digest, warnings);
    }
}
