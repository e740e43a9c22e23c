// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import io.hitmap.ingest.arrow.HitmapTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schemas of {@link HitmapTables} -> DuckDB tables, its views over them, plus
 * {@code hitmap_meta(key, value)} whose {@code schema_version} row tells a hitmap store from any
 * other DuckDB file.
 */
final class StoreSchema {
    static final String VERSION = "4";
    static final String META = "hitmap_meta";

    private StoreSchema() {
    }

    /** Creates every table, every view and the meta row in one transaction. */
    static void create(Connection conn) throws SQLException {
        List<String> ddl = new ArrayList<>();
        HitmapTables.TABLES.forEach((name, schema) -> ddl.add(createTable(name, schema)));
        HitmapTables.VIEWS.forEach((name, query) -> ddl.add("CREATE VIEW " + name + " AS " + query));
        ddl.add("CREATE TABLE " + META + " (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
        ddl.add("INSERT INTO " + META + " VALUES ('schema_version', '" + VERSION + "')");
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            for (String sql : ddl) {
                st.execute(sql);
            }
            conn.commit();
        } catch (SQLException e) {
            HitmapDb.rollback(conn, e);
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
    }

    /** {@code CREATE TABLE c2c_lines ("capture_id" INTEGER NOT NULL, ...)}; identifiers quoted ("offset" is reserved). */
    static String createTable(String name, Schema schema) {
        List<String> cols = new ArrayList<>();
        for (Field f : schema.getFields()) {
            cols.add("\"" + f.getName() + "\" " + sqlType(f) + (f.isNullable() ? "" : " NOT NULL"));
        }
        String pk = HitmapTables.PRIMARY_KEYS.get(name);
        if (pk != null) {
            cols.add("PRIMARY KEY (" + pk + ")");
        }
        return "CREATE TABLE " + name + " (" + String.join(", ", cols) + ")";
    }

    private static String sqlType(Field f) {
        ArrowType t = f.getType();
        if (t instanceof ArrowType.Int i && i.getIsSigned() && i.getBitWidth() == 32) {
            return "INTEGER";
        }
        if (t instanceof ArrowType.Int i && i.getIsSigned() && i.getBitWidth() == 64) {
            return "BIGINT";
        }
        if (t instanceof ArrowType.FloatingPoint p && p.getPrecision() == FloatingPointPrecision.DOUBLE) {
            return "DOUBLE";
        }
        if (t instanceof ArrowType.Utf8) {
            return "VARCHAR";
        }
        throw new IllegalStateException("no DuckDB type for " + f);
    }

    /**
     * Checks that {@code conn} holds a hitmap store of this schema version; an empty database
     * opened for writing becomes one.
     */
    static void check(Connection conn, String store, boolean readOnly) throws SQLException {
        TreeSet<String> tables = tables(conn);
        if (!tables.contains(META)) {
            if (tables.isEmpty() && !readOnly) {
                create(conn);
                return;
            }
            throw new StoreException(store, "not a hitmap store: expected table " + META + ", found "
                    + (tables.isEmpty() ? "an empty database" : "tables " + String.join(", ", tables)));
        }
        String version = null;
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM " + META + " WHERE key = 'schema_version'")) {
            if (rs.next()) {
                version = rs.getString(1);
            }
        }
        if (version != null && version.matches("\\d{1,9}") && Integer.parseInt(version) > Integer.parseInt(VERSION)) {
            throw new StoreException(store, "store has a newer schema_version, '" + version + "', than this hitmap"
                    + " reads ('" + VERSION + "'); a later hitmap version wrote it");
        }
        if (!VERSION.equals(version)) {
            throw new StoreException(store, "store has schema_version "
                    + (version == null ? "(none)" : "'" + version + "'") + ", expected '" + VERSION
                    + "'; it was written by another hitmap version, so ingest into a new store");
        }
        for (String table : HitmapTables.TABLES.keySet()) {
            if (!tables.contains(table)) {
                throw new StoreException(store, "damaged hitmap store: expected table " + table + ", found none");
            }
        }
        TreeSet<String> views = names(conn, "view_name", "duckdb_views()");
        for (String view : HitmapTables.VIEWS.keySet()) {
            if (!views.contains(view)) {
                throw new StoreException(store, "damaged hitmap store: expected view " + view + ", found none");
            }
        }
    }

    private static TreeSet<String> tables(Connection conn) throws SQLException {
        return names(conn, "table_name", "duckdb_tables()");
    }

    private static TreeSet<String> names(Connection conn, String column, String catalog) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + column + " FROM " + catalog
                     + " WHERE database_name = current_database() AND schema_name = 'main'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
