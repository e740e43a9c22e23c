// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.AccessorChange;
import io.hitmap.analysis.DiffedLine;
import io.hitmap.analysis.LineDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link LineDiff} -> one paragraph for a patch cover letter, built from the data: the accessors
 * that left or joined a persisting line, the lines that persist, and the lines removed and new, eg,
 * "The accesses of revert_creds, override_creds at atomic64_64.h are gone from the line they shared
 * with generic_permission (before line 0, after line 2); generic_permission (mnt_idmapping.h:81) still
 * contends on it, 1440 → 72 HITM (−95%)."
 */
final class DiffSummary {
    /** An accessor is named when it holds at least this share of its line's estimated samples. */
    static final double NAMED_WEIGHT = 0.02;
    /** A persisting line is told as reshaped when the items that left or joined it weigh this much. */
    static final double RESHAPED_WEIGHT = 0.10;
    private static final int NAMED_LINES = 3;

    private DiffSummary() {
    }

    static String of(LineDiff d) {
        String metric = DiffWriter.metric(d.before());
        List<String> sentences = new ArrayList<>();
        Map<String, List<DiffedLine>> steady = new LinkedHashMap<>();
        List<DiffedLine> removed = new ArrayList<>();
        List<DiffedLine> added = new ArrayList<>();
        for (DiffedLine l : d.lines()) {
            switch (l.status()) {
                case "persisting" -> {
                    String reshaped = reshaped(l, metric);
                    if (reshaped != null) {
                        sentences.add(reshaped);
                    } else {
                        steady.computeIfAbsent(name(l.topSymbol()), k -> new ArrayList<>()).add(l);
                    }
                }
                case "removed" -> removed.add(l);
                default -> added.add(l);
            }
        }
        for (Map.Entry<String, List<DiffedLine>> e : steady.entrySet()) {
            List<String> counts = e.getValue().stream()
                    .map(l -> l.beforeTotal() + " → " + l.afterTotal()).toList();
            boolean one = counts.size() == 1;
            sentences.add("The " + e.getKey() + (one ? " line persists (" : " lines persist (")
                    + String.join(", ", counts) + " " + metric + ").");
        }
        if (!removed.isEmpty()) {
            sentences.add(lines(removed, true, metric) + (removed.size() == 1 ? " is gone." : " are gone."));
        }
        if (!added.isEmpty()) {
            sentences.add("New: " + lines(added, false, DiffWriter.metric(d.after())) + ".");
        }
        if (sentences.isEmpty()) {
            return "Neither capture lists a contended line.";
        }
        return String.join(" ", sentences);
    }

    /** The sentence for a line whose accessors changed by {@link #RESHAPED_WEIGHT} or more, else null. */
    private static String reshaped(DiffedLine l, String metric) {
        double gone = 0;
        double joined = 0;
        for (AccessorChange a : l.accessors()) {
            gone += "gone".equals(a.status()) ? a.beforeWeight() : 0;
            joined += "new".equals(a.status()) ? a.afterWeight() : 0;
        }
        if (gone < RESHAPED_WEIGHT && joined < RESHAPED_WEIGHT) {
            return null;
        }
        String kept = named(l.accessors());
        String where = "before line " + l.beforeLine() + ", after line " + l.afterLine();
        List<String> parts = new ArrayList<>();
        if (gone >= RESHAPED_WEIGHT) {
            parts.add("The accesses of " + atFiles(l.accessors(), "gone", true) + " are gone from the line"
                    + (kept.isEmpty() ? "" : " they shared with " + symbolsOf(kept)) + " (" + where + ")");
        }
        if (joined >= RESHAPED_WEIGHT) {
            parts.add((parts.isEmpty() ? "" : "and ") + atFiles(l.accessors(), "new", false) + " now touch"
                    + (parts.isEmpty() ? " the line (" + where + ")" : " it"));
        }
        parts.add((kept.isEmpty() ? "it" : kept + " still contend" + (kept.contains(", ") ? "" : "s") + " on it")
                + ", " + l.beforeTotal() + " → " + l.afterTotal() + " " + metric + pct(l.deltaPct()));
        StringBuilder sb = new StringBuilder(String.join("; ", parts));
        if (!Character.isUpperCase(sb.charAt(0))) {
            sb.insert(0, "On the line (" + where + "), ");
        }
        return sb.append('.').toString();
    }

    /** {@code revert_creds, override_creds at atomic64_64.h}: the named items of that status and their files. */
    private static String atFiles(List<AccessorChange> items, String status, boolean before) {
        Set<String> symbols = new LinkedHashSet<>();
        Set<String> files = new LinkedHashSet<>();
        for (AccessorChange a : items) {
            Double w = before ? a.beforeWeight() : a.afterWeight();
            if (status.equals(a.status()) && w != null && w >= NAMED_WEIGHT) {
                symbols.add(name(a.symbol()));
                if (a.sourceLine() != null) {
                    files.add(a.sourceLine().replaceFirst(":[^:]*$", ""));
                }
            }
        }
        return String.join(", ", symbols) + (files.isEmpty() ? "" : " at " + String.join(", ", files));
    }

    /** {@code generic_permission (mnt_idmapping.h:81)}: the items on both sides, named by their after weight. */
    private static String named(List<AccessorChange> items) {
        Set<String> out = new LinkedHashSet<>();
        items.stream()
                .filter(a -> a.afterWeight() != null && a.beforeWeight() != null && a.afterWeight() >= NAMED_WEIGHT)
                .sorted((x, y) -> Double.compare(y.afterEstSamples(), x.afterEstSamples()))
                .forEach(a -> out.add(name(a.symbol()) + (a.afterSourceLine() == null ? "" : " (" + a.afterSourceLine() + ")")));
        return String.join(", ", out);
    }

    /** {@code a (x.h:1), b (y.h:2)} -> {@code a, b}. */
    private static String symbolsOf(String named) {
        return named.replaceAll(" \\([^)]*\\)", "");
    }

    private static String lines(List<DiffedLine> ls, boolean before, String metric) {
        List<String> named = new ArrayList<>();
        for (DiffedLine l : ls.subList(0, Math.min(NAMED_LINES, ls.size()))) {
            named.add("the " + name(l.topSymbol()) + " line (" + (before ? l.beforeTotal() : l.afterTotal()) + " "
                    + metric + ")");
        }
        String more = ls.size() > NAMED_LINES ? " and " + (ls.size() - NAMED_LINES) + " more" : "";
        String s = String.join(", ", named) + more;
        return before ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    private static String name(String symbol) {
        return symbol == null ? "unnamed" : symbol;
    }

    /** {@code  (−95%)}, {@code  (+4.2 %)}; nothing when there is no before count. */
    static String pct(Double p) {
        if (p == null) {
            return "";
        }
        String sign = p < 0 ? "−" : "+";
        double a = Math.abs(p);
        return " (" + sign + String.format(Locale.ROOT, a >= 10 ? "%.0f" : "%.1f", a) + "%)";
    }
}
