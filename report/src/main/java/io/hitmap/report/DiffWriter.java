// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static io.hitmap.analysis.Decimals.round;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hitmap.analysis.AccessorChange;
import io.hitmap.analysis.DiffSide;
import io.hitmap.analysis.DiffedLine;
import io.hitmap.analysis.LineDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code hitmap diff}'s result for two c2c captures -> text (a block per line, its accessor changes,
 * then the summary paragraph), JSON (one object, lines with their accessors, and the summary) or
 * CSV (one row per accessor change of a persisting line, one row per removed or new line).
 * <pre>
 * persisting  before line 0 -> after line 2  (score 0.45)
 *     HITM 1440 -> 72  (-1368, -95.00%)  share 82.71% -> 20.87% of the listed lines (-61.84 points)
 *     change   symbol              source:line           before            after
 *     gone     revert_creds        atomic64_64.h:39      605.0 (42.02%)    -
 * </pre>
 */
public final class DiffWriter {
    static final int SYMBOL_MAX = 40;
    static final int SOURCE_MAX = 30;
    private static final String NONE = "-";
    static final List<String> CSV_COLUMNS = List.of("status", "before_line", "after_line", "score",
            "before_address", "after_address", "before_total", "after_total", "delta", "delta_pct",
            "before_share", "after_share", "share_delta", "before_share_basis", "after_share_basis",
            "before_per_1k_records", "after_per_1k_records", "before_class", "after_class", "accessor_change", "symbol", "before_source_line",
            "after_source_line", "offset", "before_weight", "after_weight", "before_est_samples", "after_est_samples");

    private DiffWriter() {
    }

    public static void write(LineDiff d, TableFormat format, PrintWriter w) {
        switch (format) {
            case TEXT -> text(d, w);
            case JSON -> json(d, w);
            case CSV -> csv(d, w);
            default -> throw new IllegalArgumentException("unhandled format " + format);
        }
        w.flush();
    }

    static void text(LineDiff d, PrintWriter w) {
        side(w, "before", d.before(), d.lines().stream().filter(l -> l.beforeLine() != null).count());
        side(w, "after ", d.after(), d.lines().stream().filter(l -> l.afterLine() != null).count());
        long persisting = d.lines().stream().filter(DiffedLine::persisting).count();
        long removed = d.lines().stream().filter(l -> "removed".equals(l.status())).count();
        w.print("lines matched by accessor fingerprint (best pairs first, score >= " + Cells.fixed2(d.minScore()) + "): "
                + persisting + " persisting, " + removed + " removed, " + (d.lines().size() - persisting - removed)
                + " new\n");
        for (DiffedLine l : d.lines()) {
            w.print('\n');
            line(w, l, metric("new".equals(l.status()) ? d.after() : d.before()));
        }
        w.print("\nsummary:\n");
        for (String row : wrap(TerminalText.escape(DiffSummary.of(d)), 78)) {
            w.print("    " + row + "\n");
        }
    }

    /** {@code HITM}, or {@code peer} for an Arm SPE capture (perf c2c -d peer). */
    static String metric(DiffSide s) {
        return "peer".equals(s.metric()) ? "peer" : "HITM";
    }

    private static void side(PrintWriter w, String label, DiffSide s, long lines) {
        w.print(TerminalText.escape(label + "  capture " + s.captureId() + "  " + s.path() + "  (by "
                + metric(s) + ", " + lines + (lines == 1 ? " line)" : " lines)"))
                + "\n");
    }

    private static void line(PrintWriter w, DiffedLine l, String metric) {
        String head = switch (l.status()) {
            case "persisting" -> "persisting  before line " + l.beforeLine() + at(l.beforeAddress()) + " -> after line "
                    + l.afterLine() + at(l.afterAddress()) + "  (score " + Cells.fixed2(l.score()) + ")";
            case "removed" -> "removed     before line " + l.beforeLine() + at(l.beforeAddress());
            default -> "new         after line " + l.afterLine() + at(l.afterAddress());
        };
        w.print(TerminalText.escape(head + "  top accessor " + Cells.cut(String.valueOf(l.topSymbol()), SYMBOL_MAX))
                + "\n");
        if (l.beforeClass() != null || l.afterClass() != null) {
            String cls = switch (l.status()) {
                case "persisting" -> Cells.text(l.beforeClass(), NONE) + " -> " + Cells.text(l.afterClass(), NONE);
                case "removed" -> Cells.text(l.beforeClass(), NONE);
                default -> Cells.text(l.afterClass(), NONE);
            };
            w.print(TerminalText.escape("    class " + cls) + "\n");
        }
        String basis = "listed".equals(l.beforeShareBasis() != null ? l.beforeShareBasis() : l.afterShareBasis())
                ? " of the listed lines" : " of all " + metric;
        StringBuilder sb = new StringBuilder("    " + metric + " " + count(l.beforeTotal()) + " -> "
                + count(l.afterTotal()) + "  (" + signed(l.delta()) + (l.deltaPct() == null ? ""
                : ", " + signedPct(l.deltaPct())) + ")  share " + Cells.percent(l.beforeShare(), NONE) + " -> "
                + Cells.percent(l.afterShare(), NONE) + basis + " (" + signedNumber(l.shareDelta()) + " points)");
        if (l.beforePer1kRecords() != null || l.afterPer1kRecords() != null) {
            sb.append("  per 1000 records ").append(Cells.text(l.beforePer1kRecords(), NONE)).append(" -> ")
                    .append(Cells.text(l.afterPer1kRecords(), NONE));
        }
        w.print(sb.append('\n'));
        if (!l.accessors().isEmpty()) {
            boolean offsets = l.accessors().stream().anyMatch(a -> a.offset() != null);
            List<String> headers = new ArrayList<>(List.of("change", "symbol", "source:line", "before", "after"));
            boolean[] right = {false, false, false, true, true, false};
            if (offsets) {
                headers.add(2, "offset");
            }
            TextTable t = new TextTable(headers, offsets ? right : Arrays.copyOf(right, 5));
            for (AccessorChange a : l.accessors()) {
                List<String> row = new ArrayList<>(List.of(a.status(), Cells.cut(String.valueOf(a.symbol()), SYMBOL_MAX),
                        Cells.cut(source(a), SOURCE_MAX), est(a.beforeEstSamples(), a.beforeWeight()),
                        est(a.afterEstSamples(), a.afterWeight())));
                if (offsets) {
                    row.add(2, Cells.hex(a.offset(), NONE));
                }
                t.add(row);
            }
            t.print(w, "    ", false);
        }
    }

