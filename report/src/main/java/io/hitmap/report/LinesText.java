// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.RankedAccessor;
import io.hitmap.analysis.LineVerdict;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.StatsOnlyCapture;
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
 *     HITM 1440 (82.71% of the listed lines)  remote 412  local 1028  accessors 8
 *     symbol        source:line       rmt-hitm  lcl-hitm  nodes
 *     revert_creds  atomic64_64.h:39    41.50%    42.22%  0 1
 *     ... 7 more accessors
 * </pre>
 * The line's percentage is perf's own ({@code 28.14% of all HITMs}) when the capture has it, else
 * the share of the lines in the capture, labelled so. Absent line fields are left out, and
 * accessor columns absent for the whole capture are dropped (a Pareto-only capture has no offsets
 * or store shares); otherwise an absent cell shows {@code -}. Symbols longer than 40 characters,
 * source:line longer than 30 and node lists longer than 24 are cut to that width ending in
 * {@code …}; code addresses are never cut. Captures with statistics only are
 * written by {@link StatsOnlyText}, in capture_id order with the others.
 */
final class LinesText {
    private static final String NONE = "-";
    private static final String INDENT = "    ";
    // text cells longer than these end in '…' (a C++ symbol can be megabytes); JSON and CSV keep them whole
    static final int SYMBOL_MAX = 40;
    static final int SOURCE_LINE_MAX = 30;
    static final int NODES_MAX = 24;

    private record Column(String header, boolean right, Function<RankedAccessor, Object> raw,
                          Function<RankedAccessor, String> cell) {
    }

    private LinesText() {
    }

    static void write(List<RankedLine> lines, List<StatsOnlyCapture> statsOnly, String store, PrintWriter w) {
        if (lines.isEmpty() && statsOnly.isEmpty()) {
            w.print("no contended cache lines found\n");
            return;
        }
        boolean first = true;
        for (CaptureLines c : CaptureLines.of(lines, statsOnly)) {
            if (!first) {
                w.print('\n');
            }
            first = false;
            if (c.statsOnly() == null) {
                capture(c.lines(), w);
            } else {
                StatsOnlyText.write(c.statsOnly(), store, w);
            }
        }
    }

    private static void capture(List<RankedLine> lines, PrintWriter w) {
        RankedLine first = lines.get(0);
        String metric = metricLabel(first.metric());
        int n = lines.size();
        boolean costed = lines.stream().anyMatch(l -> l.estCostPct() != null);
        w.print(TerminalText.escape("capture " + first.captureId() + "  " + first.path() + "  (top " + n
                + (n == 1 ? " line" : " lines") + " by " + (costed ? "estimated profile cost, then " : "")
                + metric + ")") + "\n");
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
        String whatif = whatifCommand(lines);
        if (whatif != null) {
            w.print('\n' + TerminalText.escape(whatif) + "\n");
        }
    }

    /**
     * For a HITM capture read from a file that has a refcount line: the {@code hitmap whatif} command that
     * replays it under every strategy (the topology is the user's to pick; a Sapphire Rapids preset for
     * Intel's HITM), else null.
     */
    static String whatifCommand(List<RankedLine> lines) {
        RankedLine first = lines.get(0);
        boolean refcount = lines.stream().anyMatch(l -> l.verdict() != null && "refcount".equals(l.verdict().cls()));
        if (!refcount || !"hitm".equals(first.metric()) || first.path() == null || first.path().equals("-")
                || first.path().startsWith("/dev/")) {
            return null;
        }
        return "what if: hitmap whatif " + first.path() + " --sweep --topology spr-8480-2s   (your machine's "
                + "preset, or --profile REPORT --topology header)";
    }

