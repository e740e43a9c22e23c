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
public final class ProfileStream extends TextStream<ProfileSummary> {
    private final int batchRows;

    ProfileStream(String path, CaptureText text, boolean lenient, int batchRows) {
        super(path, text, lenient);
        this.batchRows = batchRows;
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
            ProfileSummary done = s.withSha256(in.sha256());
            summarized(done);
            ProfileToArrow.finish(a, captureId, done.with(List.of(), List.of()), sink);
        }
    }
}
