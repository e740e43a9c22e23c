// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static io.hitmap.analysis.Decimals.round;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hitmap.analysis.LineVerdict;
import io.hitmap.analysis.RankedAccessor;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.ResultTable;
import io.hitmap.analysis.StatsOnlyCapture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ranked contended lines -> the {@code hitmap lines} output: a block per line with its top
 * accessors (text), an object per capture holding its lines and their accessors (JSON), or one CSV
 * row per accessor with the line repeated. JSON and CSV keep the values perf printed as they are
 * (offset as a number, percentages unrounded), named like the SQL columns, so scripts can join
 * them with {@code hitmap query} output; what hitmap computes is rounded: {@code est_samples} to 1
 * decimal, {@code share_of_listed_total} to 2, the profile costs ({@code line_cost_pct},
 * {@code est_cost_pct}; null without --profile) to 3. The accessor's {@code total_records} is
 * {@code accessor_records}, so that the CSV header stays unique. {@code share_of_listed_total} is
 * the line's share of the summed {@code total} of the capture's lines, whatever {@code perf_pct_of}
 * says. A capture with statistics only is a JSON object with {@code "stats_only": true}, its totals
 * and no lines; CSV holds lines only, so it has no row for it.
 */
public final class LinesWriter {
    static final List<String> LINE_COLUMNS = List.of("capture_id", "path", "metric", "rank", "line_index",
            "address", "total", "remote", "local", "perf_pct", "perf_pct_of", "share_of_listed_total", "total_records",
            "loads", "stores", "node", "accessor_count", "line_cost_pct", "class", "class_secondary",
            "class_confidence", "class_evidence", "victims", "store_share", "remote_share", "max_cpus", "nodes_touched",
            "remedy", "sim_command");
    static final List<String> ACCESSOR_COLUMNS = List.of("row_in_line", "offset", "offset_node", "pa_count",
            "pid", "tid", "code_address", "symbol", "privilege", "object", "source_line", "remote_pct",
            "local_pct", "store_l1hit_pct", "store_l1miss_pct", "store_na_pct", "cycles_rmt", "cycles_lcl",
            "cycles_load", "accessor_records", "cpu_count", "nodes", "est_samples", "source_line_no",
            "profile_self_pct", "profile_children_pct", "est_cost_pct");

    private LinesWriter() {
    }

    /**
     * Writes {@code lines}; the text and JSON also show the {@code statsOnly} captures, with the
     * command that reads their statistics from {@code store} (null when the captures came from files).
     */
    public static void write(List<RankedLine> lines, List<StatsOnlyCapture> statsOnly, String store,
            TableFormat format, PrintWriter w) {
        switch (format) {
            case TEXT -> LinesText.write(lines, statsOnly, store, w);
            case JSON -> json(CaptureLines.of(lines, statsOnly), store, w);
            case CSV -> ResultTableWriter.csv(flatten(lines), w);
            default -> throw new IllegalArgumentException("unhandled format " + format);
        }
        w.flush();
    }

    static List<Object> lineValues(RankedLine l) {
        LineVerdict v = LineVerdict.orNone(l.verdict());
        return Arrays.asList(l.captureId(), l.path(), l.metric(), l.rank(), l.lineIndex(), l.address(),
                l.total(), l.remote(), l.local(), l.perfPct(), l.perfPctOf(), round(l.shareOfListed(), 2), l.totalRecords(),
                l.loads(), l.stores(), l.node(), l.accessorCount(), round(l.estCostPct(), 3),
                v.cls(), v.secondary(), v.confidence(), v.evidence(), v.victims(), v.storeShare(), v.remoteShare(),
                v.maxCpus(), v.nodes(), v.remedy(), v.simCommand());
    }

