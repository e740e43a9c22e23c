// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.util.ArrayList;
import java.util.Comparator;
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

    /** The fields that are not records: what streaming ingest writes as the {@code captures} row. */
    public C2cParseSummary parseSummary() {
        return new C2cParseSummary(path, formatVariant, perfVersion, metric, linesRead, linesUsed, linesStructural,
                linesSkipped, skippedLineNos, lines.size(), accesses.size(), sha256, warnings);
    }

    /** A {@link C2cSink} that keeps every record, for a capture parsed into memory. */
    static final class Collector implements C2cSink {
        private final List<C2cLine> lines = new ArrayList<>();
        private final List<C2cAccess> accesses = new ArrayList<>();
        private final List<C2cSummaryEntry> summary = new ArrayList<>();
        private final List<C2cCallgraphLine> callgraph = new ArrayList<>();

        @Override
        public void line(C2cLine l) {
            lines.add(l);
        }

        @Override
        public void access(C2cAccess a) {
            accesses.add(a);
        }

        @Override
        public void summary(C2cSummaryEntry e) {
            summary.add(e);
        }

        @Override
        public void callgraph(C2cCallgraphLine c) {
            callgraph.add(c);
        }

        /** The records kept, with what the parse saw; lines sorted on their index (stable). */
        C2cCapture capture(C2cParseSummary s) {
            lines.sort(Comparator.comparingInt(C2cLine::lineIndex));
            return new C2cCapture(s.path(), s.formatVariant(), s.perfVersion(), s.metric(), s.linesRead(),
                    s.linesUsed(), s.linesStructural(), s.linesSkipped(), s.skippedLineNos(), List.copyOf(lines),
                    List.copyOf(accesses), List.copyOf(summary), List.copyOf(callgraph), s.sha256(), s.warnings());
        }
    }

    /** The same capture with the digest of its input file. */
    public C2cCapture withSha256(String digest) {
        return new C2cCapture(path, formatVariant, perfVersion, metric, linesRead, linesUsed, linesStructural,
                linesSkipped, skippedLineNos, lines, accesses, summary, callgraph, digest, warnings);
    }
}
