// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.Decimals;
import io.hitmap.analysis.ResultTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link PredictedCapture} -> one row per accessor of every captured line, before and predicted, with the
 * line's provenance and the run's figures repeated on each row (the JSON and CSV form of a prediction).
 */
public final class PredictionTable {
    public static final List<String> COLUMNS = List.of("strategy", "line", "predicted_line", "provenance", "symbol",
            "source_line", "access", "targeted", "rmt_hitm_before", "lcl_hitm_before", "rmt_hitm_predicted",
            "lcl_hitm_predicted", "line_hitm_before", "line_hitm_predicted", "ns_per_access_before",
            "ns_per_access_after", "throughput_change_pct", "bytes_per_object");

    private PredictionTable() {
    }

    public static ResultTable of(PredictedCapture p) {
        List<PredictedLine> listed = p.listed();
        Target t = p.baseline().target();
        Double tput = p.throughputChangePct() == null ? null : Decimals.round(p.throughputChangePct(), 2);
        List<List<Object>> rows = new ArrayList<>();
        for (PredictedLine l : p.lines()) {
            CapturedLine c = l.captured();
            for (PredictedAccessor a : l.accessors()) {
                CapturedAccessor ca = a.captured();
                rows.add(Arrays.asList(p.strategy().name(), (long) c.index(),
                        listed.contains(l) ? (long) listed.indexOf(l) : null, l.provenance(), ca.row().symbol(),
                        ca.row().sourceLine(), ca.rmw() ? "rmw" : "load", t.selects(c, ca),
                        Math.round(ca.rmtHitm()), Math.round(ca.lclHitm()), a.rmtHitm(), a.lclHitm(),
                        c.remote() + c.local(), l.hitm(), Decimals.round(p.nsPerAccessBefore(), 2),
                        Decimals.round(p.nsPerAccessAfter(), 2), tput, p.bytesPerObject()));
            }
        }
        return new ResultTable(COLUMNS, rows);
    }
}
