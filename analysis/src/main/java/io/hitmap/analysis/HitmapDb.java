// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.arrow.ArrowCapture;
import io.hitmap.ingest.arrow.C2cToArrow;
import io.hitmap.ingest.arrow.HitmapTables;
import io.hitmap.ingest.c2c.C2cCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;

/**
 * Parsed captures -> DuckDB tables (in memory, or a {@code .duckdb} store file) that SQL can
 * query. Rows arrive only through the Arrow C stream bridge: register the stream as a view,
 * {@code INSERT ... SELECT} from it once, drop the view (a stream can be read only once).
 */
public final class HitmapDb implements AutoCloseable {
    private static final String MEMORY = ":memory:";
    // temporary views over the Arrow streams; each must go before its stream's memory does
    private static final String VIEW_PREFIX = "hitmap_in_";

    private final String name;
    private final boolean readOnly;
    private final Connection conn;
    private final BufferAllocator allocator = new RootAllocator();

    private HitmapDb(String name, boolean readOnly, Connection conn) {
        this.name = name;
        this.readOnly = readOnly;
        this.conn = conn;
    }

    /** An empty database with every table, gone when closed. */
    public static HitmapDb inMemory() throws SQLException {
        HitmapDb db = new HitmapDb(MEMORY, false, connect("jdbc:duckdb:", new Properties()));
        try {
            StoreSchema.create(db.conn);
            AnalysisViews.install(db.conn);
        } catch (SQLException | RuntimeException e) {
            db.closeAfter(e);
            throw e;
        }
        return db;
    }

