// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import io.hitmap.analysis.Decimals;
import io.hitmap.analysis.LineVerdict;
import io.hitmap.analysis.RankedAccessor;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.StatsOnlyCapture;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ranked lines -> the compact JSON the HTML report draws itself from: each line an array named by
 * {@code line_fields}, the accessors of all lines one array per field named by {@code accessor_fields},
 * every string of them an index into {@code strings} (symbols and source lines repeat across lines;
 * 0 is none). Numbers keep the decimals the page shows. {@code <}, {@code >} and {@code &}
 * are written as {@code \u003c} escapes, so no value can end the script element that holds it.
 */
final class ReportJson {
    static final List<String> LINE_FIELDS = List.of("capture", "rank", "index", "address", "total", "remote", "local",
            "share", "share_basis", "accessor_count", "listed", "class", "secondary", "confidence", "evidence", "victims",
            "store_share", "remote_share", "max_cpus", "nodes", "remedy", "sim_command");
    static final List<String> ACCESSOR_FIELDS = List.of("offset", "symbol", "source", "object", "code", "pid", "tid",
            "rmt", "lcl", "st_l1hit", "st_l1miss", "st_na", "cyc_rmt", "cyc_lcl", "cyc_load", "cpus", "nodes", "est");
    static final List<String> STRING_FIELDS = List.of("address", "share_basis", "class", "secondary", "evidence",
            "victims", "nodes", "remedy", "sim_command", "symbol", "source", "object", "code", "tid");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final StringTable strings = new StringTable();
    /** Which of ACCESSOR_FIELDS some accessor has: the others (pid and tid, often) are left out. */
    private final boolean[] present = new boolean[ACCESSOR_FIELDS.size()];

    private ReportJson() {
    }

