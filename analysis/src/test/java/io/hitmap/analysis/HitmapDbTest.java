// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import static io.hitmap.analysis.Captures.capture;
import static io.hitmap.analysis.Captures.hitmAccess;
import static io.hitmap.analysis.Captures.hitmLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.ingest.c2c.C2cCallgraphLine;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cSummaryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-built captures -> DuckDB (memory and store files) -> the same numbers back through SQL. */
class HitmapDbTest {
    private static final String STREAM_VIEWS = "SELECT count(*) FROM duckdb_views() WHERE view_name LIKE 'hitmap_in_%'";

    @TempDir
    Path dir;

    static C2cCapture sample() {
        C2cCapture c = capture("fs.c2c.txt", "hitm",
                List.of(hitmLine(0, 252L, 0L, 252L), hitmLine(1, 129L, 9L, 120L)),
                List.of(hitmAccess(0, 0, 0.0, 12.3), hitmAccess(0, 1, null, 86.9), hitmAccess(1, 0, 100.0, 0.0)));
        return Captures.withSummary(c,
                List.of(new C2cSummaryEntry("Trace Event Information", "Load Local HITM", "5926", 5926.0, 14),
                        new C2cSummaryEntry("c2c details", "Cachelines sort on", "Total HITMs", null, 53)),
                List.of(new C2cCallgraphLine(0, 1, 0, "---worker_1", 102)));
    }

    @Test
    void roundTripsAHandBuiltCaptureInMemory() throws SQLException {
        try (HitmapDb db = HitmapDb.inMemory()) {
            assertEquals(1, db.addCapture(sample()));
            assertEquals(rows(row(1L, "fs.c2c.txt", "c2c", "table-6.x", ">=6.0", "hitm", 40L, 30L, 8L, 2L, "17,23",
                            null, null)),
                    db.query("SELECT * FROM captures").rows());
            assertEquals(rows(row(0L, "0x1000", 252L, 252L, 0L, null, null, 100L, "table", 10L),
                            row(1L, "0x1040", 129L, 120L, 9L, null, null, 101L, "table", 11L)),
                    db.query("SELECT line_index, address, tot_hitm, lcl_hitm, rmt_hitm, tot_peer, hitm_pct, "
                            + "total_records, source, source_line_no FROM c2c_lines ORDER BY line_index").rows());
            assertEquals(rows(row(0L, 1L, 8L, null, 86.9, "worker_1", ".", "app", "app.c:31", "0 1", "4242:4301")),
                    db.query("SELECT line_index, row_in_line, \"offset\", rmt_hitm_pct, lcl_hitm_pct, symbol, "
                            + "privilege, object, source_line, nodes, tid FROM c2c_accesses "
                            + "WHERE line_index = 0 AND row_in_line = 1").rows());
            assertEquals(rows(row("---worker_1")), db.query("SELECT text FROM c2c_callgraph").rows());
        }
    }

