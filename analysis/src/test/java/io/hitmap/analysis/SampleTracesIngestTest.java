// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import static io.hitmap.analysis.HitmapDbTest.row;
import static io.hitmap.analysis.HitmapDbTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cReportParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real capture in sample-traces -> DuckDB through the Arrow bridge, with no row lost. */
class SampleTracesIngestTest {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));

    @TempDir
    Path dir;

    static Stream<Path> allSeedTraces() throws IOException {
        try (Stream<Path> s = Files.list(TRACES)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".c2c.txt")).sorted().toList();
            assertFalse(files.isEmpty(), "no c2c captures under " + TRACES);
            return files.stream();
        }
    }

    static C2cCapture parseOrSkip(Path p) throws IOException, PerfParseException {
        return C2cReportParser.parse(p, false);
    }

    @ParameterizedTest
    @MethodSource("allSeedTraces")
    void loadsEveryRecordAndRanksAllLines(Path p) throws Exception {
        C2cCapture c = parseOrSkip(p);
        try (HitmapDb db = HitmapDb.inMemory()) {
            assertEquals(1, db.addCapture(c));
            assertEquals(rows(row((long) c.lines().size(), (long) c.accesses().size(), (long) c.summary().size(),
                            (long) c.callgraph().size(), c.linesRead())),
                    db.query("SELECT (SELECT count(*) FROM c2c_lines), (SELECT count(*) FROM c2c_accesses), "
                            + "(SELECT count(*) FROM c2c_summary), (SELECT count(*) FROM c2c_callgraph), "
                            + "(SELECT lines_read FROM captures)").rows());
            List<RankedLine> all = ContendedLines.rank(db, Integer.MAX_VALUE, 1);
            assertEquals(c.lines().size(), all.size());
            double shares = all.stream().mapToDouble(l -> l.shareOfListed() == null ? 0 : l.shareOfListed()).sum();
            assertTrue(shares == 0 || Math.abs(shares - 100) < 1e-6, "shares add up to " + shares);
            for (int i = 1; i < all.size(); i++) {
                Long prev = all.get(i - 1).total();
                Long cur = all.get(i).total();
                assertTrue(cur == null || (prev != null && prev >= cur), "rank " + (i + 1) + " out of order");
            }
            assertEquals(0, db.allocator().getAllocatedMemory());
        }
    }

    @Test
    void storesEveryCaptureUnderItsOwnId() throws Exception {
        Path store = dir.resolve("all.duckdb");
        List<C2cCapture> captures = new ArrayList<>();
        for (Path p : allSeedTraces().toList()) {
            captures.add(C2cReportParser.parse(p, false));
        }
        try (HitmapDb db = HitmapDb.openStore(store, false)) {
            for (int i = 0; i < captures.size(); i++) {
                assertEquals(i + 1, db.addCapture(captures.get(i)));
            }
        }
        try (HitmapDb db = HitmapDb.openStore(store, true)) {
            List<List<Object>> expected = new ArrayList<>();
            for (int i = 0; i < captures.size(); i++) {
                expected.add(row((long) i + 1, captures.get(i).path(), (long) captures.get(i).lines().size()));
            }
            assertEquals(expected, db.query("SELECT c.capture_id, c.path, count(l.line_index) FROM captures c "
                    + "LEFT JOIN c2c_lines l USING (capture_id) GROUP BY ALL ORDER BY 1").rows());
        }
    }

    /** The unmerged 2022 peer layout: the 93.94% Snoop Peer row (second in the file) ranks first. */
    @Test
    void ranksAccessorsOfTheUnmergedPeerLayoutByTheirSnoopPeerShare() throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.addCapture(C2cReportParser.parse(TRACES.resolve("memstress-peer-v3-spe.c2c.txt"), false));
            RankedLine line = ContendedLines.rank(db, 1, 2).get(0);
            assertEquals(99L, line.total());
            assertEquals(1, line.topAccessors().get(0).rowInLine());
            assertEquals(41, line.topAccessors().get(0).offset());
        }
    }
}
