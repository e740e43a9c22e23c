// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tables of a {@link HitmapDb} -> the captures that have no cache lines (only the statistics
 * of {@code perf c2c report --stats}), each with its key totals, so that {@code hitmap lines} can
 * say what the capture holds instead of "nothing found".
 */
public final class StatsOnlyCaptures {
    /** The totals shown for a HITM capture, in this order, when perf printed them. */
    public static final List<String> HITM_KEYS = List.of("Load Local HITM", "Load Remote HITM",
            "Total Shared Cache Lines");
    /** The same for a peer capture (Arm SPE); v2/v3 of the peer series printed one "Load HIT Peer". */
    public static final List<String> PEER_KEYS = List.of("Load HIT Local Peer", "Load HIT Remote Peer",
            "Load HIT Peer", "Total Shared Cache Lines");

    private static final String CAPTURES = "SELECT c.capture_id, c.path, c.metric FROM captures c "
            + "WHERE c.kind = 'c2c' AND NOT EXISTS (SELECT 1 FROM c2c_lines l WHERE l.capture_id = c.capture_id) "
            + "ORDER BY c.capture_id";
    private static final String SUMMARY = "SELECT capture_id, key, value, value_num FROM c2c_summary WHERE key IN ("
            + Stream.concat(HITM_KEYS.stream(), PEER_KEYS.stream()).distinct().map(k -> "'" + k + "'")
                    .collect(Collectors.joining(", ")) + ") ORDER BY capture_id, source_line_no";

    private StatsOnlyCaptures() {
    }

    /** Every capture without lines, by capture_id; its totals are those of its metric that perf printed. */
    public static List<StatsOnlyCapture> list(HitmapDb db) throws SQLException {
        Map<Integer, StatsOnlyCapture> captures = new LinkedHashMap<>();
        try (PreparedStatement ps = db.connection().prepareStatement(CAPTURES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                captures.put(rs.getInt(1), new StatsOnlyCapture(rs.getInt(1), rs.getString(2), rs.getString(3),
                        List.of()));
            }
        }
        if (captures.isEmpty()) {
            return List.of();
        }
        Map<Integer, Map<String, StatsOnlyCapture.Total>> found = new LinkedHashMap<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SUMMARY);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object num = rs.getObject(4);
                found.computeIfAbsent(rs.getInt(1), id -> new LinkedHashMap<>()).putIfAbsent(rs.getString(2),
                        new StatsOnlyCapture.Total(rs.getString(2), rs.getString(3),
                                num == null ? null : ((Number) num).doubleValue()));
            }
        }
        List<StatsOnlyCapture> result = new ArrayList<>();
        for (StatsOnlyCapture c : captures.values()) {
            Map<String, StatsOnlyCapture.Total> byKey = found.getOrDefault(c.captureId(), Map.of());
            List<StatsOnlyCapture.Total> totals = new ArrayList<>();
            for (String key : "peer".equals(c.metric()) ? PEER_KEYS : HITM_KEYS) {
                if (byKey.containsKey(key)) {
                    totals.add(byKey.get(key));
                }
            }
            result.add(new StatsOnlyCapture(c.captureId(), c.path(), c.metric(), totals));
        }
        return result;
    }
}