    static List<Object> accessorValues(RankedAccessor a) {
        return Arrays.asList(a.rowInLine(), a.offset(), a.offsetNode(), a.paCount(), a.pid(), a.tid(),
                a.codeAddress(), a.symbol(), a.privilege(), a.object(), a.sourceLine(), a.remotePct(), a.localPct(),
                a.storeL1HitPct(), a.storeL1MissPct(), a.storeNaPct(), a.cyclesRmt(), a.cyclesLcl(), a.cyclesLoad(),
                a.totalRecords(), a.cpuCount(), a.nodes(), round(a.estSamples(), 1), a.sourceLineNo(),
                a.profileSelfPct(), a.profileChildrenPct(), round(a.estCostPct(), 3));
    }

    /** One row per accessor, the line's columns repeated; a line without accessors still gets a row. */
    static ResultTable flatten(List<RankedLine> lines) {
        List<String> columns = new ArrayList<>(LINE_COLUMNS);
        columns.addAll(ACCESSOR_COLUMNS);
        List<Object> noAccessor = Arrays.asList(new Object[ACCESSOR_COLUMNS.size()]);
        List<List<Object>> rows = new ArrayList<>();
        for (RankedLine l : lines) {
            List<Object> line = lineValues(l);
            if (l.topAccessors().isEmpty()) {
                rows.add(concat(line, noAccessor));
            }
            for (RankedAccessor a : l.topAccessors()) {
                rows.add(concat(line, accessorValues(a)));
            }
        }
        return new ResultTable(columns, rows);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> row = new ArrayList<>(a);
        row.addAll(b);
        return row;
    }

    /**
     * An array with an object per capture: capture_id, path, metric, stats_only and its lines, each
     * with its accessors; a capture with statistics only has, instead of lines, its totals and the
     * command that prints all its statistics.
     */
    static void json(List<CaptureLines> captures, String store, PrintWriter w) {
        try (JsonGenerator g = Json.generator(w)) {
            g.writeStartArray();
            for (CaptureLines c : captures) {
                g.writeStartObject();
                if (c.statsOnly() != null) {
                    statsOnly(g, c.statsOnly(), store);
                } else {
                    RankedLine first = c.lines().get(0);
                    captureFields(g, first.captureId(), first.path(), first.metric(), false);
                }
                g.writeArrayFieldStart("lines");
                for (RankedLine l : c.lines()) {
                    line(g, l);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.print('\n');
    }

    private static void captureFields(JsonGenerator g, int id, String path, String metric, boolean statsOnly)
            throws IOException {
        g.writeNumberField("capture_id", id);
        g.writeStringField("path", path);
        g.writeStringField("metric", metric);
        g.writeBooleanField("stats_only", statsOnly);
    }

    /** Totals as numbers, or as perf printed them when they are not ({@code -nan%}), like the text view. */
    private static void statsOnly(JsonGenerator g, StatsOnlyCapture c, String store) throws IOException {
        captureFields(g, c.captureId(), c.path(), c.metric(), true);
        g.writeObjectFieldStart("totals");
        for (StatsOnlyCapture.Total t : c.totals()) {
            g.writeFieldName(t.key());
            Double n = t.number();
            if (n == null) {
                g.writeString(t.value());
            } else if (n == Math.rint(n) && Math.abs(n) < 1e15) {
                g.writeNumber(n.longValue());
            } else {
                g.writeNumber(n);
            }
        }
        g.writeEndObject();
        g.writeStringField("statistics_command", StatsOnlyText.readCommand(c, store));
    }

    private static void line(JsonGenerator g, RankedLine l) throws IOException {
        g.writeStartObject();
        fields(g, LINE_COLUMNS, lineValues(l));
        g.writeArrayFieldStart("accessors");
        for (RankedAccessor a : l.topAccessors()) {
            g.writeStartObject();
            fields(g, ACCESSOR_COLUMNS, accessorValues(a));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void fields(JsonGenerator g, List<String> names, List<Object> values) throws IOException {
        for (int i = 0; i < names.size(); i++) {
            g.writeFieldName(names.get(i));
            Json.value(g, values.get(i));
        }
    }
}
