// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hitmap.analysis.LineDiff;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.ResultTable;
import io.hitmap.analysis.StatsOnlyCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranked lines (and a diff, profile hotspots, flame graphs, simulator results) -> one self-contained
 * HTML page: the template {@code report.html} with its CSS and JS inline and the data as JSON. Its
 * Content-Security-Policy allows no network access and runs only the page's own script and style,
 * named by their SHA-256 hashes rather than 'unsafe-inline', so nothing injected into the page could
 * run even if it got in.
 * The output depends on its input only: no time, host or user.
 */
public final class HtmlReport {
    private static final HtmlTemplate TEMPLATE = HtmlTemplate.resource("report.html");
    private static final String CSS = HtmlTemplate.text("report.css");
    /** The page's script: fragments that share one function scope, so each can call the others'. */
    private static final String JS = "(function () {\n'use strict';\n" + HtmlTemplate.text("report.js")
            + HtmlTemplate.text("bytemap.js") + HtmlTemplate.text("diff.js") + HtmlTemplate.text("hotspots.js")
            + HtmlTemplate.text("flame.js") + HtmlTemplate.text("sim.js") + "main();\n})();\n";

    private HtmlReport() {
    }

    /**
     * The report of captures: their lines (with accessors), statistics-only captures, what the
     * profiles show (hotspots, flame graphs) and, if not null, simulator results.
     */
    public static String lines(List<RankedLine> lines, List<StatsOnlyCapture> statsOnly, ProfileData profile,
                               SimResults sim) {
        String json = ReportJson.write("lines", lines, statsOnly, g -> {
            hotspots(g, profile.hotspots());
            flames(g, profile.flames());
            SimResults.write(g, sim);
        });
        return page(title(lines, statsOnly, profile, sim), json);
    }

    /** The report of two c2c captures: the lines of both (with accessors), how they matched and, if not null, simulator results. */
    public static String diff(LineDiff d, List<RankedLine> lines, SimResults sim) {
        String json = ReportJson.write("diff", lines, List.of(), g -> {
            DiffJson.write(g, d);
            SimResults.write(g, sim);
        });
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

    private static String title(List<RankedLine> lines, List<StatsOnlyCapture> statsOnly, ProfileData profile,
                                SimResults sim) {
        Set<String> names = new LinkedHashSet<>();
        CaptureLines.of(lines, statsOnly).forEach(c -> names.add(
                name(c.statsOnly() != null ? c.statsOnly().path() : c.lines().get(0).path())));
        if (profile.hotspots() != null) {
            int path = profile.hotspots().columns().indexOf("path");
            profile.hotspots().rows().forEach(r -> names.add(name(String.valueOf(r.get(path)))));
        }
        profile.flames().forEach(f -> names.add(name(f.path())));
        if (sim != null) {
            names.add(name(sim.path()));
        }
        return names.isEmpty() ? "hitmap report" : "hitmap: " + String.join(", ", names);
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

    private static void flames(JsonGenerator g, List<FlameGraph> flames) throws IOException {
        g.writeArrayFieldStart("flame");
        for (FlameGraph f : flames) {
            f.write(g);
        }
        g.writeEndArray();
    }
}