    private static String at(String address) {
        return address == null ? "" : " (" + address + ")";
    }

    /** The source:line, both as printed when they differ only by dots ({@code fair.c:4118 / fairc:4118}). */
    private static String source(AccessorChange a) {
        if (a.beforeSourceLine() != null && a.afterSourceLine() != null && !a.beforeSourceLine().equals(a.afterSourceLine())) {
            return a.beforeSourceLine() + " / " + a.afterSourceLine();
        }
        return a.sourceLine() == null ? NONE : a.sourceLine();
    }

    /** {@code 605.0 (42.02%)}: estimated samples and share of the line. */
    private static String est(Double samples, Double weight) {
        return samples == null ? NONE
                : String.format(java.util.Locale.ROOT, "%.1f (%s)", samples, Cells.percent(100 * weight, NONE));
    }

    private static String count(Long n) {
        return n == null ? NONE : n.toString();
    }

    private static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }

    private static String signedNumber(double d) {
        return (d > 0 ? "+" : "") + Cells.fixed2(d);
    }

    private static String signedPct(double d) {
        return signedNumber(d) + "%";
    }

    static List<String> wrap(String text, int width) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String word : text.split(" ")) {
            if (row.length() > 0 && row.length() + 1 + word.length() > width) {
                rows.add(row.toString());
                row.setLength(0);
            }
            row.append(row.length() > 0 ? " " : "").append(word);
        }
        if (row.length() > 0) {
            rows.add(row.toString());
        }
        return rows;
    }

    static void json(LineDiff d, PrintWriter w) {
        try (JsonGenerator g = Json.generator(w)) {
            g.writeStartObject();
            side(g, "before", d.before());
            side(g, "after", d.after());
            g.writeNumberField("min_score", d.minScore());
            g.writeArrayFieldStart("lines");
            for (DiffedLine l : d.lines()) {
                g.writeStartObject();
                List<Object> values = lineValues(l);
                for (int c = 0; c < values.size(); c++) {
                    g.writeFieldName(CSV_COLUMNS.get(c));
                    Json.value(g, values.get(c));
                }
                g.writeArrayFieldStart("accessors");
                for (AccessorChange a : l.accessors()) {
                    g.writeStartObject();
                    List<Object> av = accessorValues(a);
                    for (int c = 0; c < av.size(); c++) {
                        g.writeFieldName(CSV_COLUMNS.get(values.size() + c).replace("accessor_change", "change"));
                        Json.value(g, av.get(c));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("summary", DiffSummary.of(d));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.print('\n');
    }

    static void side(JsonGenerator g, String name, DiffSide s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("capture_id", s.captureId());
        g.writeStringField("path", s.path());
        g.writeStringField("kind", s.kind());
        g.writeFieldName("metric");
        Json.value(g, s.metric());
        g.writeEndObject();
    }

    static void csv(LineDiff d, PrintWriter w) {
        ResultTableWriter.csvRecord(w, CSV_COLUMNS);
        for (DiffedLine l : d.lines()) {
            List<Object> line = lineValues(l);
            if (l.accessors().isEmpty()) {
                List<Object> row = new ArrayList<>(line);
                row.addAll(accessorValues(null));
                ResultTableWriter.csvRecord(w, row);
            }
            for (AccessorChange a : l.accessors()) {
                List<Object> row = new ArrayList<>(line);
                row.addAll(accessorValues(a));
                ResultTableWriter.csvRecord(w, row);
            }
        }
    }

    private static List<Object> lineValues(DiffedLine l) {
        return Arrays.asList(l.status(), l.beforeLine(), l.afterLine(), round(l.score(), 3), l.beforeAddress(),
                l.afterAddress(), l.beforeTotal(), l.afterTotal(), l.delta(), round(l.deltaPct(), 2),
                round(l.beforeShare(), 2), round(l.afterShare(), 2), round(l.shareDelta(), 2), l.beforeShareBasis(),
                l.afterShareBasis(), round(l.beforePer1kRecords(), 3), round(l.afterPer1kRecords(), 3),
                l.beforeClass(), l.afterClass());
    }

    private static List<Object> accessorValues(AccessorChange a) {
        if (a == null) {
            return Arrays.asList(new Object[9]);
        }
        return Arrays.asList(a.status(), a.symbol(), a.beforeSourceLine(), a.afterSourceLine(),
                a.offset() == null ? null : (long) a.offset(), round(a.beforeWeight(), 4), round(a.afterWeight(), 4),
                round(a.beforeEstSamples(), 1), round(a.afterEstSamples(), 1));
    }
}
