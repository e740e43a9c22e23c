// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.HotSymbols;
import io.hitmap.analysis.ResultTable;
import java.sql.SQLException;
import java.util.List;

/**
 * The perf report and perf script captures of a store -> what the report shows of them: the hottest
 * symbols of each ({@code hitmap top}'s table, or null when there are no such captures) and a flame
 * graph of each perf script capture.
 */
public record ProfileData(ResultTable hotspots, List<FlameGraph> flames) {
    public static final ProfileData NONE = new ProfileData(null, List.of());
    static final int HOTSPOTS = 50;

    public static ProfileData of(HitmapDb db) throws SQLException {
        ResultTable profiles = db.query("SELECT count(*) FROM captures WHERE kind IN ('perf-report', 'perf-script')");
        if (((Number) profiles.rows().get(0).get(0)).longValue() == 0) {
            return NONE;
        }
        return new ProfileData(HotSymbols.top(db, HotSymbols.Filter.NONE, false, HOTSPOTS), FlameGraph.of(db));
    }
}