    @Test
    void looksUpSummaryValuesByKey() throws SQLException {
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.addCapture(sample());
            ResultTable t = db.query("SELECT value, value_num FROM c2c_summary WHERE key = 'Load Local HITM'");
            assertEquals(List.of("value", "value_num"), t.columns());
            assertEquals(rows(row("5926", 5926.0)), t.rows());
            assertEquals(rows(row("Total HITMs", null)),
                    db.query("SELECT value, value_num FROM c2c_summary WHERE section = 'c2c details'").rows());
        }
    }

    @Test
    void givesTheSecondCaptureId2() throws SQLException {
        try (HitmapDb db = HitmapDb.inMemory()) {
            assertEquals(1, db.addCapture(sample()));
            assertEquals(2, db.addCapture(sample()));
            assertEquals(rows(row(1L, 2L), row(2L, 2L)), db.query(
                    "SELECT capture_id, count(*) FROM c2c_lines GROUP BY ALL ORDER BY 1").rows());
        }
    }

    @Test
    void normalisesQueryValuesToLongDoubleStringBoolean() throws SQLException {
        try (HitmapDb db = HitmapDb.inMemory()) {
            ResultTable t = db.query("SELECT 1::INTEGER i, 2::BIGINT b, sum(3::BIGINT) h, 1.5::DECIMAL(4,1) d, "
                    + "'x' s, true t, NULL n, [1, 2] l");
            assertEquals(List.of("i", "b", "h", "d", "s", "t", "n", "l"), t.columns());
            assertEquals(rows(row(1L, 2L, 3L, 1.5, "x", true, null, "[1, 2]")), t.rows());
        }
    }

    @Test
    void staysUsableAfterAFailedQuery() throws SQLException {
        try (HitmapDb db = HitmapDb.inMemory()) {
            assertThrows(SQLException.class, () -> db.query("SELECT nope FROM captures"));
            assertEquals(rows(row(0L)), db.query("SELECT count(*) FROM captures").rows());
        }
    }

    @Test
    void rollsBackEveryTableWhenOneInsertFails() throws SQLException {
        // Two lines with index 0 break c2c_lines' primary key after captures got its row.
        C2cCapture dup = capture("dup.c2c.txt", "hitm", List.of(hitmLine(0, 1L, 0L, 1L), hitmLine(0, 2L, 1L, 1L)),
                List.of(hitmAccess(0, 0, 1.0, 1.0)));
        try (HitmapDb db = HitmapDb.inMemory()) {
            SQLException e = assertThrows(SQLException.class, () -> db.addCapture(dup));
            assertTrue(e.getMessage().contains("duplicate key \"1, 0\""), e.getMessage());
            assertEquals(rows(row(0L, 0L, 0L)), db.query("SELECT (SELECT count(*) FROM captures), "
                    + "(SELECT count(*) FROM c2c_lines), (SELECT count(*) FROM c2c_accesses)").rows());
            assertEquals(0, db.allocator().getAllocatedMemory());
            assertEquals(rows(row(0L)), db.query(STREAM_VIEWS).rows(), "no view left over released memory");
            assertEquals(1, db.addCapture(sample()), "the failed capture used no id");
            assertEquals(rows(row(0L)), db.query(STREAM_VIEWS).rows());
        }
    }

    @Test
    void releasesAllArrowMemory() throws SQLException {
        HitmapDb db = HitmapDb.inMemory();
        db.addCapture(sample());
        db.addCapture(sample());
        assertEquals(0, db.allocator().getAllocatedMemory());
        db.close(); // RootAllocator.close() throws if anything leaked
        assertEquals(0, db.allocator().getAllocatedMemory());
    }

    @Test
    void keepsCapturesInAStoreAcrossReopen() throws SQLException {
        Path store = dir.resolve("caps.duckdb");
        try (HitmapDb db = HitmapDb.openStore(store, false)) {
            assertEquals(1, db.addCapture(sample()));
        }
        try (HitmapDb db = HitmapDb.openStore(store, false)) {
            assertEquals(2, db.addCapture(sample()));
        }
        try (HitmapDb db = HitmapDb.openStore(store, true)) {
            assertTrue(db.isReadOnly());
            assertEquals(rows(row(1L, "fs.c2c.txt"), row(2L, "fs.c2c.txt")),
                    db.query("SELECT capture_id, path FROM captures ORDER BY 1").rows());
            assertEquals(rows(row(2L, 252L)), db.query("SELECT count(*), max(tot_hitm) FROM c2c_lines "
                    + "WHERE line_index = 0").rows());
            assertEquals(rows(row("schema_version", "4")), db.query("SELECT * FROM hitmap_meta").rows());
        }
    }

    @Test
    void refusesToAddToAReadOnlyStore() throws SQLException {
        Path store = dir.resolve("ro.duckdb");
        HitmapDb.openStore(store, false).close();
        try (HitmapDb db = HitmapDb.openStore(store, true)) {
            StoreException e = assertThrows(StoreException.class, () -> db.addCapture(sample()));
            assertEquals(store + ": store is open read-only; cannot add fs.c2c.txt", e.getMessage());
            assertEquals(rows(row(0L)), db.query("SELECT count(*) FROM captures").rows());
        }
    }

    @Test
    void rejectsReadOnlyOpenOfAMissingStore() {
        Path store = dir.resolve("missing.duckdb");
        StoreException e = assertThrows(StoreException.class, () -> HitmapDb.openStore(store, true));
        assertEquals(store + ": no such store; ingest a capture into it first", e.getMessage());
        assertTrue(Files.notExists(store), "a read-only open creates nothing");
    }

    @Test
    void rejectsAStoreOfAnotherSchemaVersion() throws SQLException {
        Path store = dir.resolve("v2.duckdb");
        HitmapDb.openStore(store, false).close();
        // version 1 had no captures.sha256 / captures.warnings
        execute(store, "UPDATE hitmap_meta SET value = '1' WHERE key = 'schema_version'");
        for (boolean readOnly : new boolean[] {true, false}) {
            StoreException e = assertThrows(StoreException.class, () -> HitmapDb.openStore(store, readOnly));
            assertEquals(store + ": store has schema_version '1', expected '4'; it was written by another "
                    + "hitmap version, so ingest into a new store", e.getMessage());
        }
    }

    @Test
    void rejectsADuckDbFileThatIsNotAStore() throws SQLException {
        Path store = dir.resolve("other.duckdb");
        execute(store, "CREATE TABLE samples (x INTEGER)");
        StoreException e = assertThrows(StoreException.class, () -> HitmapDb.openStore(store, false));
        assertEquals(store + ": not a hitmap store: expected table hitmap_meta, found tables samples", e.getMessage());
    }

    @Test
    void rejectsAFileThatIsNotDuckDb() throws Exception {
        Path store = dir.resolve("notes.duckdb");
        Files.writeString(store, "perf c2c report output, not a database\n".repeat(200));
        StoreException e = assertThrows(StoreException.class, () -> HitmapDb.openStore(store, true));
        assertEquals(store + ": not a hitmap store: expected a DuckDB database file, found another kind of file",
                e.getMessage());
    }

    @Test
    void addsSeveralCapturesInOneTransactionOrNone() throws SQLException {
        // the second capture repeats line index 0, which breaks c2c_lines' primary key
        C2cCapture dup = capture("dup.c2c.txt", "hitm", List.of(hitmLine(0, 1L, 0L, 1L), hitmLine(0, 2L, 1L, 1L)),
                List.of());
        Path store = dir.resolve("batch.duckdb");
        try (HitmapDb db = HitmapDb.openStore(store, false)) {
            assertThrows(SQLException.class, () -> db.addCaptures(List.of(sample(), dup)));
            assertEquals(rows(row(0L, 0L)), db.query("SELECT (SELECT count(*) FROM captures), "
                    + "(SELECT count(*) FROM c2c_lines)").rows(), "the first capture was rolled back too");
            assertEquals(List.of(1, 2), db.addCaptures(List.of(sample(), sample())));
        }
        try (HitmapDb db = HitmapDb.openStore(store, true)) {
            assertEquals(rows(row(1L, 2L), row(2L, 2L)), db.query(
                    "SELECT capture_id, count(*) FROM c2c_lines GROUP BY ALL ORDER BY 1").rows());
        }
    }

    @Test
    void findsACaptureByTheSha256OfItsInputAndKeepsItsWarnings() throws SQLException {
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        C2cCapture c = Captures.withWarnings(sample().withSha256(sha),
                List.of("line 7: block header says 412 remote HITMs, table row 0 says 413", "second"));
        try (HitmapDb db = HitmapDb.inMemory()) {
            assertEquals(OptionalInt.empty(), db.captureWithSha256(sha));
            db.addCapture(sample());
            db.addCapture(c);
            assertEquals(OptionalInt.of(2), db.captureWithSha256(sha));
            assertEquals(OptionalInt.empty(), db.captureWithSha256(sha.replace('9', '8')));
            assertEquals(rows(row(sha, "line 7: block header says 412 remote HITMs, table row 0 says 413\nsecond")),
                    db.query("SELECT sha256, warnings FROM captures WHERE capture_id = 2").rows());
        }
    }

    @Test
    void refusesToCreateAStoreInAMissingDirectory() {
        Path store = dir.resolve("no/such/s.duckdb");
        StoreException e = assertThrows(StoreException.class, () -> HitmapDb.openStore(store, false));
        assertEquals(store + ": cannot create the store: directory " + dir.resolve("no/such") + " does not exist",
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("no")));
    }

    @Test
    void refusesADirectoryAsAStore() {
        for (boolean readOnly : new boolean[] {true, false}) {
            StoreException e = assertThrows(StoreException.class, () -> HitmapDb.openStore(dir, readOnly));
            assertEquals(dir + ": is a directory, not a store", e.getMessage());
        }
    }

    @Test
    void explainsAStoreItMayNotOpen() {
        // what DuckDB 1.5 says for a file without read or write permission
        SQLException duck = new SQLException("IO Error: Cannot open file \"/srv/c2c.duckdb\": Permission denied");
        assertEquals("/srv/c2c.duckdb: cannot open the store: permission denied",
                StoreException.fromOpenFailure("/srv/c2c.duckdb", duck).getMessage());
    }

    private static void execute(Path store, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @SafeVarargs
    static List<List<Object>> rows(List<Object>... rows) {
        return List.of(rows);
    }
}
