// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.RankedAccessor;
import io.hitmap.analysis.RankedLine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Ranked lines -> the terminal view: per capture a title, per line two summary lines and an
 * indented accessor table whose columns line up across the capture.
 * <pre>
 * capture 1  overlayfs-creds-before.c2c.txt  (top 3 lines by HITM)
 *
 * #1  line 0
 *     HITM 1440  remote 412  local 1028  share 82.71%  accessors 8
 *     symbol        source:line       rmt-hitm  lcl-hitm  nodes
 *     revert_creds  atomic64_64.h:39    41.50%    42.22%  0 1
 *     ... 7 more accessors
 * </pre>
 * Absent line fields are left out, and accessor columns absent for the whole capture are dropped
 * (a Pareto-only capture has no offsets or store shares); otherwise an absent cell shows {@code -}.
 */
final class LinesText {
    private static final String NONE = "-";
    private static final String INDENT = "    ";

    private record Column(String header, boolean right, Function<RankedAccessor, Object> raw,
                          Function<RankedAccessor, String> cell) {
    }

    private LinesText() {
    }

    static void write(List<RankedLine> lines, PrintWriter w) {
        if (lines.isEmpty()) {
            w.print("no contended cache lines found\n");
            return;
        }
        int from = 0;
        for (int i = 1; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).captureId() != lines.get(from).captureId()) {
                if (from > 0) {
                    w.print('\n');
                }
                capture(lines.subList(from, i), w);
                from = i;
            }
        }
    }

    private static void capture(List<RankedLine> lines, PrintWriter w) {
        RankedLine first = lines.get(0);
        String metric = metricLabel(first.metric());
        int n = lines.size();
        w.print("capture " + first.captureId() + "  " + first.path() + "  (top " + n
                + (n == 1 ? " line" : " lines") + " by " + metric + ")\n");
        List<Column> columns = columns(metric, lines);
        List<String> headers = new ArrayList<>();
        boolean[] right = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            headers.add(columns.get(c).header());
            right[c] = columns.get(c).right();
        }
        TextTable table = new TextTable(headers, right);
        for (RankedLine l : lines) {
            for (RankedAccessor a : l.topAccessors()) {
                table.measure(cells(columns, a));
            }
        }
        for (RankedLine l : lines) {
            w.print('\n');
            line(l, metric, table, columns, w);
        }
    }

    private static void line(RankedLine l, String metric, TextTable table, List<Column> columns, PrintWriter w) {
        StringBuilder head = new StringBuilder("#" + l.rank() + "  line " + l.lineIndex());
        field(head, "address", l.address());
        field(head, "node", l.node());
        w.print(head.append('\n'));
        StringBuilder counts = new StringBuilder(INDENT.length() + 80);
        field(counts, metric, l.total());
        field(counts, "remote", l.remote());
        field(counts, "local", l.local());
        field(counts, "share", Cells.percent(l.shareOfCapture(), null));
        field(counts, "records", l.totalRecords());
        field(counts, "loads", l.loads());
        field(counts, "stores", l.stores());
        field(counts, "accessors", l.accessorCount());
        w.print(INDENT + counts.toString().strip() + "\n");
        if (!l.topAccessors().isEmpty()) {
            table.printHeader(w, INDENT);
            for (RankedAccessor a : l.topAccessors()) {
                table.printRow(w, INDENT, cells(columns, a));
            }
        }
        int more = l.accessorCount() - l.topAccessors().size();
        if (more > 0) {
            w.print(INDENT + "... " + more + (more == 1 ? " more accessor\n" : " more accessors\n"));
        }
    }

    private static void field(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append("  ").append(name).append(' ').append(Cells.text(value, NONE));
        }
    }

    private static List<String> cells(List<Column> columns, RankedAccessor a) {
        List<String> cells = new ArrayList<>(columns.size());
        for (Column c : columns) {
            cells.add(c.cell().apply(a));
        }
        return cells;
    }

    /** The accessor columns that have a value somewhere in this capture; the symbol always shows. */
    private static List<Column> columns(String metric, List<RankedLine> lines) {
        String m = metric.toLowerCase(Locale.ROOT);
        List<Column> all = List.of(
                new Column("offset", false, RankedAccessor::offset, a -> Cells.hex(a.offset(), NONE)),
                new Column("pid", true, RankedAccessor::pid, a -> Cells.text(a.pid(), NONE)),
                new Column("tid", false, RankedAccessor::tid, a -> Cells.text(a.tid(), NONE)),
                new Column("symbol", false, a -> "", a -> Cells.text(a.symbol(), NONE)),
                new Column("source:line", false, RankedAccessor::sourceLine, a -> Cells.text(a.sourceLine(), NONE)),
                new Column("rmt-" + m, true, RankedAccessor::remotePct, a -> Cells.percent(a.remotePct(), NONE)),
                new Column("lcl-" + m, true, RankedAccessor::localPct, a -> Cells.percent(a.localPct(), NONE)),
                new Column("st-l1hit", true, RankedAccessor::storeL1HitPct,
                        a -> Cells.percent(a.storeL1HitPct(), NONE)),
                new Column("st-l1miss", true, RankedAccessor::storeL1MissPct,
                        a -> Cells.percent(a.storeL1MissPct(), NONE)),
                new Column("cpus", true, RankedAccessor::cpuCount, a -> Cells.text(a.cpuCount(), NONE)),
                new Column("nodes", false, RankedAccessor::nodes, a -> Cells.text(a.nodes(), NONE)));
        List<Column> kept = new ArrayList<>();
        for (Column c : all) {
            if (lines.stream().flatMap(l -> l.topAccessors().stream()).anyMatch(a -> c.raw().apply(a) != null)) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** {@code hitm} -> {@code HITM}, {@code peer} -> {@code Peer}, as perf c2c labels them. */
    static String metricLabel(String metric) {
        if (metric == null || metric.isEmpty()) {
            return "HITM";
        }
        return metric.equalsIgnoreCase("peer") ? "Peer" : metric.toUpperCase(Locale.ROOT);
    }
}
