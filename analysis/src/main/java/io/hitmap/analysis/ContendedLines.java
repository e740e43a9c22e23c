// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a {@link HitmapDb} -> the most contended cache lines of every capture, ranked
 * by the capture's metric (HITM or Peer) with their top accessors. The ranking rules are the
 * SQL in {@code contended-lines.sql} next to this class.
 */
public final class ContendedLines {
    private static final String SQL = resource("contended-lines.sql");

    private ContendedLines() {
    }

    /**
     * The {@code top} lines of each capture (by capture_id, then rank), each with at most
     * {@code accessorsPerLine} accessors.
     */
    public static List<RankedLine> rank(HitmapDb db, int top, int accessorsPerLine) throws SQLException {
        return rank(db, top, accessorsPerLine, null);
    }

    /**
     * As {@link #rank(HitmapDb, int, int)}, with each accessor's symbol looked up in the perf report
     * capture {@code profileCaptureId} and lines ranked by the profile time they cost (null: no profile).
     */
    public static List<RankedLine> rank(HitmapDb db, int top, int accessorsPerLine, Integer profileCaptureId)
            throws SQLException {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
        if (accessorsPerLine < 0) {
            throw new IllegalArgumentException("accessorsPerLine must not be negative, got " + accessorsPerLine);
        }
        List<RankedLine> lines = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SQL)) {
            ps.setInt(1, top);
            ps.setInt(2, accessorsPerLine);
            if (profileCaptureId == null) {
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setInt(3, profileCaptureId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                RankedLine line = null;
                List<RankedAccessor> accessors = new ArrayList<>();
                while (rs.next()) {
                    RankedLine row = line(rs);
                    if (line == null || line.captureId() != row.captureId() || line.rank() != row.rank()) {
                        addTo(lines, line, accessors);
                        line = row;
                        accessors = new ArrayList<>();
                    }
                    if (rs.getObject("row_in_line") != null) {
                        accessors.add(accessor(rs));
                    }
                }
                addTo(lines, line, accessors);
            }
        }
        return lines;
    }

    private static void addTo(List<RankedLine> lines, RankedLine l, List<RankedAccessor> accessors) {
        if (l != null) {
            lines.add(l.withAccessors(accessors));
        }
    }

    private static RankedLine line(ResultSet rs) throws SQLException {
        return new RankedLine(rs.getInt("capture_id"), rs.getString("path"), rs.getString("metric"),
                rs.getInt("line_rank"), rs.getInt("line_index"), rs.getString("address"),
                longOrNull(rs, "total"), longOrNull(rs, "remote"), longOrNull(rs, "lcl"),
                doubleOrNull(rs, "perf_pct"), rs.getString("perf_pct_of"), doubleOrNull(rs, "share_of_listed"),
                longOrNull(rs, "total_records"), longOrNull(rs, "loads"), longOrNull(rs, "stores"),
                rs.getString("node"), rs.getInt("accessor_count"), List.of(), doubleOrNull(rs, "line_cost_pct"),
                rs.getString("verdict") == null ? null : new LineVerdict(rs.getString("verdict"),
                        rs.getString("verdict_secondary"), doubleOrNull(rs, "verdict_confidence"),
                        rs.getString("verdict_evidence"), rs.getString("verdict_victims"),
                        doubleOrNull(rs, "store_share"), doubleOrNull(rs, "remote_share"),
                        longOrNull(rs, "verdict_max_cpus"), rs.getString("verdict_nodes"), rs.getString("remedy"),
                        rs.getString("sim_command")));
    }

    private static RankedAccessor accessor(ResultSet rs) throws SQLException {
        Long offset = longOrNull(rs, "offset");
        return new RankedAccessor(rs.getInt("row_in_line"), offset == null ? null : offset.intValue(),
                rs.getString("offset_node"), longOrNull(rs, "pa_count"), longOrNull(rs, "pid"), rs.getString("tid"),
                rs.getString("code_address"), rs.getString("symbol"), rs.getString("privilege"),
                rs.getString("object"), rs.getString("source_line"),
                doubleOrNull(rs, "remote_pct"), doubleOrNull(rs, "local_pct"),
                doubleOrNull(rs, "store_l1hit_pct"), doubleOrNull(rs, "store_l1miss_pct"),
                doubleOrNull(rs, "store_na_pct"), doubleOrNull(rs, "cycles_rmt"), doubleOrNull(rs, "cycles_lcl"),
                doubleOrNull(rs, "cycles_load"), longOrNull(rs, "accessor_records"), longOrNull(rs, "cpu_count"),
                rs.getString("nodes"), rs.getDouble("est_samples"), rs.getInt("source_line_no"),
                doubleOrNull(rs, "profile_self_pct"), doubleOrNull(rs, "profile_children_pct"),
                doubleOrNull(rs, "est_cost_pct"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        return v == null ? null : ((Number) v).longValue();
    }

    private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    static String resource(String name) {
        try (InputStream in = ContendedLines.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + ContendedLines.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
