// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.arrow.ProfileStream;
import io.hitmap.ingest.arrow.ProfileToArrow;
import io.hitmap.ingest.profile.PerfReportParser;
import io.hitmap.ingest.profile.ProfileCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** perf report captures into DuckDB: streamed in small batches, the same rows as parsed in memory. */
class ProfileIngestTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final Path JAVA = TRACES.resolve("java-version.children.callgraph.txt");

    @Test
    void streamedInSmallBatchesEqualsParsedInMemory() throws Exception {
        ProfileCapture parsed = PerfReportParser.parse(JAVA, false);
        try (HitmapDb db = HitmapDb.inMemory()) {
            ProfileStream stream = ProfileToArrow.stream(JAVA, false, 100); // 5089 nodes: 51 batches
            db.insertCaptures(List.of(ProfileToArrow.capture(parsed), stream));
            String sql = "SELECT count(*), count(DISTINCT node_id), sum(percent), sum(depth), "
                    + "count(parent_id), sum(source_line_no) FROM profile_callchains WHERE capture_id = ";
            assertEquals(db.query(sql + 1).rows(), db.query(sql + 2).rows());
            String entries = "SELECT sum(children), sum(self), count(*), string_agg(symbol, ',' ORDER BY entry_no)"
                    + " FROM profile_entries WHERE capture_id = ";
            assertEquals(db.query(entries + 1).rows(), db.query(entries + 2).rows());
            assertEquals(List.of(List.of(5089L)), db.query("SELECT count(*) FROM profile_callchains WHERE capture_id = 2").rows());
            assertEquals(parsed.linesRead(), stream.summary().linesRead());
            assertEquals(parsed.sha256(), stream.summary().sha256());
            // the tree read back: "--17.02%--do_fault" sits under __handle_mm_fault (lines 37-39 of the file)
            assertEquals(List.of(List.of("__handle_mm_fault")), db.query("SELECT p.symbol FROM profile_callchains c "
                    + "JOIN profile_callchains p ON p.capture_id = c.capture_id AND p.node_id = c.parent_id "
                    + "WHERE c.capture_id = 2 AND c.entry_no = 1 AND c.symbol = 'do_fault' AND c.percent = 17.02").rows());
        }
    }

    @Test
    void aBadLineAfterSomeBatchesLeavesNothing(@TempDir Path dir) throws Exception {
        String text = Files.readString(JAVA, StandardCharsets.UTF_8);
        Path bad = Files.writeString(dir.resolve("bad.txt"), text + "    12.34%  java  libjvm.so  no-marker\n");
        try (HitmapDb db = HitmapDb.inMemory()) {
            PerfParseException e = assertThrows(PerfParseException.class,
                    () -> db.insertCaptures(List.of(ProfileToArrow.stream(bad, false, 100))));
            assertEquals(text.lines().count() + 1, e.lineNo());
            assertEquals(List.of(List.of(0L, 0L)), db.query("SELECT (SELECT count(*) FROM captures), "
                    + "(SELECT count(*) FROM profile_callchains)").rows());
        }
    }
}
