// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.RankedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link PredictedCapture} -> {@code perf c2c report --stdio} text that hitmap's c2c parser reads, so
 * {@code lines}, {@code diff} and {@code report} take a prediction like a capture: '#' comment lines saying
 * it is predicted and how, a Shared Data Cache Line Table and the Shared Cache Line Distribution Pareto, with
 * the columns the capture had among those a prediction has (HITM and store counts and shares, offsets, code
 * addresses, CPU counts, symbols, sources, nodes). Lines are numbered and ordered by predicted HITMs, as perf.
 */
public final class PredictedC2cText {
    static final String BANNER = "=================================================";
    static final String SEPARATOR = "  " + "-".repeat(70);

    private PredictedC2cText() {
    }

    /** The text, {@code comment} lines first (each gets its '# '). */
    public static String write(PredictedCapture p, List<String> comment) {
        StringBuilder out = new StringBuilder();
        for (String c : comment) {
            out.append("# ").append(c).append('\n');
        }
        List<PredictedLine> listed = p.listed();
        out.append(BANNER).append("\n            Shared Data Cache Line Table\n").append(BANNER).append('\n');
        table(p, listed).print(out);
        out.append('\n').append(BANNER).append("\n      Shared Cache Line Distribution Pareto\n").append(BANNER).append('\n');
        pareto(p, listed).print(out);
        return out.toString();
    }

    private static C2cTextTable table(PredictedCapture p, List<PredictedLine> listed) {
        List<CapturedLine> before = p.baseline().replay().capture().lines();
        boolean address = any(before, l -> l.line().address() != null);
        boolean node = any(before, l -> l.line().node() != null);
        HitmShare share = HitmShare.of(p);
        List<C2cTextTable.Column> cols = new ArrayList<>();
        cols.add(new C2cTextTable.Column(null, "Index", true));
        if (address) {
            cols.add(new C2cTextTable.Column("Cacheline", "Address", true));
        }
        if (node) {
            cols.add(new C2cTextTable.Column("Cacheline", "Node", true));
        }
        if (share != null) {
            cols.add(new C2cTextTable.Column("Tot", "Hitm", true));
        }
        cols.add(new C2cTextTable.Column("Load Hitm", "Total", true));
        cols.add(new C2cTextTable.Column("Load Hitm", "LclHitm", true));
        cols.add(new C2cTextTable.Column("Load Hitm", "RmtHitm", true));
        List<Function<PredictedLine, Long>> stores = storeColumns(before, cols, "Stores", "L1Hit", "L1Miss", "N/A");
        C2cTextTable t = new C2cTextTable(cols);
        for (int i = 0; i < listed.size(); i++) {
            PredictedLine l = listed.get(i);
            RankedLine r = l.captured().line();
            List<String> cells = new ArrayList<>(List.of(String.valueOf(i)));
            if (address) {
                cells.add(text(r.address()));
            }
            if (node) {
                cells.add(text(r.node()));
            }
            if (share != null) {
                cells.add(pct(share.pct(l)));
            }
            cells.addAll(List.of(String.valueOf(l.hitm()), String.valueOf(l.local()), String.valueOf(l.remote())));
            for (Function<PredictedLine, Long> s : stores) {
                cells.add(String.valueOf(s.apply(l)));
            }
            t.add(cells);
        }
        return t;
    }

    private static List<Function<PredictedLine, Long>> storeColumns(List<CapturedLine> before,
            List<C2cTextTable.Column> cols, String group, String l1hit, String l1miss, String na) {
        List<Function<PredictedLine, Long>> out = new ArrayList<>();
        if (any(before, l -> l.storeL1Hit() != null)) {
            cols.add(new C2cTextTable.Column(group, l1hit, true));
            out.add(l -> zero(l.storeL1Hit()));
        }
        if (any(before, l -> l.storeL1Miss() != null)) {
            cols.add(new C2cTextTable.Column(group, l1miss, true));
            out.add(l -> zero(l.storeL1Miss()));
        }
        if (any(before, l -> l.storeNa() != null)) {
            cols.add(new C2cTextTable.Column(group, na, true));
            out.add(l -> zero(l.storeNa()));
        }
        return out;
    }

    private static C2cTextTable pareto(PredictedCapture p, List<PredictedLine> listed) {
        List<CapturedLine> before = p.baseline().replay().capture().lines();
        ParetoColumns pc = ParetoColumns.of(before);
        C2cTextTable t = new C2cTextTable(pc.columns());
        for (int i = 0; i < listed.size(); i++) {
            PredictedLine l = listed.get(i);
            List<PredictedAccessor> rows = l.accessors().stream().filter(a -> !l.simulated() || a.sampled()).toList();
            if (rows.isEmpty()) {
                continue; // the capture had no Pareto block for it, or none of its listed accessors is left
            }
            t.addRaw(SEPARATOR);
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %5d  %7d  %7d", i, l.remote(), l.local()));
            for (Long s : pc.storeCounts(l)) {
                head.append(String.format(Locale.ROOT, "  %7d", s));
            }
            if (l.captured().line().address() != null) {
                head.append("  ").append(l.captured().line().address());
            }
            t.addRaw(head.toString());
            t.addRaw(SEPARATOR);
            for (PredictedAccessor a : rows) {
                t.add(pc.cells(l, a));
            }
            t.addRaw("");
        }
        return t;
    }

    static boolean any(List<CapturedLine> lines, Predicate<CapturedLine> p) {
        return lines.stream().anyMatch(p);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v);
    }

    static String text(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static long zero(Long v) {
        return v == null ? 0 : v;
    }
}
