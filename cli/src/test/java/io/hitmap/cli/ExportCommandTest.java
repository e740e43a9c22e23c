// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.cli.CliEndToEndTest.Run;
import io.hitmap.ingest.arrow.HitmapTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --parquet}: the Parquet files read back by a DuckDB that did not write them, checked
 * against values read off the captures, and the refusals of an unusable DIR.
 */
class ExportCommandTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final Path BEFORE = TRACES.resolve("overlayfs-creds-before.c2c.txt");
    private static final Path AFTER = TRACES.resolve("overlayfs-creds-after.c2c.txt");
    private static final Path MMAP = TRACES.resolve("will-it-scale-mmap-5.13-intel-new.c2c.txt");
    private static final Path REPORT = TRACES.resolve("webref-children-graph.perf-report.txt");
    private static final Path SCRIPT = TRACES.resolve("refbench-shared.perf-script.txt");
    // eg, "    63.44%    63.44%  Web Content  webref                [.] Ref<Label&>::put"
    private static final Pattern REPORT_ENTRY = Pattern.compile("\\s+\\d+\\.\\d+%\\s+\\d+\\.\\d+%\\s.*");
    @TempDir
    Path tmp;

    @Test
    void exportsEveryKindOfCaptureReadableByAnotherDuckDb() throws IOException, SQLException {
        Path dir = tmp.resolve("out");
        Run r = run("export", "--parquet", dir.toString(), BEFORE.toString(), REPORT.toString(), SCRIPT.toString());
        assertEquals(0, r.code(), r.err());
        List<String> script = Files.readAllLines(SCRIPT);
        long samples = script.stream().filter(l -> !l.isBlank() && !l.startsWith("\t") && !l.startsWith("#")).count();
        long frames = script.stream().filter(l -> l.startsWith("\t")).count();
        long entries = Files.readAllLines(REPORT).stream().filter(l -> REPORT_ENTRY.matcher(l).matches()).count();
        Map<String, Long> handCounts = handCounts(BEFORE);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            assertEquals("1 c2c|2 perf-report|3 perf-script", rows(st, "select capture_id || ' ' || kind from "
                    + table(dir, "captures") + " order by capture_id"));
            assertEquals(String.valueOf(handCounts.get("lines")), rows(st, "select count(*) from "
                    + table(dir, "c2c_lines") + " where capture_id = 1"));
            assertEquals(String.valueOf(handCounts.get("accesses")), rows(st, "select count(*) from "
                    + table(dir, "c2c_accesses") + " where capture_id = 1"));
            assertEquals(entries + " 2", rows(st, "select count(*) || ' ' || min(capture_id) from "
                    + table(dir, "profile_entries")));
            // Ref<Label&>::put, line 26 of the report: 63.44% children, 63.44% self
            assertEquals("63.44 63.44", rows(st, "select children || ' ' || self from "
                    + table(dir, "profile_entries") + " where symbol = 'Ref<Label&>::put'"));
            assertEquals(samples + " 3", rows(st, "select count(*) || ' ' || min(capture_id) from "
                    + table(dir, "samples")));
            st.execute("set file_search_path = " + sqlString(dir.toString()));
            for (String view : readmeViews(dir)) {
                st.execute(view);
            }
            assertEquals(String.valueOf(frames), rows(st, "select count(*) from sample_frames"));
            assertEquals("folios_put_refs 107 [kernel.kallsyms]", rows(st, "select symbol || ' ' || sym_offset || ' ' "
                    + "|| dso from sample_frames where sample_no = (select min(sample_no) from samples) and depth = 0"));
        }
        assertFalse(Files.exists(dir.resolve("machine")), "a table without rows has no directory");
        assertTrue(r.out().contains(dir.resolve("machine") + ": 0 rows, not written\n"), r.out());
        assertTrue(r.out().contains(dir.resolve("c2c_lines") + ": " + handCounts.get("lines") + " rows, 1 file\n"),
                r.out());
        assertEquals(HitmapTables.TABLES.size(), r.out().lines().count(), r.out());
    }

    @Test
    void keepsTheHandReadValuesOfAC2cCapture() throws IOException, SQLException {
        Path dir = tmp.resolve("out");
        assertEquals(0, run("export", "-p", dir.toString(), BEFORE.toString()).code());
        List<String[]> facts = handRead(BEFORE).stream().filter(f -> f[1].startsWith("c2c_")).toList();
        assertTrue(facts.size() >= 20, "facts: " + facts.size());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (String[] f : facts) {
                String where = " where capture_id = 1 and line_index = " + f[2]
                        + (f[3].equals("-") ? "" : " and row_in_line = " + f[3]);
                String got = rows(st, "select cast(\"" + f[4] + "\" as varchar) from " + table(dir, f[1]) + where);
                boolean same = f[5].matches("-?[\\d.]+") ? Double.parseDouble(f[5]) == Double.parseDouble(got)
                        : f[5].equals(got);
                assertTrue(same, String.join(" ", f) + " but the Parquet holds " + got);
            }
        }
    }

    @Test
    void queriesSeveralCapturesOfAStoreByCapture() throws IOException, SQLException {
        Path store = tmp.resolve("c2c.duckdb");
        assertEquals(0, run("ingest", BEFORE.toString(), AFTER.toString(), MMAP.toString(), "--store",
                store.toString()).code());
        Path dir = tmp.resolve("out");
        Run r = run("export", "--store", store.toString(), "--parquet", dir.toString());
        assertEquals(0, r.code(), r.err());
        String expected = "1 " + handCounts(BEFORE).get("lines") + "|2 " + handCounts(AFTER).get("lines") + "|3 "
                + handCounts(MMAP).get("lines");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            // the query README.md and SCHEMA.md show
            String documented = "select capture_id, count(*) as n from read_parquet("
                    + sqlString(dir + "/c2c_lines/**/*.parquet") + ", hive_partitioning = true) group by 1 order by 1";
            assertEquals(expected, rows(st, "select capture_id || ' ' || n from (" + documented + ") order by capture_id"));
        }
        assertTrue(Files.isRegularFile(dir.resolve("c2c_lines/capture_id=3/data_0.parquet")));
        assertTrue(Files.readString(dir.resolve("README.txt")).contains("the store " + store), "README.txt");
    }

    @Test
    void refusesADirThatIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("out"), "x");
        Run r = run("export", "--parquet", file.toString(), BEFORE.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("hitmap: error: " + file + ": is a file, not a directory\nhitmap: hint: --parquet names the "
                + "directory to write the tables into; name a new or empty one\n", r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void refusesADirHoldingFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Run r = run("export", "--parquet", dir.toString(), BEFORE.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("hitmap: error: " + dir + ": not empty (holds notes.txt)\nhitmap: hint: export writes into a "
                + "new or empty directory, never over files or beside another export (capture ids would collide); "
                + "remove it (rm -r " + dir + ") or name another\n", r.err());
        assertEquals(List.of(dir.resolve("notes.txt")), Files.list(dir).toList());
    }

    @Test
    void writesIntoAnEmptyDir() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        assertEquals(0, run("export", "--parquet", dir.toString(), BEFORE.toString()).code());
        assertTrue(Files.isRegularFile(dir.resolve("captures/capture_id=1/data_0.parquet")));
    }

    @Test
    void refusesADirItCannotCreate() throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("ro"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root writes anywhere it has permission bits against it; sysfs refuses even root
        Path dir = Files.isWritable(parent) ? Path.of("/sys/hitmap-export-test") : parent.resolve("out");
        try {
            Run r = run("export", "--parquet", dir.toString(), BEFORE.toString());
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().startsWith("hitmap: error: " + dir + ": cannot create the directory: "), r.err());
            assertTrue(r.err().contains("\nhitmap: hint: check that its parent is a directory you may write: ls -ld "
                    + dir.getParent() + "\n"), r.err());
            r.assertNoStackTrace();
        } finally {
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void refusesAMissingInputWithUsage() {
        Run r = run("export", "--parquet", tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("hitmap: error: missing input: give FILE... or --store S\n"
                + "hitmap: hint: see 'hitmap export --help'\n", r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void leavesNoDirWhenAnInputIsBad() {
        Path dir = tmp.resolve("out");
        Run r = run("export", "--parquet", dir.toString(), BEFORE.toString(), tmp.resolve("nope.txt").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("hitmap: error: " + tmp.resolve("nope.txt") + ": no such file\n"), r.err());
        assertFalse(Files.exists(dir));
    }

    /** {@code read_parquet('DIR/TABLE/**}{@code /*.parquet', hive_partitioning = true)}. */
    private static String table(Path dir, String table) {
        return "read_parquet(" + sqlString(dir + "/" + table + "/**/*.parquet") + ", hive_partitioning = true)";
    }

    private static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Every row's first column, joined with |. */
    private static String rows(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return String.join("|", out);
    }

    /** The {@code create view} statements README.txt gives for sample_frames. */
    private static List<String> readmeViews(Path dir) throws IOException {
        String readme = Files.readString(dir.resolve("README.txt"));
        List<String> views = new ArrayList<>();
        for (String part : readme.split(";")) {
            int at = part.indexOf("create view ");
            if (at >= 0) {
                views.add(part.substring(at));
            }
        }
        assertEquals(3, views.size(), readme);
        return views;
    }

    /** The rows of sample-traces/expected/hand-read.tsv for one capture: fixture, table, line, row, column, value. */
    private static List<String[]> handRead(Path fixture) throws IOException {
        return Files.readAllLines(TRACES.resolve("expected/hand-read.tsv")).stream().map(l -> l.split("\t", -1))
                .filter(f -> f[0].equals(fixture.getFileName().toString())).toList();
    }

    /** Its {@code counts} rows for the whole capture: lines, accesses. */
    private static Map<String, Long> handCounts(Path fixture) throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String[] f : handRead(fixture)) {
            if (f[1].equals("counts") && f[2].equals("-")) {
                m.put(f[4], Long.parseLong(f[5]));
            }
        }
        return m;
    }
}
