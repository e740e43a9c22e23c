// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns and rows -> a header block in the layout {@code perf c2c report --stdio} prints (a group line of
 * dashed labels, the names, runs of dots as wide as each column) and rows aligned under it: numbers to the
 * right, text to the left, two blanks apart. The c2c parser reads names at their dots runs.
 */
final class C2cTextTable {
    /** A column: its group label (null for none), name, and whether its cells are numbers. */
    record Column(String group, String name, boolean number) {
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    C2cTextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** A row: a cell per column, then any extra cells (a Pareto block's address) after the last. */
    void add(List<String> cells) {
        if (cells.size() < columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    /** A line printed as it is (a Pareto block's separator, a blank line). */
    void addRaw(String line) {
        rows.add(List.of("\u0000" + line));
    }

    int[] widths() {
        int[] w = new int[columns.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = Math.max(columns.get(c).name().length(), 4);
            for (List<String> r : rows) {
                if (!raw(r)) {
                    w[c] = Math.max(w[c], r.get(c).length());
                }
            }
        }
        return w;
    }

    void print(StringBuilder out) {
        int[] w = widths();
        StringBuilder groups = new StringBuilder("#");
        StringBuilder names = new StringBuilder("#");
        StringBuilder dots = new StringBuilder("#");
        for (int c = 0; c < w.length; c++) {
            names.append("  ").append(pad(columns.get(c).name(), w[c], columns.get(c).number()));
            dots.append("  ").append(".".repeat(w[c]));
        }
        int c = 0;
        while (c < w.length) {
            String g = columns.get(c).group();
            int span = w[c];
            int e = c + 1;
            while (g != null && e < w.length && g.equals(columns.get(e).group())) {
                span += 2 + w[e++];
            }
            groups.append("  ").append(g == null ? " ".repeat(span) : dashed(g, span));
            c = e;
        }
        out.append("#\n").append(groups.toString().stripTrailing()).append('\n')
                .append(names.toString().stripTrailing()).append('\n').append(dots).append("\n#\n");
        for (List<String> r : rows) {
            if (raw(r)) {
                out.append(r.get(0).substring(1)).append('\n');
                continue;
            }
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < r.size(); i++) {
                line.append("  ").append(i < w.length ? pad(r.get(i), w[i], columns.get(i).number()) : r.get(i));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static boolean raw(List<String> r) {
        return r.size() == 1 && r.get(0).startsWith("\u0000");
    }

    private static String dashed(String label, int width) {
        if (width < label.length() + 6) {
            return pad(label, width, false);
        }
        int dashes = Math.max(2, width - label.length() - 2);
        String left = "-".repeat(dashes / 2);
        String right = "-".repeat(dashes - dashes / 2);
        return pad(left + " " + label + " " + right, width, false);
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String blanks = " ".repeat(width - s.length());
        return right ? blanks + s : s + blanks;
    }
}
