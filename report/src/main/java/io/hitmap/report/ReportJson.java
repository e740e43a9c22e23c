// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import io.hitmap.analysis.LineVerdict;
import io.hitmap.analysis.RankedAccessor;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.StatsOnlyCapture;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranked lines -> the compact JSON the HTML report draws itself from: lines and accessors as arrays
 * named by {@code line_fields} and {@code accessor_fields}, every string of them an index into
 * {@code strings} (symbols and source lines repeat across lines). {@code <}, {@code >} and {@code &}
 * are written as {@code \u003c} escapes, so no value can end the script element that holds it.
 */
final class ReportJson {
    static final List<String> LINE_FIELDS = List.of("capture", "rank", "index", "address", "total", "remote", "local",
            "share", "share_basis", "accessor_count", "class", "secondary", "confidence", "evidence", "victims",
            "store_share", "remote_share", "max_cpus", "nodes", "remedy", "records", "loads", "stores");
    static final List<String> ACCESSOR_FIELDS = List.of("offset", "symbol", "source", "object", "code", "pid", "tid",
            "rmt", "lcl", "st_l1hit", "st_l1miss", "st_na", "cyc_rmt", "cyc_lcl", "cyc_load", "records", "cpus",
            "nodes", "est");
    static final List<String> STRING_FIELDS = List.of("address", "share_basis", "class", "secondary", "evidence",
            "victims", "nodes", "remedy", "symbol", "source", "object", "code", "tid");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final Map<String, Integer> strings = new LinkedHashMap<>();
    /** Which of ACCESSOR_FIELDS some accessor has: the others (pid and tid, often) are left out of every row. */
    private boolean[] present;

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
        StringWriter w = new StringWriter();
        try (JsonGenerator g = generator(w)) {
            ReportJson r = new ReportJson();
            g.writeStartObject();
            g.writeStringField("kind", kind);
            r.captures(g, lines, statsOnly);
            g.writeFieldName("line_fields");
            names(g, LINE_FIELDS);
            r.present = present(lines);
            List<String> accessorFields = new java.util.ArrayList<>();
            for (int i = 0; i < ACCESSOR_FIELDS.size(); i++) {
                if (r.present[i]) {
                    accessorFields.add(ACCESSOR_FIELDS.get(i));
                }
            }
            g.writeFieldName("accessor_fields");
            names(g, accessorFields);
            g.writeFieldName("string_fields");
            names(g, STRING_FIELDS);
            g.writeArrayFieldStart("lines");
            for (RankedLine l : lines) {
                r.line(g, l);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("distribution");
            for (Distribution d : Distribution.of(lines)) {
                g.writeStartObject();
                g.writeNumberField("capture", d.captureId());
                g.writeStringField("kind", d.kind());
                g.writeNumberField("key", d.key());
                g.writeNumberField("accessors", d.accessors());
                g.writeNumberField("est", LinesWriter.round(d.estSamples(), 1));
                g.writeEndObject();
            }
            g.writeEndArray();
            extra.write(g);
            g.writeFieldName("strings");
            names(g, List.copyOf(r.strings.keySet()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
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

    private void line(JsonGenerator g, RankedLine l) throws IOException {
        LineVerdict v = LineVerdict.orNone(l.verdict());
        LineShare share = LineShare.of(l);
        Double shareNumber = l.perfPct() != null ? l.perfPct() : LinesWriter.round(l.shareOfListed(), 2);
        g.writeStartArray();
        values(g, Arrays.asList(l.captureId(), l.rank(), l.lineIndex(), l.address(), l.total(), l.remote(), l.local(),
                shareNumber, basis(share.text()), l.accessorCount(), v.cls(), v.secondary(), v.confidence(),
                v.evidence(), v.victims(), v.storeShare(), v.remoteShare(), v.maxCpus(), v.nodes(), v.remedy(),
                l.totalRecords(), l.loads(), l.stores()));
        g.writeStartArray();
        for (RankedAccessor a : l.topAccessors()) {
            g.writeStartArray();
            values(g, present, accessorValues(a));
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndArray();
    }

    /** "82.71% of the listed lines" -> "of the listed lines": the words repeat across lines, the number is {@code share}. */
    private static String basis(String shareText) {
        return shareText == null ? null : shareText.substring(shareText.indexOf("% ") + 2);
    }

    private static List<Object> accessorValues(RankedAccessor a) {
        return Arrays.asList(a.offset(), a.symbol(), a.sourceLine(), a.object(), a.codeAddress(), a.pid(),
                    a.tid(), a.remotePct(), a.localPct(), a.storeL1HitPct(), a.storeL1MissPct(), a.storeNaPct(),
                    a.cyclesRmt(), a.cyclesLcl(), a.cyclesLoad(), a.totalRecords(), a.cpuCount(), a.nodes(),
                    LinesWriter.round(a.estSamples(), 0)); // an estimate: whole samples
    }

    private static boolean[] present(List<RankedLine> lines) {
        boolean[] p = new boolean[ACCESSOR_FIELDS.size()];
        for (RankedLine l : lines) {
            for (RankedAccessor a : l.topAccessors()) {
                List<Object> v = accessorValues(a);
                for (int i = 0; i < p.length; i++) {
                    p[i] |= v.get(i) != null;
                }
            }
        }
        return p;
    }

    private void values(JsonGenerator g, List<Object> values) throws IOException {
        boolean[] all = new boolean[values.size()];
        Arrays.fill(all, true);
        values(g, all, values);
    }

    /** The values whose {@code keep} is true; strings as indexes, whole doubles without ".0" (perf prints cycles so). */
    private void values(JsonGenerator g, boolean[] keep, List<Object> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (!keep[i]) {
                continue;
            }
            if (v instanceof String s) {
                g.writeNumber(strings.computeIfAbsent(s, x -> strings.size()));
            } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
                g.writeNumber(d.longValue());
            } else {
                Json.value(g, v);
            }
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