    private static void line(RankedLine l, String metric, TextTable table, List<Column> columns, PrintWriter w) {
        StringBuilder head = new StringBuilder("#" + l.rank() + "  line " + l.lineIndex());
        field(head, "address", l.address(), null);
        field(head, "node", l.node(), null);
        w.print(head.append('\n'));
        LineShare share = LineShare.of(l);
        StringBuilder counts = new StringBuilder(INDENT.length() + 80);
        field(counts, metric, l.total(), share.on(LineShare.Count.TOTAL));
        field(counts, "remote", l.remote(), share.on(LineShare.Count.REMOTE));
        field(counts, "local", l.local(), share.on(LineShare.Count.LOCAL));
        field(counts, "records", l.totalRecords(), null);
        field(counts, "loads", l.loads(), null);
        field(counts, "stores", l.stores(), null);
        field(counts, "accessors", l.accessorCount(), null);
        w.print(INDENT + counts.toString().strip() + "\n");
        if (l.verdict() != null) {
            verdict(l.verdict(), w);
        }
        if (l.estCostPct() != null) {
            w.print(INDENT + "est. cost " + Cells.percent(l.estCostPct(), NONE)
                    + " of profiled samples (its accessors' self time, split by where their contended accesses go)\n");
        }
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

    /**
     * {@code refcount (confidence 0.64): get/put on a reference count: revert_creds atomic64_64.h:39 (42.0%), ...},
     * then the false-sharing readers, the line's store/remote mix and the remedy, a line each.
     */
    private static void verdict(LineVerdict v, PrintWriter w) {
        StringBuilder head = new StringBuilder(v.cls());
        if (v.confidence() != null) {
            head.append(" (confidence ").append(Cells.fixed2(v.confidence())).append(')');
        }
        if (v.evidence() != null) {
            head.append(": ").append(v.evidence());
        }
        w.print(INDENT + TerminalText.escape(head.toString()) + "\n");
        if (v.secondary() != null && v.victims() != null) {
            w.print(INDENT + TerminalText.escape(v.secondary() + ": " + v.victims()) + "\n");
        }
        StringBuilder mix = new StringBuilder();
        if (v.storeShare() != null) {
            mix.append(v.storeShare() >= 0.5 ? "store-heavy" : "load-heavy").append(" (stores ")
                    .append(Cells.percent(100 * v.storeShare(), NONE)).append(")");
        }
        if (v.remoteShare() != null) {
            mix.append(mix.length() == 0 ? "" : ", ").append(v.remoteShare() >= 0.5 ? "mostly remote" : "mostly local")
                    .append(" (remote ").append(Cells.percent(100 * v.remoteShare(), NONE)).append(")");
        }
        if (v.maxCpus() != null) {
            mix.append(mix.length() == 0 ? "" : ", ").append("up to ").append(v.maxCpus())
                    .append(v.maxCpus() == 1 ? " CPU" : " CPUs").append(" per accessor");
        }
        if (v.nodes() != null) {
            mix.append(mix.length() == 0 ? "" : ", ").append("nodes ").append(v.nodes());
        }
        if (mix.length() > 0) {
            w.print(INDENT + TerminalText.escape(mix.toString()) + "\n");
        }
        if (v.remedy() != null) {
            w.print(INDENT + TerminalText.escape("remedy: " + v.remedy()) + "\n");
        }
        if (v.simCommand() != null) {
            w.print(INDENT + TerminalText.escape("model it: " + v.simCommand()) + "\n");
        }
    }

    private static void field(StringBuilder sb, String name, Object value, String note) {
        if (value != null) {
            sb.append("  ").append(name).append(' ').append(Cells.text(value, NONE));
            if (note != null) {
                sb.append(" (").append(note).append(')');
            }
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
                new Column("code-addr", false, RankedAccessor::codeAddress, a -> Cells.text(a.codeAddress(), NONE)),
                new Column("pid", true, RankedAccessor::pid, a -> Cells.text(a.pid(), NONE)),
                new Column("tid", false, RankedAccessor::tid, a -> Cells.text(a.tid(), NONE)),
                new Column("symbol", false, a -> "", a -> Cells.cut(Cells.text(a.symbol(), NONE), SYMBOL_MAX)),
                new Column("source:line", false, RankedAccessor::sourceLine,
                        a -> Cells.cut(Cells.text(a.sourceLine(), NONE), SOURCE_LINE_MAX)),
                new Column("rmt-" + m, true, RankedAccessor::remotePct, a -> Cells.percent(a.remotePct(), NONE)),
                new Column("lcl-" + m, true, RankedAccessor::localPct, a -> Cells.percent(a.localPct(), NONE)),
                new Column("st-l1hit", true, RankedAccessor::storeL1HitPct,
                        a -> Cells.percent(a.storeL1HitPct(), NONE)),
                new Column("st-l1miss", true, RankedAccessor::storeL1MissPct,
                        a -> Cells.percent(a.storeL1MissPct(), NONE)),
                new Column("st-na", true, RankedAccessor::storeNaPct, a -> Cells.percent(a.storeNaPct(), NONE)),
                new Column("cyc-rmt", true, RankedAccessor::cyclesRmt, a -> Cells.whole(a.cyclesRmt(), NONE)),
                new Column("cyc-lcl", true, RankedAccessor::cyclesLcl, a -> Cells.whole(a.cyclesLcl(), NONE)),
                new Column("cyc-load", true, RankedAccessor::cyclesLoad, a -> Cells.whole(a.cyclesLoad(), NONE)),
                new Column("cpus", true, RankedAccessor::cpuCount, a -> Cells.text(a.cpuCount(), NONE)),
                new Column("prof-self", true, RankedAccessor::profileSelfPct,
                        a -> Cells.percent(a.profileSelfPct(), NONE)),
                new Column("prof-total", true, RankedAccessor::profileChildrenPct,
                        a -> Cells.percent(a.profileChildrenPct(), NONE)),
                new Column("est-cost", true, RankedAccessor::estCostPct, a -> Cells.percent(a.estCostPct(), NONE)),
                new Column("nodes", false, RankedAccessor::nodes,
                        a -> Cells.cut(Cells.text(a.nodes(), NONE), NODES_MAX)));
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
