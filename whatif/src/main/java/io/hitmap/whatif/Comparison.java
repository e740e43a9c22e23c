// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.Decimals;
import io.hitmap.analysis.DiffSide;
import io.hitmap.analysis.DiffedLine;
import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.LineDiff;
import io.hitmap.analysis.ResultTable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A prediction and the capture measured after the change -> the error per line. The predicted lines are
 * the before capture's, so they meet the measured ones through {@link LineDiff}'s matching of before and
 * after (by accessor fingerprint, as {@code hitmap diff BEFORE AFTER}): a matched line compares its
 * predicted and measured HITMs, a before line with no measured match was measured gone, a measured line
 * with no before match is new (predicted 0). Shares are of the HITMs of the lines each capture lists.
 */
public final class Comparison {
    public static final List<String> COLUMNS = List.of("line", "predicted_line", "measured_line", "status",
            "provenance", "symbol", "predicted_hitm", "measured_hitm", "error_hitm", "predicted_rmt", "measured_rmt",
            "predicted_lcl", "measured_lcl", "predicted_share", "measured_share", "error_pts");

    private Comparison() {
    }

    /** One row per line of either side; {@code after} is the measured capture's id in {@code db}. */
    public static ResultTable compare(HitmapDb db, PredictedCapture p, int after) throws SQLException {
        int before = p.baseline().replay().capture().captureId();
        LineDiff d = LineDiff.compare(db, DiffSide.of(db, before), DiffSide.of(db, after), LineDiff.DEFAULT_MIN_SCORE);
        Map<Integer, long[]> measured = new HashMap<>();
        for (List<Object> r : db.query("SELECT line_index, remote, lcl FROM line_metrics WHERE capture_id = " + after).rows()) {
            measured.put(((Long) r.get(0)).intValue(), new long[] {orZero(r.get(1)), orZero(r.get(2))});
        }
        double measuredTotal = measured.values().stream().mapToLong(v -> v[0] + v[1]).sum();
        List<PredictedLine> listed = p.listed();
        double predictedTotal = listed.stream().mapToLong(PredictedLine::hitm).sum();
        List<List<Object>> rows = new ArrayList<>();
        for (DiffedLine l : d.lines()) {
            PredictedLine pl = l.beforeLine() == null ? null : line(p, l.beforeLine());
            long[] m = l.afterLine() == null ? new long[] {0, 0} : measured.get(l.afterLine());
            long pr = pl == null ? 0 : pl.remote();
            long pc = pl == null ? 0 : pl.local();
            double ps = predictedTotal == 0 ? 0 : 100 * (pr + pc) / predictedTotal;
            double ms = measuredTotal == 0 ? 0 : 100 * (m[0] + m[1]) / measuredTotal;
            String status = l.persisting() ? "matched" : l.afterLine() == null ? "gone in measured" : "new in measured";
            rows.add(java.util.Arrays.asList(l.beforeLine() == null ? null : (long) l.beforeLine(),
                    pl == null || !listed.contains(pl) ? null : (long) listed.indexOf(pl),
                    l.afterLine() == null ? null : (long) l.afterLine(), status,
                    pl == null ? "not predicted" : pl.provenance(), l.topSymbol(), pr + pc, m[0] + m[1], pr + pc - m[0] - m[1],
                    pr, m[0], pc, m[1], Decimals.round(ps, 2), Decimals.round(ms, 2), Decimals.round(ps - ms, 2)));
        }
        return new ResultTable(COLUMNS, rows);
    }

    /** Mean absolute error in share points over the rows of {@code t} whose provenance is {@code which} (null: all). */
    public static double meanAbsErrorPts(ResultTable t, String which) {
        int prov = COLUMNS.indexOf("provenance");
        int err = COLUMNS.indexOf("error_pts");
        return t.rows().stream().filter(r -> which == null || which.equals(r.get(prov)))
                .mapToDouble(r -> Math.abs((Double) r.get(err))).average().orElse(0);
    }

    private static PredictedLine line(PredictedCapture p, int index) {
        return p.lines().stream().filter(l -> l.captured().index() == index).findFirst().orElse(null);
    }

    private static long orZero(Object v) {
        return v == null ? 0 : (Long) v;
    }
}
