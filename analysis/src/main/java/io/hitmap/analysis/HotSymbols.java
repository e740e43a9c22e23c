// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The perf report captures of a {@link HitmapDb} -> their hottest symbols, self and with callees,
 * filtered by event, shared object, command and kernel/user. The rules are the SQL in
 * {@code hot-symbols.sql} next to this class.
 */
public final class HotSymbols {
    private static final String SQL = ContendedLines.resource("hot-symbols.sql");

    /** Which symbols: null fields do not filter. */
    public record Filter(String event, String sharedObject, String command, Boolean kernel) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    private HotSymbols() {
    }

    /**
     * The {@code top} symbols of each capture, by self share, or by children share when
     * {@code byChildren} (self when the report has none).
     */
    public static ResultTable top(HitmapDb db, Filter f, boolean byChildren, int top) throws SQLException {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
        try (PreparedStatement ps = db.connection().prepareStatement(SQL)) {
            text(ps, 1, f.event());
            text(ps, 2, f.sharedObject());
            text(ps, 3, f.command());
            text(ps, 4, f.kernel() == null ? null : f.kernel() ? "k" : "u");
            ps.setString(5, byChildren ? "children" : "self");
            ps.setInt(6, top);
            try (ResultSet rs = ps.executeQuery()) {
                return ResultTable.read(rs);
            }
        }
    }

    private static void text(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }
}
