// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hitmap.analysis.AccessorChange;
import io.hitmap.analysis.DiffSide;
import io.hitmap.analysis.DiffedLine;
import io.hitmap.analysis.LineDiff;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.ResultTable;
import io.hitmap.analysis.StatsOnlyCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ranked lines (and a diff, and profile hotspots) -> one self-contained HTML page: the template
 * {@code report.html} with its CSS and JS inline and the data as JSON. Its Content-Security-Policy
 * allows no network access and runs only the page's own script and style, named by their SHA-256
 * hashes rather than 'unsafe-inline', so nothing injected into the page could run even if it got in.
 * The output depends on its input only: no time, host or user.
 */
public final class HtmlReport {
    private static final HtmlTemplate TEMPLATE = HtmlTemplate.resource("report.html");
    private static final String CSS = HtmlTemplate.text("report.css");
    private static final String JS = HtmlTemplate.text("report.js");

    private HtmlReport() {
    }

    /** The report of captures: their lines (with accessors), statistics-only captures and, if not null, hotspots. */
    public static String lines(List<RankedLine> lines, List<StatsOnlyCapture> statsOnly, ResultTable hotspots) {
        String json = ReportJson.write("lines", lines, statsOnly, g -> hotspots(g, hotspots));
        return page(title(lines, statsOnly), json);
    }

    /** The report of two c2c captures: the lines of both (with accessors) and how they matched. */
    public static String diff(LineDiff d, List<RankedLine> lines) {
        String json = ReportJson.write("diff", lines, List.of(), g -> diff(g, d));
        return page("hitmap diff: " + name(d.before().path()) + " → " + name(d.after().path()), json);
    }

    static String page(String title, String json) {
        return TEMPLATE.fill(Map.of(
                "title", Html.escape(title),
                "script-src", sha256(JS),
                "style-src", sha256(CSS),
                "css", CSS,
                "js", JS,
                "data", json));
    }

    /** The CSP source for an inline element with this exact text. */
    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String title(List<RankedLine> lines, List<StatsOnlyCapture> statsOnly) {
        String names = CaptureLines.of(lines, statsOnly).stream()
                .map(c -> name(c.statsOnly() != null ? c.statsOnly().path() : c.lines().get(0).path()))
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "hitmap report" : "hitmap: " + names;
    }

    private static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static void hotspots(JsonGenerator g, ResultTable t) throws IOException {
        if (t == null) {
            g.writeNullField("hotspots");
            return;
        }
        g.writeObjectFieldStart("hotspots");
        g.writeArrayFieldStart("columns");
        for (String c : t.columns()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (List<Object> row : t.rows()) {
            g.writeStartArray();
            for (Object v : row) {
                Json.value(g, v);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void diff(JsonGenerator g, LineDiff d) throws IOException {
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
            field(g, "score", l.score());
            field(g, "before_total", l.beforeTotal());
            field(g, "after_total", l.afterTotal());
            field(g, "delta", l.delta());
            field(g, "delta_pct", LinesWriter.round(l.deltaPct(), 2));
            field(g, "before_share", LinesWriter.round(l.beforeShare(), 2));
            field(g, "after_share", LinesWriter.round(l.afterShare(), 2));
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
                field(g, "before_weight", LinesWriter.round(a.beforeWeight(), 4));
                field(g, "after_weight", LinesWriter.round(a.afterWeight(), 4));
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
