// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Column headers and rows of cell strings -> space-aligned lines; right-aligned columns hold
 * numbers. Rows can be measured up front and printed in pieces, so several small tables share widths.
 * Headers and cells are printed through {@link TerminalText#escape}, so no control character
 * reaches the terminal.
 */
final class TextTable {
    private static final String GAP = "  ";

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final int[] widths;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers, boolean[] rightAligned) {
        this.headers = headers.stream().map(TerminalText::escape).toList();
        this.rightAligned = rightAligned.clone();
        this.widths = new int[headers.size()];
        measure(headers);
    }

    /** Keeps the row for {@link #print} and widens the columns to fit it. */
    void add(List<String> row) {
        measure(row);
        rows.add(row);
    }

    /** Widens the columns to fit the row without keeping it. */
    void measure(List<String> row) {
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(widths[c], TerminalText.escape(row.get(c)).length());
        }
    }

    /** Header, an optional rule of dashes, then the rows kept by {@link #add}. */
    void print(PrintWriter w, String indent, boolean rule) {
        printRow(w, indent, headers);
        if (rule) {
            List<String> dashes = new ArrayList<>();
            for (int width : widths) {
                dashes.add("-".repeat(width));
            }
            printRow(w, indent, dashes);
        }
        for (List<String> row : rows) {
            printRow(w, indent, row);
        }
    }

    void printHeader(PrintWriter w, String indent) {
        printRow(w, indent, headers);
    }

    void printRow(PrintWriter w, String indent, List<String> cells) {
        StringBuilder sb = new StringBuilder(indent);
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                sb.append(GAP);
            }
            String cell = TerminalText.escape(cells.get(c));
            String pad = " ".repeat(Math.max(0, widths[c] - cell.length()));
            sb.append(rightAligned[c] ? pad + cell : cell + pad);
        }
        w.print(sb.toString().stripTrailing());
        w.print('\n');
    }
}
