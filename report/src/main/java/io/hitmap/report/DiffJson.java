// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hitmap.analysis.AccessorChange;
import io.hitmap.analysis.Decimals;
import io.hitmap.analysis.DiffSide;
import io.hitmap.analysis.DiffedLine;
import io.hitmap.analysis.LineDiff;
import java.io.IOException;

/**
 * A line diff -> the {@code diff} field of the report's JSON: both sides, the summary paragraph and
 * one object per matched, gone or new line with its accessors' changes.
 */
final class DiffJson {
    private DiffJson() {
    }

    static void write(JsonGenerator g, LineDiff d) throws IOException {
        g.writeObjectFieldStart("diff");
        side(g, "before", d.before());
        side(g, "after", d.after());
        g.writeNumberField("min_score", d.minScore());
        g.writeStringField("metric", DiffWriter.metric(d.before()));
        g.writeStringField("summary", DiffSummary.of(d));
        g.writeArrayFieldStart("rows");
        for (DiffedLine l : d.lines()) {
            g.writeStartObject();
            g.writeStringField("status", l.status());
            field(g, "before_line", l.beforeLine());
            field(g, "after_line", l.afterLine());
            field(g, "score", Decimals.round(l.score(), 4)); // DuckDB sums in any order: the last digits vary
            field(g, "before_total", l.beforeTotal());
            field(g, "after_total", l.afterTotal());
            field(g, "delta", l.delta());
            field(g, "delta_pct", Decimals.round(l.deltaPct(), 2));
            field(g, "before_share", Decimals.round(l.beforeShare(), 2));
            field(g, "after_share", Decimals.round(l.afterShare(), 2));
            field(g, "before_class", l.beforeClass());
            field(g, "after_class", l.afterClass());
            field(g, "symbol", l.topSymbol());
            g.writeArrayFieldStart("accessors");
            for (AccessorChange a : l.accessors()) {
                g.writeStartObject();
                field(g, "status", a.status());
                field(g, "symbol", a.symbol());
                field(g, "source", a.sourceLine());
                field(g, "offset", a.offset());
                field(g, "before_weight", Decimals.round(a.beforeWeight(), 4));
                field(g, "after_weight", Decimals.round(a.afterWeight(), 4));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, String name, DiffSide s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("id", s.captureId());
        g.writeStringField("path", s.path());
        g.writeStringField("metric", s.metric());
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, Object v) throws IOException {
        g.writeFieldName(name);
        Json.value(g, v);
    }
}
