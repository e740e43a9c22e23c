// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.ContendedLines;
import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.RankedAccessor;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.ResultTable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A c2c capture in a {@link HitmapDb} -> a {@link Capture}: every line with every accessor, ranked and
 * classified by the analysis ({@link ContendedLines}, {@code line_classes}), each accessor with its role
 * from {@code accessor_roles} and its samples from the line's counts (the rule of {@code access_estimates}).
 */
public final class CaptureReader {
    private CaptureReader() {
    }

    /** The c2c capture {@code captureId}; with {@code profileId}, accessors carry the profile's shares. */
    public static Capture read(HitmapDb db, int captureId, Integer profileId) throws SQLException {
        Map<String, List<Object>> roles = byLineAndRow(db.query(
                "SELECT line_index, row_in_line, role, atomic_source, writes FROM accessor_roles WHERE capture_id = "
                        + captureId), 2);
        Map<String, List<Object>> stores = byLineAndRow(db.query(
                "SELECT line_index, store_l1hit, store_l1miss, store_na FROM line_metrics WHERE capture_id = "
                        + captureId), 1);
        List<CapturedLine> lines = new ArrayList<>();
        String path = null;
        String metric = null;
        for (RankedLine l : ContendedLines.rank(db, Integer.MAX_VALUE, Integer.MAX_VALUE, profileId)) {
            if (l.captureId() != captureId) {
                continue;
            }
            path = l.path();
            metric = l.metric();
            List<Object> s = stores.get(key(l.lineIndex(), null));
            Long l1hit = (Long) s.get(1);
            Long l1miss = (Long) s.get(2);
            Long na = (Long) s.get(3);
            List<CapturedAccessor> accessors = new ArrayList<>();
            for (RankedAccessor a : l.topAccessors()) {
                List<Object> r = roles.get(key(l.lineIndex(), a.rowInLine()));
                accessors.add(accessor(l, a, r, l1hit, l1miss, na));
            }
            accessors.sort(Comparator.comparingInt(a -> a.row().rowInLine()));
            lines.add(new CapturedLine(l, l1hit, l1miss, na, accessors));
        }
        lines.sort(Comparator.comparingInt(CapturedLine::index));
        return new Capture(captureId, path, metric, lines);
    }

    private static CapturedAccessor accessor(RankedLine l, RankedAccessor a, List<Object> role, Long l1hit,
                                             Long l1miss, Long na) {
        String r = (String) role.get(2);
        boolean atomicSource = Boolean.TRUE.equals(role.get(3));
        boolean writes = Boolean.TRUE.equals(role.get(4));
        boolean rmw = writes || atomicSource || r.equals("lock")
                || (a.sourceLine() == null && (r.equals("refcount") || r.equals("atomic")));
        return new CapturedAccessor(a, r, rmw, samples(a.remotePct(), l.remote()), samples(a.localPct(), l.local()),
                samples(a.storeL1HitPct(), l1hit), samples(a.storeL1MissPct(), l1miss), samples(a.storeNaPct(), na));
    }

    /** A printed share of a line's count, in samples; 0 when either is missing. */
    static double samples(Double pct, Long count) {
        return pct == null || count == null ? 0 : pct * count / 100.0;
    }

    private static Map<String, List<Object>> byLineAndRow(ResultTable t, int keyColumns) {
        Map<String, List<Object>> out = new HashMap<>();
        for (List<Object> row : t.rows()) {
            Long line = (Long) row.get(0);
            Long r = keyColumns > 1 ? (Long) row.get(1) : null;
            out.put(key(line.intValue(), r == null ? null : r.intValue()), row);
        }
        return out;
    }

    private static String key(int line, Integer row) {
        return line + "/" + row;
    }
}
