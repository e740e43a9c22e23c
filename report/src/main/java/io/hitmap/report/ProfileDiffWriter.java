// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hitmap.analysis.ProfileDiff;
import io.hitmap.analysis.ResultTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code hitmap diff}'s result for two perf report captures -> a {@code perf diff}-like table
 * (baseline %, delta in points, after %) and a summary paragraph, or JSON / CSV of the SQL columns.
 * <pre>
 *   baseline    delta    after  symbol          shared object
 *     62.87%  -62.87%        -  [.] label_put   refbench
 *     27.58%  +65.73%   93.31%  [.] do_request  refbench
 * </pre>
 */
public final class ProfileDiffWriter {
    /** Symbols with at least this share on a side are named in the summary. */
    static final double NAMED_PCT = 1.0;
    private static final int NAMED = 3;
    private static final String NONE = "-";

    private ProfileDiffWriter() {
    }

    public static void write(ProfileDiff d, TableFormat format, PrintWriter w) {
        switch (format) {
            case TEXT -> text(d, w);
            case CSV -> ResultTableWriter.write(d.symbols(), format, w);
            case JSON -> json(d, w);
            default -> throw new IllegalArgumentException("unhandled format " + format);
        }
        w.flush();
    }

    static void text(ProfileDiff d, PrintWriter w) {
        w.print(TerminalText.escape("before  capture " + d.before().captureId() + "  " + d.before().path() + "  ("
                + d.before().metric() + ")") + "\n");
        w.print(TerminalText.escape("after   capture " + d.after().captureId() + "  " + d.after().path() + "  ("
                + d.after().metric() + ")") + "\n\n");
        TextTable t = new TextTable(List.of("baseline", "delta", "after", "symbol", "shared object"),
                new boolean[] {true, true, true, false, false});
        ResultTable s = d.symbols();
        for (List<Object> r : s.rows()) {
            String kind = (String) r.get(s.columns().indexOf("symbol_kind"));
            double delta = num(r, s, "delta_pct");
            t.add(List.of(Cells.percent(numOrNull(r, s, "baseline_pct"), NONE),
                    (delta > 0 ? "+" : "") + Cells.fixed2(delta) + "%",
                    Cells.percent(numOrNull(r, s, "after_pct"), NONE),
                    Cells.cut((kind == null ? "" : "[" + kind + "] ") + r.get(s.columns().indexOf("symbol")),
                            HotSymbolsWriter.SYMBOL_MAX),
                    Cells.text(r.get(s.columns().indexOf("shared_objects")), NONE)));
        }
        t.print(w, "  ", false);
        w.print("\nsummary:\n");
        for (String row : DiffWriter.wrap(TerminalText.escape(summary(d)), 78)) {
            w.print("    " + row + "\n");
        }
    }

    /** eg, "Gone from the profile: label_put (62.87%); do_request 27.58% → 93.31% (+65.73 points); new: local_get (3.75%)." */
    static String summary(ProfileDiff d) {
        ResultTable s = d.symbols();
        List<String> gone = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (List<Object> r : s.rows()) {
            String symbol = String.valueOf(r.get(s.columns().indexOf("symbol")));
            Double before = numOrNull(r, s, "baseline_pct");
            Double after = numOrNull(r, s, "after_pct");
            switch (String.valueOf(r.get(s.columns().indexOf("status")))) {
                case "removed" -> {
                    if (before >= NAMED_PCT) {
                        gone.add(symbol + " (" + pct(before) + ")");
                    }
                }
                case "new" -> {
                    if (after >= NAMED_PCT) {
                        added.add(symbol + " (" + pct(after) + ")");
                    }
                }
                default -> {
                    if (Math.max(before, after) >= NAMED_PCT && Math.abs(after - before) >= NAMED_PCT) {
                        moved.add(symbol + " " + pct(before) + " → " + pct(after) + " ("
                                + (after > before ? "+" : "−") + String.format(Locale.ROOT, "%.2f", Math.abs(after - before))
                                + " points)");
                    }
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (!gone.isEmpty()) {
            parts.add("Gone from the profile: " + first(gone));
        }
        if (!moved.isEmpty()) {
            parts.add(first(moved));
        }
        if (!added.isEmpty()) {
            parts.add("new: " + first(added));
        }
        if (parts.isEmpty()) {
            return "No symbol's share changed by " + pct(NAMED_PCT) + " or more.";
        }
        String body = String.join("; ", parts);
        return (parts.get(0).startsWith("Gone") ? "" : "In the profile, ") + body + ".";
    }

    private static String first(List<String> items) {
        String s = String.join(", ", items.subList(0, Math.min(NAMED, items.size())));
        return items.size() > NAMED ? s + " and " + (items.size() - NAMED) + " more" : s;
    }

    private static String pct(double d) {
        return String.format(Locale.ROOT, "%.2f%%", d);
    }

    static void json(ProfileDiff d, PrintWriter w) {
        try (JsonGenerator g = Json.generator(w)) {
            g.writeStartObject();
            DiffWriter.side(g, "before", d.before());
            DiffWriter.side(g, "after", d.after());
            g.writeArrayFieldStart("symbols");
            ResultTable s = d.symbols();
            for (List<Object> r : s.rows()) {
                g.writeStartObject();
                for (int c = 0; c < s.columns().size(); c++) {
                    g.writeFieldName(s.columns().get(c));
                    Json.value(g, r.get(c));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("summary", summary(d));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.print('\n');
    }

    private static Double numOrNull(List<Object> r, ResultTable s, String column) {
        Object v = r.get(s.columns().indexOf(column));
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static double num(List<Object> r, ResultTable s, String column) {
        Double v = numOrNull(r, s, column);
        return v == null ? 0 : v;
    }
}
