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
        List<C2cCallgraphLine> callgraph) {
}
