// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.RankedAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Pareto columns a capture printed, among those a prediction has -> the header and each accessor's
 * cells: the capture's own shares on a carried-over line, the predicted counts over the line's on a
 * simulated one. (Cycles, records, PA cnt and Pid/Tid are not predicted and not written.)
 */
record ParetoColumns(List<C2cTextTable.Column> columns, List<Store> stores, boolean offset, boolean code,
                     boolean cpus, boolean object, boolean source, boolean nodes) {

    /** A store column: the accessor's printed share, its predicted samples, the line's predicted count. */
    record Store(Function<RankedAccessor, Double> printed, Function<PredictedAccessor, Double> samples,
                 Function<PredictedLine, Long> line) {
    }

    static ParetoColumns of(List<CapturedLine> lines) {
        List<C2cTextTable.Column> cols = new ArrayList<>();
        cols.add(new C2cTextTable.Column(null, "Num", true));
        cols.add(new C2cTextTable.Column("HITM", "RmtHitm", true));
        cols.add(new C2cTextTable.Column("HITM", "LclHitm", true));
        List<Store> stores = new ArrayList<>();
        if (anyRow(lines, a -> a.storeL1HitPct() != null)) {
            cols.add(new C2cTextTable.Column("Store Refs", "L1 Hit", true));
            stores.add(new Store(RankedAccessor::storeL1HitPct, PredictedAccessor::storeL1Hit, PredictedLine::storeL1Hit));
        }
        if (anyRow(lines, a -> a.storeL1MissPct() != null)) {
            cols.add(new C2cTextTable.Column("Store Refs", "L1 Miss", true));
            stores.add(new Store(RankedAccessor::storeL1MissPct, PredictedAccessor::storeL1Miss, PredictedLine::storeL1Miss));
        }
        if (anyRow(lines, a -> a.storeNaPct() != null)) {
            cols.add(new C2cTextTable.Column("Store Refs", "N/A", true));
            stores.add(new Store(RankedAccessor::storeNaPct, PredictedAccessor::storeNa, PredictedLine::storeNa));
        }
        boolean offset = anyRow(lines, a -> a.offset() != null);
        boolean code = anyRow(lines, a -> a.codeAddress() != null);
        boolean cpus = anyRow(lines, a -> a.cpuCount() != null);
        boolean object = anyRow(lines, a -> a.object() != null);
        boolean source = anyRow(lines, a -> a.sourceLine() != null);
        boolean nodes = anyRow(lines, a -> a.nodes() != null);
        if (offset) {
            cols.add(new C2cTextTable.Column("Data address", "Offset", true));
        }
        if (code) {
            cols.add(new C2cTextTable.Column(null, "Code address", true));
        }
        if (cpus) {
            cols.add(new C2cTextTable.Column("cpu", "cnt", true));
        }
        cols.add(new C2cTextTable.Column(null, "Symbol", false));
        if (object) {
            cols.add(new C2cTextTable.Column(null, "Object", false));
        }
        if (source) {
            cols.add(new C2cTextTable.Column(null, "Source:Line", false));
        }
        if (nodes) {
            cols.add(new C2cTextTable.Column("Shared", "Node", false));
        }
        return new ParetoColumns(cols, stores, offset, code, cpus, object, source, nodes);
    }

    private static boolean anyRow(List<CapturedLine> lines, java.util.function.Predicate<RankedAccessor> p) {
        return lines.stream().flatMap(l -> l.accessors().stream()).map(CapturedAccessor::row).anyMatch(p);
    }

    /** The counts a Pareto block header carries after the HITMs: the line's store counts. */
    List<Long> storeCounts(PredictedLine l) {
        return stores.stream().map(s -> s.line().apply(l)).map(v -> v == null ? 0L : v).toList();
    }

    List<String> cells(PredictedLine l, PredictedAccessor a) {
        RankedAccessor r = a.captured().row();
        List<String> out = new ArrayList<>(List.of("")); // under Num: perf leaves it blank on accessor rows
        if (l.simulated()) {
            out.add(PredictedC2cText.pct(share(a.rmtHitm(), l.remote())));
            out.add(PredictedC2cText.pct(share(a.lclHitm(), l.local())));
            for (Store s : stores) {
                Long line = s.line().apply(l);
                out.add(PredictedC2cText.pct(share(s.samples().apply(a), line == null ? 0 : line)));
            }
        } else {
            out.add(PredictedC2cText.pct(orZero(r.remotePct())));
            out.add(PredictedC2cText.pct(orZero(r.localPct())));
            for (Store s : stores) {
                out.add(PredictedC2cText.pct(orZero(s.printed().apply(r))));
            }
        }
        if (offset) {
            out.add(r.offset() == null ? "-" : String.format(Locale.ROOT, "0x%x", r.offset()));
        }
        if (code) {
            out.add(PredictedC2cText.text(r.codeAddress()));
        }
        if (cpus) {
            out.add(PredictedC2cText.text(r.cpuCount()));
        }
        out.add("[" + (r.privilege() == null ? "." : r.privilege()) + "] " + PredictedC2cText.text(r.symbol()));
        if (object) {
            String o = PredictedC2cText.text(r.object());
            out.add("k".equals(r.privilege()) ? "[" + o + "]" : o);
        }
        if (source) {
            out.add(PredictedC2cText.text(r.sourceLine()));
        }
        if (nodes) {
            out.add(r.nodes() == null ? "" : r.nodes());
        }
        return out;
    }

    private static double share(double part, long whole) {
        return whole <= 0 ? 0 : 100 * part / whole;
    }

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }
}