    /** A generator that escapes {@code < > &} and writes compactly. */
    static JsonGenerator generator(StringWriter w) {
        try {
            return FACTORY.createGenerator(w).setCharacterEscapes(new ScriptSafe());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code kind}, the captures, the lines with their strings, their node/CPU distribution;
     * {@code extra} then adds its own fields (hotspots, diff) to the same object.
     */
    static String write(String kind, List<RankedLine> lines, List<StatsOnlyCapture> statsOnly, Extra extra) {
        ReportJson r = new ReportJson();
        List<List<Object>> lineRows = new ArrayList<>();
        List<List<Object>> accessorRows = new ArrayList<>();
        for (RankedLine l : lines) {
            lineRows.add(r.counted(LINE_FIELDS, lineValues(l)));
            for (RankedAccessor a : l.topAccessors()) {
                accessorRows.add(r.counted(ACCESSOR_FIELDS, accessorValues(a)));
            }
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = generator(w)) {
            g.writeStartObject();
            g.writeStringField("kind", kind);
            r.captures(g, lines, statsOnly);
            g.writeFieldName("line_fields");
            names(g, LINE_FIELDS);
            g.writeFieldName("accessor_fields");
            names(g, r.presentFields());
            g.writeFieldName("string_fields");
            names(g, STRING_FIELDS);
            g.writeArrayFieldStart("lines");
            for (List<Object> row : lineRows) {
                g.writeStartArray();
                for (int f = 0; f < row.size(); f++) {
                    r.value(g, LINE_FIELDS.get(f), row.get(f));
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            r.accessors(g, accessorRows);
            distribution(g, lines);
            extra.write(g);
            g.writeFieldName("strings");
            r.strings.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The row, its strings counted and the fields it has noted. */
    private List<Object> counted(List<String> fields, List<Object> row) {
        for (int f = 0; f < row.size(); f++) {
            Object v = row.get(f);
            if (STRING_FIELDS.contains(fields.get(f))) {
                strings.count((String) v);
            }
            if (fields == ACCESSOR_FIELDS) {
                present[f] |= v != null;
            }
        }
        return row;
    }

    private List<String> presentFields() {
        List<String> out = new ArrayList<>();
        for (int f = 0; f < ACCESSOR_FIELDS.size(); f++) {
            if (present[f]) {
                out.add(ACCESSOR_FIELDS.get(f));
            }
        }
        return out;
    }

    private static void distribution(JsonGenerator g, List<RankedLine> lines) throws IOException {
        g.writeArrayFieldStart("distribution");
        for (Distribution d : Distribution.of(lines)) {
            g.writeStartObject();
            g.writeNumberField("capture", d.captureId());
            g.writeStringField("kind", d.kind());
            g.writeNumberField("key", d.key());
            g.writeNumberField("accessors", d.accessors());
            g.writeNumberField("est", Decimals.round(d.estSamples(), 1));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** More top-level fields of the report's JSON object. */
    interface Extra {
        void write(JsonGenerator g) throws IOException;
    }

    private void captures(JsonGenerator g, List<RankedLine> lines, List<StatsOnlyCapture> statsOnly) throws IOException {
        g.writeArrayFieldStart("captures");
        for (CaptureLines c : CaptureLines.of(lines, statsOnly)) {
            g.writeStartObject();
            g.writeNumberField("id", c.captureId());
            if (c.statsOnly() != null) {
                g.writeStringField("path", c.statsOnly().path());
                g.writeStringField("metric", c.statsOnly().metric());
                g.writeBooleanField("stats_only", true);
                g.writeArrayFieldStart("totals");
                for (StatsOnlyCapture.Total t : c.statsOnly().totals()) {
                    names(g, List.of(t.key(), t.value()));
                }
                g.writeEndArray();
            } else {
                RankedLine first = c.lines().get(0);
                g.writeStringField("path", first.path());
                g.writeStringField("metric", first.metric());
                g.writeBooleanField("stats_only", false);
                g.writeNumberField("line_count", c.lines().size());
                g.writeFieldName("total");
                Json.value(g, sum(c.lines(), RankedLine::total));
                g.writeFieldName("remote");
                Json.value(g, sum(c.lines(), RankedLine::remote));
                g.writeFieldName("local");
                Json.value(g, sum(c.lines(), RankedLine::local));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The sum of a count over lines, or null when any line lacks it. */
    private static Long sum(List<RankedLine> lines, java.util.function.Function<RankedLine, Long> count) {
        long s = 0;
        for (RankedLine l : lines) {
            Long v = count.apply(l);
            if (v == null) {
                return null;
            }
            s += v;
        }
        return s;
    }

    private static List<Object> lineValues(RankedLine l) {
        LineVerdict v = LineVerdict.orNone(l.verdict());
        Double share = l.perfPct() != null ? l.perfPct() : Decimals.round(l.shareOfListed(), 2);
        return Arrays.asList(l.captureId(), l.rank(), l.lineIndex(), l.address(), l.total(), l.remote(), l.local(),
                share, basis(LineShare.of(l).text()), l.accessorCount(), l.topAccessors().size(), v.cls(),
                v.secondary(), Decimals.round(v.confidence(), 2), v.evidence(), v.victims(),
                Decimals.round(v.storeShare(), 3), Decimals.round(v.remoteShare(), 3), v.maxCpus(), v.nodes(),
                v.remedy(), v.simCommand());
    }

    /**
     * The listed accessors of every line, in line order, one array per field in {@code accessor_fields}
     * (column by column: a row's brackets cost more than its zeros); {@code listed} says how many are a line's.
     */
    private void accessors(JsonGenerator g, List<List<Object>> rows) throws IOException {
        g.writeArrayFieldStart("accessors");
        for (int f = 0; f < ACCESSOR_FIELDS.size(); f++) {
            if (!present[f]) {
                continue;
            }
            g.writeStartArray();
            for (List<Object> row : rows) {
                value(g, ACCESSOR_FIELDS.get(f), row.get(f));
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** "82.71% of the listed lines" -> "of the listed lines": the words repeat across lines, the number is {@code share}. */
    private static String basis(String shareText) {
        return shareText == null ? null : shareText.substring(shareText.indexOf("% ") + 2);
    }

    private static List<Object> accessorValues(RankedAccessor a) {
        return Arrays.asList(a.offset(), a.symbol(), a.sourceLine(), a.object(), a.codeAddress(), a.pid(),
                    a.tid(), a.remotePct(), a.localPct(), a.storeL1HitPct(), a.storeL1MissPct(), a.storeNaPct(),
                    a.cyclesRmt(), a.cyclesLcl(), a.cyclesLoad(), a.cpuCount(), a.nodes(),
                    Decimals.round(a.estSamples(), 0)); // an estimate: whole samples
    }

    /** A string field as its index in {@code strings}, a whole double without ".0" (perf prints cycles so). */
    private void value(JsonGenerator g, String field, Object v) throws IOException {
        if (STRING_FIELDS.contains(field)) {
            g.writeNumber(strings.index((String) v));
        } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            g.writeNumber(d.longValue());
        } else {
            Json.value(g, v);
        }
    }

    private static void names(JsonGenerator g, List<String> names) throws IOException {
        g.writeStartArray();
        for (String n : names) {
            g.writeString(n);
        }
        g.writeEndArray();
    }

    /** JSON's own escapes plus {@code < > &} as {@code \u003c}-style escapes, for a script element. */
    private static final class ScriptSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes = standardAsciiEscapesForJSON();

        ScriptSafe() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