    /**
     * Opens the store file, creating it (tables and {@code schema_version}) when it does not
     * exist and {@code readOnly} is false. Any number of processes may open a store read-only,
     * but only one may hold it for writing.
     *
     * @throws StoreException when the file is missing (read-only) or cannot be created there, is a
     *     directory, locked, not a hitmap store or of another schema_version
     */
    public static HitmapDb openStore(Path store, boolean readOnly) throws SQLException {
        String name = store.toString();
        if (Files.isDirectory(store)) {
            throw new StoreException(name, "is a directory, not a store");
        }
        if (readOnly && !Files.isRegularFile(store)) {
            throw new StoreException(name, "no such store; ingest a capture into it first");
        }
        if (!Files.exists(store)) {
            requireDirectoryFor(store);
        }
        Properties props = new Properties();
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        }
        Connection conn;
        try {
            conn = connect("jdbc:duckdb:" + store.toAbsolutePath(), props);
        } catch (SQLException e) {
            throw StoreException.fromOpenFailure(name, e);
        }
        HitmapDb db = new HitmapDb(name, readOnly, conn);
        try {
            StoreSchema.check(conn, name, readOnly);
            AnalysisViews.install(conn);
        } catch (SQLException | RuntimeException e) {
            db.closeAfter(e);
            throw e;
        }
        return db;
    }

    /**
     * Adds {@code c} as capture {@code max(capture_id) + 1} and returns that id. All tables are
     * written in one transaction: on any failure nothing of the capture remains.
     */
    public int addCapture(C2cCapture c) throws SQLException {
        return addCaptures(List.of(c)).get(0);
    }

    /**
     * Adds the captures in order, each as {@code max(capture_id) + 1}, and returns their ids. All of
     * them are written in one transaction: when one fails, none of them remains.
     */
    public List<Integer> addCaptures(List<C2cCapture> captures) throws SQLException {
        try {
            return insertCaptures(captures.stream().map(C2cToArrow::capture).toList());
        } catch (IOException | PerfParseException e) {
            throw new IllegalStateException("a parsed c2c capture cannot fail to read", e);
        }
    }

    /**
     * Adds captures of any kind in order, each as {@code max(capture_id) + 1}, in one transaction,
     * and returns their ids. A streaming capture parses while it is written; when it fails (a parse
     * error included) nothing of any of them remains.
     */
    public List<Integer> insertCaptures(List<? extends ArrowCapture> captures)
            throws SQLException, IOException, PerfParseException {
        return inTransaction(captures, duck -> {
            List<Integer> ids = new ArrayList<>();
            for (ArrowCapture c : captures) {
                ids.add(insert(duck, c));
            }
            return ids;
        });
    }

    /** What became of one capture given to {@link #insertNew}. */
    public record Added(int captureId, boolean duplicate) {
    }

    /**
     * Adds the captures whose input bytes are not in the store yet, in one transaction, as
     * {@link #insertCaptures} does. A capture whose SHA-256 is known beforehand and already stored
     * (or added earlier in the list) is not written: its {@link Added} names the stored capture. A
     * streaming capture learns its SHA-256 only at the end of its input (a pipe cannot be read twice):
     * when it then turns out to be stored already, its rows are deleted again in the same transaction.
     */
    public List<Added> insertNew(List<? extends ArrowCapture> captures)
            throws SQLException, IOException, PerfParseException {
        return inTransaction(captures, duck -> {
            List<Added> added = new ArrayList<>();
            for (ArrowCapture c : captures) {
                OptionalInt stored = c.sha256() == null ? OptionalInt.empty() : captureWithSha256(c.sha256());
                if (stored.isPresent()) {
                    added.add(new Added(stored.getAsInt(), true));
                    continue;
                }
                int id = insert(duck, c);
                OptionalInt earlier = c.sha256() == null ? OptionalInt.empty() : captureWithSha256(c.sha256());
                if (earlier.isPresent() && earlier.getAsInt() != id) {
                    deleteCapture(id);
                    added.add(new Added(earlier.getAsInt(), true));
                } else {
                    added.add(new Added(id, false));
                }
            }
            return added;
        });
    }

    private interface Body<T> {
        T run(DuckDBConnection duck) throws SQLException, IOException, PerfParseException;
    }

    private <T> T inTransaction(List<? extends ArrowCapture> captures, Body<T> body)
            throws SQLException, IOException, PerfParseException {
        if (readOnly) {
            throw new StoreException(name, "store is open read-only; cannot add "
                    + captures.stream().map(ArrowCapture::path).collect(Collectors.joining(", ")));
        }
        DuckDBConnection duck = conn.unwrap(DuckDBConnection.class);
        conn.setAutoCommit(false);
        try {
            T result = body.run(duck);
            conn.commit();
            return result;
        } catch (SQLException | IOException | PerfParseException | RuntimeException e) {
            abort(e);
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    private void deleteCapture(int id) throws SQLException {
        List<String> tables = new ArrayList<>(HitmapTables.TABLES.keySet());
        Collections.reverse(tables); // captures last
        for (String table : tables) {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table + " WHERE capture_id = ?")) {
                ps.setInt(1, id);
                ps.executeUpdate();
            }
        }
    }

    /** The id of a capture whose input had this SHA-256 (the lowest, if several), or empty. */
    public OptionalInt captureWithSha256(String sha256) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT min(capture_id) FROM captures WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int id = rs.getInt(1);
                return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(id);
            }
        }
    }

    /** Runs one SQL statement on a fresh Statement; a statement without rows gives an empty table. */
    public ResultTable query(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            if (!st.execute(sql)) {
                return new ResultTable(List.of(), List.of());
            }
            try (ResultSet rs = st.getResultSet()) {
                return ResultTable.read(rs);
            }
        }
    }

    /** The store path as given, or {@code :memory:}. */
    public String name() {
        return name;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** For SQL that needs parameters (ContendedLines); callers must not close it. */
    Connection connection() {
        return conn;
    }

    BufferAllocator allocator() {
        return allocator;
    }

    @Override
    public void close() throws SQLException {
        try {
            conn.close();
        } finally {
            allocator.close();
        }
    }

    private int nextCaptureId() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(capture_id), 0) + 1 FROM captures")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int insert(DuckDBConnection duck, ArrowCapture c) throws SQLException, IOException, PerfParseException {
        try (BufferAllocator child = allocator.newChildAllocator("capture", 0, Long.MAX_VALUE)) {
            int id = nextCaptureId();
            try (InsertPipeline pipeline = new InsertPipeline(child, (table, batch) -> insert(duck, child, table, batch))) {
                c.write(child, id, pipeline);
                pipeline.finish();
            }
            return id;
        }
    }

    private void insert(DuckDBConnection duck, BufferAllocator a, String table, VectorSchemaRoot root)
            throws SQLException {
        if (root.getRowCount() == 0) {
            return;
        }
        String view = VIEW_PREFIX + table;
        try (ArrowReader reader = new RootReader(a, root);
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(a)) {
            Data.exportArrayStream(a, reader, stream);
            duck.registerArrowStream(view, stream);
            try (Statement st = conn.createStatement()) {
                st.execute("INSERT INTO " + table + " BY NAME SELECT * FROM " + view);
            }
            try (Statement st = conn.createStatement()) {
                st.execute("DROP VIEW " + view);
            }
        } catch (IOException e) {
            throw new SQLException("closing the Arrow stream of " + table, e);
        }
    }

    // roll back, then drop the stream views: after a failed insert one may still point at
    // released stream memory, and no later query may reach it
    private void abort(Exception cause) {
        rollback(conn, cause); // addCaptures' finally turns autocommit back on
        for (String table : HitmapTables.TABLES.keySet()) {
            try (Statement st = conn.createStatement()) {
                st.execute("DROP VIEW IF EXISTS " + VIEW_PREFIX + table);
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }

    // DuckDB unpacks its native library into java.io.tmpdir when the driver first connects; when
    // that fails the class initialiser throws, and every later attempt a NoClassDefFoundError
    private static Connection connect(String url, Properties props) throws SQLException {
        try {
            return DriverManager.getConnection(url, props);
        } catch (LinkageError e) {
            throw new NativeLibraryException(e);
        }
    }

    private static void requireDirectoryFor(Path store) throws StoreException {
        Path dir = store.getParent() != null ? store.getParent() : store.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new StoreException(store.toString(), "cannot create the store: "
                    + (Files.exists(dir) ? dir + " is not a directory" : "directory " + dir + " does not exist"));
        }
    }

    static void rollback(Connection conn, Exception cause) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void closeAfter(Exception cause) {
        try {
            close();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
