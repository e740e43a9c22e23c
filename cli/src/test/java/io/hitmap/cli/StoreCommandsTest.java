// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.analysis.StoreException;
import io.hitmap.cli.CliEndToEndTest.Run;
import io.hitmap.ingest.c2c.C2cCapture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest} into and {@code query} over a store: duplicates, all-or-nothing, warnings, store messages. */
class StoreCommandsTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final Path BEFORE = TRACES.resolve("overlayfs-creds-before.c2c.txt");
    private static final Path AFTER = TRACES.resolve("overlayfs-creds-after.c2c.txt");
    private static final Path MMAP = TRACES.resolve("will-it-scale-mmap-5.13-intel-new.c2c.txt");
    @TempDir
    Path tmp;

    private String count(Path store, String table) {
        Run r = run("query", "--store", store.toString(), "--format", "csv", "--sql", "select count(*) from " + table);
        assertEquals(0, r.code(), r.err());
        return r.out().split("\r\n")[1];
    }

    @Test
    void skipsAFileGivenTwiceInOneIngest() throws IOException {
        Path store = tmp.resolve("c2c.duckdb");
        Path copy = Files.copy(BEFORE, tmp.resolve("same-bytes.c2c.txt"));
        Run r = run("ingest", BEFORE.toString(), AFTER.toString(), copy.toString(), "--store", store.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        assertTrue(lines[0].startsWith(BEFORE + ": capture 1, 3 lines, 13 accessors "), r.out());
        assertTrue(lines[1].startsWith(AFTER + ": capture 2, "), r.out());
        assertEquals(copy + ": already in the store as capture 1 (same SHA-256), skipped", lines[2]);
        assertEquals("2", count(store, "captures"));
    }

    @Test
    void keepsTheStoreAsItWasWhenALaterFileFailsToStore() throws SQLException {
        Path store = tmp.resolve("c2c.duckdb");
        assertEquals(0, run("ingest", BEFORE.toString(), "--store", store.toString()).code());
        // the parser accepts no file that the store rejects, so the store learns to reject one: a CHECK
        // on captures.path that overlayfs-creds-after fails, added by rebuilding the table
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store.toAbsolutePath());
             Statement st = c.createStatement()) {
            String ddl;
            try (ResultSet rs = st.executeQuery("SELECT sql FROM duckdb_tables() WHERE table_name = 'captures'")) {
                rs.next();
                ddl = rs.getString(1);
            }
            st.execute(ddl.replace("CREATE TABLE captures", "CREATE TABLE checked")
                    .replaceFirst("\\);?\\s*$", ", CHECK (path NOT LIKE '%creds-after%'))"));
            st.execute("INSERT INTO checked SELECT * FROM captures");
            st.execute("DROP TABLE captures");
            st.execute("ALTER TABLE checked RENAME TO captures");
        }
        Run r = run("ingest", MMAP.toString(), AFTER.toString(), "--store", store.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("CHECK constraint"), r.err());
        assertEquals("", r.out());
        assertEquals("1", count(store, "captures"), "the mmap capture went with the one that failed");
        assertEquals("3", count(store, "c2c_lines"), "overlayfs-creds-before's 3 lines, no more");
    }

    @Test
    void printsTheWarningsOfACaptureOnePerLine() {
        C2cCapture c = new C2cCapture("x.c2c.txt", "table-6.x", ">=6.0", "hitm", 10, 8, 1, 1, List.of(7), List.of(),
                List.of(), List.of(), List.of(), null,
                List.of("line 12: Pareto block 0 says 412 remote HITMs, its table row (line 5) says 413",
                        "symbol with \u001b[2J in it"));
        StringWriter err = new StringWriter();
        Inputs.warn("x.c2c.txt", c.warnings(), c.linesSkipped(), c.skippedLineNos(), new PrintWriter(err));
        assertEquals("""
                hitmap: warning: x.c2c.txt: line 12: Pareto block 0 says 412 remote HITMs, its table row (line 5) says 413
                hitmap: warning: x.c2c.txt: symbol with \\x1b[2J in it
                hitmap: warning: x.c2c.txt: skipped 1 unrecognised line (first: 7)
                """, err.toString());
    }

    @Test
    void namesTheMissingDirectoryOfANewStore() {
        Path store = tmp.resolve("no/such/c2c.duckdb");
        Run r = run("ingest", BEFORE.toString(), "--store", store.toString());
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + store + ": cannot create the store: directory " + tmp.resolve("no/such")
                + " does not exist\n"
                + "hitmap: hint: create that directory first, or pass a store in an existing one\n", r.err());
    }

    @Test
    void saysADirectoryIsNotAStore() {
        String store = tmp.toString();
        for (String[] args : List.of(new String[] {"lines", "--store", store},
                new String[] {"query", "--store", store, "--sql", "select 1"},
                new String[] {"ingest", BEFORE.toString(), "--store", store})) {
            Run r = run(args);
            assertEquals(3, r.code(), args[0] + ": " + r.err());
            assertEquals("hitmap: error: " + store + ": is a directory, not a store\n"
                    + "hitmap: hint: pass the store's .duckdb file, e.g. --store " + store + "/c2c.duckdb\n", r.err(),
                    args[0]);
        }
    }

    @Test
    void hintsToIngestAgainIntoANewStoreOfAnotherSchemaVersion() throws SQLException {
        Path store = tmp.resolve("old.duckdb");
        assertEquals(0, run("ingest", BEFORE.toString(), "--store", store.toString()).code());
        setSchemaVersion(store, "1");
        Run r = run("lines", "--store", store.toString());
        assertEquals(3, r.code());
        String[] err = r.err().split("\n");
        assertEquals(2, err.length, r.err());
        assertTrue(err[0].startsWith("hitmap: error: " + store + ": store has schema_version '1', expected "), r.err());
        assertEquals("hitmap: hint: ingest the captures again into a new store", err[1]);
    }

    private static void setSchemaVersion(Path store, String version) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("UPDATE hitmap_meta SET value = '" + version + "' WHERE key = 'schema_version'");
        }
    }

    @Test
    void refusesAStoreWrittenByANewerHitmapWithoutTouchingIt() throws SQLException {
        Path store = tmp.resolve("newer.duckdb");
        assertEquals(0, run("ingest", BEFORE.toString(), "--store", store.toString()).code());
        setSchemaVersion(store, "17");
        for (String[] args : List.of(new String[] {"lines", "--store", store.toString()},
                new String[] {"ingest", AFTER.toString(), "--store", store.toString()})) {
            Run r = run(args);
            assertEquals(3, r.code(), args[0] + ": " + r.err());
            assertEquals("hitmap: error: " + store + ": store has a newer schema_version, '17', than this hitmap reads"
                    + " ('4'); a later hitmap version wrote it\nhitmap: hint: open it with the hitmap that wrote it, or"
                    + " ingest the captures again into a new store\n", r.err(), args[0]);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store.toAbsolutePath());
             Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM captures")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the refused ingest added nothing");
        }
    }

    @Test
    void hintsToPassAStoreWrittenByIngestForAnotherFile() throws IOException {
        Path notAStore = Files.copy(BEFORE, tmp.resolve("before copy.duckdb"));
        Run r = run("query", "--store", notAStore.toString(), "--sql", "select 1");
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + notAStore + ": not a hitmap store: expected a DuckDB database file, found "
                + "another kind of file\nhitmap: hint: pass a store written by 'hitmap ingest'\n", r.err());
        Run missing = run("lines", "--store", tmp.resolve("it's new.duckdb").toString());
        assertTrue(missing.err().endsWith("\nhitmap: hint: create one with: hitmap ingest FILE --store '"
                + tmp + "/it'\\''s new.duckdb'\n"), missing.err());
    }

    @Test
    void hintsToWaitForTheHitmapThatHoldsTheStore() {
        // analysis' message for DuckDB's "Could not set lock ... (PID 4707)"; a second process would be needed
        // to hold the lock for real, since one JVM shares its DuckDB database instances
        StoreException inUse = new StoreException("c2c.duckdb",
                "store is in use by another process (PID 4707); try again when it has finished");
        assertEquals("wait for the other hitmap to finish", StoreHint.of(inUse));
        assertEquals(null, StoreHint.of(new StoreException("c2c.duckdb", "something new")));
    }

    @Test
    void refusesWritesThroughQueryAsReadOnly() {
        Path store = tmp.resolve("c2c.duckdb");
        assertEquals(0, run("ingest", BEFORE.toString(), "--store", store.toString()).code());
        for (String sql : List.of("drop table captures", "insert into hitmap_meta values ('k', 'v')",
                "create table mine (x int)")) {
            Run r = run("query", "--store", store.toString(), "--sql", sql);
            assertEquals(2, r.code(), sql);
            String type = sql.substring(0, sql.indexOf(' ')).toUpperCase(Locale.ROOT);
            assertEquals("hitmap: error: " + store + ": " + type + " refused: the store is opened read-only by "
                    + "'query'; captures are added with 'hitmap ingest'\n", r.err(), sql);
        }
        assertEquals("1", count(store, "captures"));
    }
}
