// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.PerfTextKind;
import io.hitmap.ingest.c2c.C2cAccess;
import io.hitmap.ingest.c2c.C2cCallgraphLine;
import io.hitmap.ingest.c2c.C2cLine;
import io.hitmap.ingest.c2c.C2cParseSummary;
import io.hitmap.ingest.c2c.C2cReportParser;
import io.hitmap.ingest.c2c.C2cSink;
import io.hitmap.ingest.c2c.C2cSummaryEntry;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A {@code perf c2c report --stdio} file streamed into the c2c tables: opened, checked for its kind
 * and parsed when written, each record going into a {@link RowBatch} of its table, the
 * {@code captures} row last. The heap it takes is that of one batch per table plus the parser's
 * ~40 bytes per cache line (for its checks across sections), however many Pareto rows the file
 * has. See {@link C2cToArrow#stream}.
 */
public final class C2cStream extends TextStream<C2cParseSummary> {
    /** Rows per batch: an accessor batch of Arrow buffers is then ~5 MB. */
    static final int BATCH = 16384;

    private final int batchRows;

    C2cStream(String path, CaptureText text, boolean lenient, int batchRows) {
        super(path, text, lenient);
        this.batchRows = batchRows;
    }

    @Override
    public void write(BufferAllocator a, int captureId, TableSink sink)
            throws IOException, PerfParseException, SQLException {
        try (PerfText in = text.open();
             RowBatch<C2cLine> lines = new RowBatch<>(a, C2cSchemas.LINES, captureId, C2cToArrow.LINE, batchRows,
                     sink);
             RowBatch<C2cAccess> accesses = new RowBatch<>(a, C2cSchemas.ACCESSES, captureId, C2cToArrow.ACCESS,
                     batchRows, sink);
             RowBatch<C2cSummaryEntry> stats = new RowBatch<>(a, C2cSchemas.SUMMARY, captureId, C2cToArrow.SUMMARY,
                     batchRows, sink);
             RowBatch<C2cCallgraphLine> graphs = new RowBatch<>(a, C2cSchemas.CALLGRAPH, captureId,
                     C2cToArrow.CALLGRAPH, batchRows, sink)) {
            PerfTextKind.sniff(in.head()).require(PerfTextKind.C2C, path);
            C2cParseSummary s = C2cReportParser.parse(path, in.reader(), lenient, new C2cSink() {
                @Override
                public void line(C2cLine l) throws SQLException {
                    lines.add(l);
                }

                @Override
                public void access(C2cAccess x) throws SQLException {
                    accesses.add(x);
                }

                @Override
                public void summary(C2cSummaryEntry e) throws SQLException {
                    stats.add(e);
                }

                @Override
                public void callgraph(C2cCallgraphLine c) throws SQLException {
                    graphs.add(c);
                }
            }).withSha256(in.sha256());
            lines.flush();
            accesses.flush();
            stats.flush();
            graphs.flush();
            text.requireUnchanged(path, s.sha256());
            summarized(s);
            try (VectorSchemaRoot row = RowsToArrow.fill(a, C2cSchemas.CAPTURES, captureId, List.of(s),
                    C2cToArrow.CAPTURE)) {
                sink.accept(C2cSchemas.CAPTURES, row);
            }
        } catch (IOException e) {
            throw CaptureText.named(path, e);
        }
    }
}
