// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two c2c captures of a {@link HitmapDb} -> their lines matched by accessor fingerprint: persisting,
 * removed and new lines with their deltas, and the accessors of each persisting line that are gone,
 * new or changed. The rules are the table macros {@code line_diff} and {@code line_accessor_diff} in
 * {@code views/diff.sql}.
 */
public record LineDiff(DiffSide before, DiffSide after, double minScore, List<DiffedLine> lines) {
    /** The fingerprint score a pair needs to match (documented in SCHEMA.md). */
    public static final double DEFAULT_MIN_SCORE = 0.2;

    public LineDiff {
        lines = List.copyOf(lines);
    }

    public static LineDiff compare(HitmapDb db, DiffSide before, DiffSide after, double minScore) throws SQLException {
        String args = before.captureId() + ", " + after.captureId() + ", min_score := "
                + String.format(Locale.ROOT, "%s", minScore);
        ResultTable changes = db.query("SELECT * FROM line_accessor_diff(" + args + ")");
        ResultTable lines = db.query("SELECT * FROM line_diff(" + args + ")");
        List<DiffedLine> out = new ArrayList<>();
        Row r = new Row(lines);
        for (List<Object> row : lines.rows()) {
            r.row = row;
            Integer beforeLine = r.integer("before_line");
            out.add(new DiffedLine(r.text("status"), beforeLine, r.integer("after_line"), r.dbl("score"),
                    r.text("before_address"), r.text("after_address"), r.lng("before_total"), r.lng("after_total"),
                    r.lng("delta"), r.dbl("delta_pct"), r.dbl("before_share"), r.dbl("after_share"),
                    r.dbl("share_delta"), r.text("before_share_basis"), r.text("after_share_basis"),
                    r.dbl("before_per_1k_records"), r.dbl("after_per_1k_records"),
                    r.text("before_top_symbol"), r.text("after_top_symbol"),
                    "persisting".equals(r.text("status")) ? accessorsOf(changes, beforeLine) : List.of(),
                    r.text("before_class"), r.text("after_class")));
        }
        return new LineDiff(before, after, minScore, out);
    }

    private static List<AccessorChange> accessorsOf(ResultTable changes, Integer beforeLine) {
        List<AccessorChange> out = new ArrayList<>();
        Row r = new Row(changes);
        for (List<Object> row : changes.rows()) {
            r.row = row;
            if (beforeLine.equals(r.integer("before_line"))) {
                out.add(new AccessorChange(r.text("status"), r.text("symbol"), r.text("before_source_line"),
                        r.text("after_source_line"), r.integer("offset"), r.dbl("before_weight"),
                        r.dbl("after_weight"), r.dbl("before_est_samples"), r.dbl("after_est_samples")));
            }
        }
        return out;
    }

    /** Values of a {@link ResultTable} row by column name. */
    private static final class Row {
        private final List<String> columns;
        List<Object> row;

        Row(ResultTable t) {
            this.columns = t.columns();
        }

        private Object get(String column) {
            int i = columns.indexOf(column);
            if (i < 0) {
                throw new IllegalStateException("no column " + column + " in " + columns);
            }
            return row.get(i);
        }

        String text(String c) {
            Object v = get(c);
            return v == null ? null : v.toString();
        }

        Integer integer(String c) {
            Object v = get(c);
            return v == null ? null : ((Number) v).intValue();
        }

        Long lng(String c) {
            Object v = get(c);
            return v == null ? null : ((Number) v).longValue();
        }

        Double dbl(String c) {
            Object v = get(c);
            return v == null ? null : ((Number) v).doubleValue();
        }
    }
}
