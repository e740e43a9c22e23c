// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import static io.hitmap.analysis.Captures.capture;
import static io.hitmap.analysis.Captures.hitmLine;
import static io.hitmap.analysis.Captures.stat;
import static io.hitmap.analysis.Captures.withSummary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hitmap.analysis.StatsOnlyCapture.Total;
import io.hitmap.ingest.c2c.C2cCapture;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Captures without cache lines ({@code perf c2c report --stats}) -> their key totals, by metric. */
class StatsOnlyCapturesTest {
    private static final String TRACE = "Trace Event Information";
    private static final String GLOBAL = "Global Shared Cache Line Event Information";

    @Test
    void listsCapturesWithoutLinesWithTheTotalsOfTheirMetric() throws SQLException {
        C2cCapture withLines = capture("lines.c2c.txt", "hitm", List.of(hitmLine(0, 1L, 0L, 1L)), List.of());
        // keys in the file's order differ from the order shown; 'Load HIT Peer' is not a HITM total
        C2cCapture hitm = withSummary(capture("hitm-stats.c2c.txt", "hitm", List.of(), List.of()), List.of(
                stat(TRACE, "Total records", "1234", 1234.0, 11),
                stat(TRACE, "Load Remote HITM", "1403", 1403.0, 16),
                stat(TRACE, "Load Local HITM", "133", 133.0, 15),
                stat(TRACE, "Load HIT Peer", "0", 0.0, 17),
                stat(GLOBAL, "Total Shared Cache Lines", "35", 35.0, 40)), List.of());
        C2cCapture peer = withSummary(capture("peer-stats.c2c.txt", "peer", List.of(), List.of()), List.of(
                stat(TRACE, "Load HIT Local Peer", "112", 112.0, 14),
                stat(TRACE, "Load HIT Remote Peer", "-nan%", null, 15),
                stat(TRACE, "Load Local HITM", "0", 0.0, 16)), List.of());
        C2cCapture bare = capture("bare.c2c.txt", "hitm", List.of(), List.of());
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.addCaptures(List.of(withLines, hitm, peer, bare));
            assertEquals(List.of(
                    new StatsOnlyCapture(2, "hitm-stats.c2c.txt", "hitm", List.of(
                            new Total("Load Local HITM", "133", 133.0), new Total("Load Remote HITM", "1403", 1403.0),
                            new Total("Total Shared Cache Lines", "35", 35.0))),
                    new StatsOnlyCapture(3, "peer-stats.c2c.txt", "peer", List.of(
                            new Total("Load HIT Local Peer", "112", 112.0),
                            new Total("Load HIT Remote Peer", "-nan%", null))),
                    new StatsOnlyCapture(4, "bare.c2c.txt", "hitm", List.of())),
                    StatsOnlyCaptures.list(db));
        }
    }

    @Test
    void listsNothingWhenEveryCaptureHasLines() throws SQLException {
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.addCapture(capture("lines.c2c.txt", "hitm", List.of(hitmLine(0, 1L, 0L, 1L)), List.of()));
            assertEquals(List.of(), StatsOnlyCaptures.list(db));
        }
    }
}
