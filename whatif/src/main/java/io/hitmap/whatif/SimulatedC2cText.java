// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.sim.Prediction;
import io.hitmap.sim.SiteStats;
import io.hitmap.sim.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code hitmap sim} prediction (a strategy at a CPU count) -> {@code perf c2c report --stdio} text of
 * the scenario's shared lines, so {@code lines}, {@code diff} and {@code report} read a simulated run like a
 * captured one: the line table (HITMs local and remote, stores hitting and missing L1) and the Pareto with
 * each accessor symbol's share. Counts are simulated accesses, every one counted (a capture samples them);
 * nothing a simulation does not know (addresses, offsets, cycles, sources) is written.
 */
public final class SimulatedC2cText {
    private SimulatedC2cText() {
    }

    /** Per line: its accessors and their sums, lines in the scenario's order, most HITMs first. */
    private record Line(String name, List<SiteStats> sites, long local, long remote, long storeHit, long storeMiss) {
        long hitm() {
            return local + remote;
        }
    }

    public static String write(Prediction p, List<String> comment) {
        List<Line> all = lines(p.sites());
        StringBuilder out = new StringBuilder();
        for (String c : comment) {
            out.append("# ").append(c).append('\n');
        }
        List<Line> lines = all.stream().filter(l -> l.hitm() > 0).toList();
        for (int i = 0; i < lines.size(); i++) {
            out.append(String.format(Locale.ROOT, "# line %d: %s%n", i, lines.get(i).name()));
        }
        for (Line l : all) {
            if (l.hitm() == 0) {
                out.append("# not listed: ").append(l.name()).append(", no HITM (perf c2c would not list it either)\n");
            }
        }
        out.append(PredictedC2cText.BANNER).append("\n            Shared Data Cache Line Table\n")
                .append(PredictedC2cText.BANNER).append('\n');
        C2cTextTable table = new C2cTextTable(List.of(new C2cTextTable.Column(null, "Index", true),
                new C2cTextTable.Column("Load Hitm", "Total", true), new C2cTextTable.Column("Load Hitm", "LclHitm", true),
                new C2cTextTable.Column("Load Hitm", "RmtHitm", true), new C2cTextTable.Column("Stores", "L1Hit", true),
                new C2cTextTable.Column("Stores", "L1Miss", true)));
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            table.add(List.of(String.valueOf(i), String.valueOf(l.hitm()), String.valueOf(l.local()),
                    String.valueOf(l.remote()), String.valueOf(l.storeHit()), String.valueOf(l.storeMiss())));
        }
        table.print(out);
        out.append('\n').append(PredictedC2cText.BANNER).append("\n      Shared Cache Line Distribution Pareto\n")
                .append(PredictedC2cText.BANNER).append('\n');
        C2cTextTable pareto = new C2cTextTable(List.of(new C2cTextTable.Column(null, "Num", true),
                new C2cTextTable.Column("HITM", "RmtHitm", true), new C2cTextTable.Column("HITM", "LclHitm", true),
                new C2cTextTable.Column("Store Refs", "L1 Hit", true), new C2cTextTable.Column("Store Refs", "L1 Miss", true),
                new C2cTextTable.Column("cpu", "cnt", true), new C2cTextTable.Column(null, "Symbol", false)));
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            pareto.addRaw(PredictedC2cText.SEPARATOR);
            pareto.addRaw(String.format(Locale.ROOT, "  %5d  %7d  %7d  %7d  %7d", i, l.remote(), l.local(),
                    l.storeHit(), l.storeMiss()));
            pareto.addRaw(PredictedC2cText.SEPARATOR);
            for (SiteStats s : l.sites()) {
                boolean write = s.kind() != Step.Kind.LOAD;
                long hit = write ? s.accesses() - s.storeMisses() : 0;
                long miss = write ? s.storeMisses() : 0;
                pareto.add(List.of("", pct(s.remoteHitm(), l.remote()), pct(s.localHitm(), l.local()),
                        pct(hit, l.storeHit()), pct(miss, l.storeMiss()), String.valueOf(p.cpus()), "[k] " + s.site()));
            }
            pareto.addRaw("");
        }
        pareto.print(out);
        return out.toString();
    }

    private static List<Line> lines(List<SiteStats> sites) {
        Map<String, List<SiteStats>> byLine = new LinkedHashMap<>();
        for (SiteStats s : sites) {
            byLine.computeIfAbsent(s.line(), k -> new ArrayList<>()).add(s);
        }
        List<Line> out = new ArrayList<>();
        for (Map.Entry<String, List<SiteStats>> e : byLine.entrySet()) {
            long local = 0;
            long remote = 0;
            long hit = 0;
            long miss = 0;
            for (SiteStats s : e.getValue()) {
                local += s.localHitm();
                remote += s.remoteHitm();
                if (s.kind() != Step.Kind.LOAD) {
                    hit += s.accesses() - s.storeMisses();
                    miss += s.storeMisses();
                }
            }
            out.add(new Line(e.getKey(), e.getValue(), local, remote, hit, miss));
        }
        out.sort((a, b) -> Long.compare(b.hitm(), a.hitm()));
        return out;
    }

    private static String pct(long part, long whole) {
        return PredictedC2cText.pct(whole <= 0 ? 0 : 100.0 * part / whole);
    }
}
