// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonGenerator;
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
 * accessors (text), nested objects (JSON), or one CSV row per accessor with the line repeated.
 * JSON and CSV keep raw typed values (offset as a number, full-precision percentages), named like
 * the SQL columns, so scripts can join them with {@code hitmap query} output; the accessor's
 * {@code total_records} is {@code accessor_records}, so that the CSV header stays unique.
 * Captures with statistics only appear in the text; JSON and CSV hold lines, so they have none.
 */
public final class LinesWriter {
    static final List<String> LINE_COLUMNS = List.of("capture_id", "path", "metric", "rank", "line_index",
            "address", "total", "remote", "local", "perf_pct", "perf_pct_of", "share_of_listed", "total_records",
            "loads", "stores", "node", "accessor_count");
    static final List<String> ACCESSOR_COLUMNS = List.of("row_in_line", "offset", "offset_node", "pa_count",
            "pid", "tid", "code_address", "symbol", "privilege", "object", "source_line", "remote_pct",
            "local_pct", "store_l1hit_pct", "store_l1miss_pct", "store_na_pct", "cycles_rmt", "cycles_lcl",
            "cycles_load", "accessor_records", "cpu_count", "nodes", "est_samples", "source_line_no");

    private LinesWriter() {
    }

    /**
     * Writes {@code lines}; the text also shows the {@code statsOnly} captures, with the command
     * that reads their statistics from {@code store} (null when the captures came from files).
     */
    public static void write(List<RankedLine> lines, List<StatsOnlyCapture> statsOnly, String store,
            TableFormat format, PrintWriter w) {
        switch (format) {
            case TEXT -> LinesText.write(lines, statsOnly, store, w);
            case JSON -> json(lines, w);
            case CSV -> ResultTableWriter.csv(flatten(lines), w);
            default -> throw new IllegalArgumentException("unhandled format " + format);
        }
        w.flush();
    }

    static List<Object> lineValues(RankedLine l) {
        return Arrays.asList(l.captureId(), l.path(), l.metric(), l.rank(), l.lineIndex(), l.address(),
                l.total(), l.remote(), l.local(), l.perfPct(), l.perfPctOf(), l.shareOfListed(), l.totalRecords(),
                l.loads(), l.stores(), l.node(), l.accessorCount());
    }

    static List<Object> accessorValues(RankedAccessor a) {
        return Arrays.asList(a.rowInLine(), a.offset(), a.offsetNode(), a.paCount(), a.pid(), a.tid(),
                a.codeAddress(), a.symbol(), a.privilege(), a.object(), a.sourceLine(), a.remotePct(), a.localPct(),
                a.storeL1HitPct(), a.storeL1MissPct(), a.storeNaPct(), a.cyclesRmt(), a.cyclesLcl(), a.cyclesLoad(),
                a.totalRecords(), a.cpuCount(), a.nodes(), a.estSamples(), a.sourceLineNo());
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

    static void json(List<RankedLine> lines, PrintWriter w) {
        try (JsonGenerator g = Json.generator(w)) {
            g.writeStartArray();
            for (RankedLine l : lines) {
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
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.print('\n');
    }

    private static void fields(JsonGenerator g, List<String> names, List<Object> values) throws IOException {
        for (int i = 0; i < names.size(); i++) {
            g.writeFieldName(names.get(i));
            Json.value(g, values.get(i));
        }
    }
}
