// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.PerfTextKind;
import io.hitmap.ingest.profile.ChainNode;
import io.hitmap.ingest.profile.PerfReportParser;
import io.hitmap.ingest.profile.ProfileEntry;
import io.hitmap.ingest.profile.ProfileSink;
import io.hitmap.ingest.profile.ProfileSummary;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A {@code perf report} file streamed into the profile tables: it is opened, checked for its kind
 * and parsed when written, each row and tree node going into a {@link RowBatch}, so the memory a
 * report takes does not grow with its size. See {@link ProfileToArrow#stream}.
 */
public final class ProfileStream implements ArrowCapture {
    private final String path;
    private final CaptureText text;
    private final boolean lenient;
    private final int batchRows;
    private ProfileSummary summary;

    ProfileStream(String path, CaptureText text, boolean lenient, int batchRows) {
        this.path = path;
        this.text = text;
        this.lenient = lenient;
        this.batchRows = batchRows;
    }

    @Override
    public String path() {
        return path;
    }

    /** Closes text opened by the caller that was never written (a command failed before it wrote). */
    public void discard() throws IOException {
        text.discard();
    }

    /** Known after {@link #write}: the SHA-256 of the bytes read. */
    @Override
    public String sha256() {
        return summary == null ? null : summary.sha256();
    }

    /** What the parse saw (line counts, sections, warnings); null before {@link #write}. */
    public ProfileSummary summary() {
        return summary;
    }

    @Override
    public void write(BufferAllocator a, int captureId, TableSink sink)
            throws IOException, PerfParseException, SQLException {
        String name = path;
        try (PerfText in = text.open();
             RowBatch<ProfileEntry> entries = ProfileToArrow.entries(a, captureId, batchRows, sink);
             ChainNodeBatch nodes = new ChainNodeBatch(a, captureId, batchRows, sink)) {
            PerfTextKind.sniff(in.head()).require(PerfTextKind.PERF_REPORT, name);
            ProfileSummary s = PerfReportParser.parse(name, in.reader(), lenient, new ProfileSink() {
                @Override
                public void entry(ProfileEntry e) throws SQLException {
                    entries.add(e);
                }

                @Override
                public void node(ChainNode n) throws SQLException {
                    nodes.add(n);
                }
            });
            entries.flush();
            nodes.flush();
            summary = s.withSha256(in.sha256());
            ProfileToArrow.finish(a, captureId, summary.with(List.of(), List.of()), sink);
        }
    }
}
