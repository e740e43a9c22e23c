// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import io.hitmap.ingest.arrow.C2cSchemas;
import io.hitmap.ingest.arrow.C2cToArrow;
import io.hitmap.ingest.arrow.CaptureTables;
import io.hitmap.ingest.c2c.C2cCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
        HitmapDb db = new HitmapDb(MEMORY, false, DriverManager.getConnection("jdbc:duckdb:"));
        try {
            StoreSchema.create(db.conn);
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
     * @throws StoreException when the file is missing (read-only), locked, not a hitmap store
     *     or of another schema_version
     */
    public static HitmapDb openStore(Path store, boolean readOnly) throws SQLException {
        String name = store.toString();
        if (readOnly && !Files.isRegularFile(store)) {
            throw new StoreException(name, "no such store; ingest a capture into it first");
        }
        Properties props = new Properties();
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        }
        Connection conn;
        try {
            conn = DriverManager.getConnection("jdbc:duckdb:" + store.toAbsolutePath(), props);
        } catch (SQLException e) {
            throw StoreException.fromOpenFailure(name, e);
        }
        HitmapDb db = new HitmapDb(name, readOnly, conn);
        try {
            StoreSchema.check(conn, name, readOnly);
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
        if (readOnly) {
            throw new StoreException(name, "store is open read-only; cannot add " + c.path());
        }
        DuckDBConnection duck = conn.unwrap(DuckDBConnection.class);
        conn.setAutoCommit(false);
        try (BufferAllocator child = allocator.newChildAllocator("capture", 0, Long.MAX_VALUE)) {
            int id = nextCaptureId();
            try (CaptureTables tables = C2cToArrow.convert(child, id, c)) {
                for (Map.Entry<String, VectorSchemaRoot> t : tables.tables().entrySet()) {
                    insert(duck, child, t.getKey(), t.getValue());
                }
            }
            conn.commit();
            return id;
        } catch (SQLException | RuntimeException e) {
            abort(e);
            throw e;
        } finally {
            conn.setAutoCommit(true);
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
        try {
            conn.rollback();
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        for (String table : C2cSchemas.TABLES.keySet()) {
            try (Statement st = conn.createStatement()) {
                st.execute("DROP VIEW IF EXISTS " + VIEW_PREFIX + table);
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
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
