// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits one data row of the c2c table or Pareto into cells, one per header column, and turns
 * cells into numbers. Pure functions: a row that breaks the header shape yields a {@link RowError}
 * naming what was expected and what was found.
 */
final class C2cRows {
    // eg, "412", "41.50%", "0x28", "-nan%", "N/A", "1,234"
    private static final Pattern NUMERIC = Pattern.compile("-?\\d[\\d.,]*%?|0x[0-9a-fA-F]+|-?nan%?|N/A");
    // a row starts with a number, a percentage or an address; so does "75.0O%", a row with a typo
    private static final Pattern ROW_START = Pattern.compile("(?:-?\\d|-?nan|0x)\\S*(?:\\s.*)?");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private C2cRows() {
    }

    /** What a row should have held and what it held instead; the parser adds file and line. */
    static final class RowError extends Exception {
        private static final long serialVersionUID = 1L;

        RowError(String message) {
            super(message, null, false, false);
        }
    }

    /** Start and end of each blank-separated word of a line, found in one pass (no regex). */
    static final class Words {
        private final String text;
        private int[] at = new int[64];
        private int n;

        Words(String text) {
            this.text = text;
            int len = text.length();
            int i = 0;
            while (true) {
                while (i < len && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i >= len) {
                    return;
                }
                int start = i;
                while (i < len && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (2 * n + 2 > at.length) {
                    at = java.util.Arrays.copyOf(at, at.length * 2);
                }
                at[2 * n] = start;
                at[2 * n + 1] = i;
                n++;
            }
        }

        int count() { return n; }
        String word(int k) { return text.substring(at[2 * k], at[2 * k + 1]); }
        int start(int k) { return at[2 * k]; }
        int end(int k) { return at[2 * k + 1]; }
    }

    /** A table row: every cell is one blank-separated token. */
    static String[] tableCells(String text, C2cColumns cols) throws RowError {
        Words w = new Words(text);
        if (w.count() != cols.fields().size()) {
            throw new RowError(String.format(Locale.ROOT, "expected %d columns (%s), found %d",
                    cols.fields().size(), String.join(" ", cols.names()), w.count()));
        }
        String[] cells = new String[w.count()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = w.word(i);
            check(cells[i], cols, i);
        }
        return cells;
    }

    /**
     * A Pareto row: the numeric cells are blank-separated tokens (a Tid may hold blanks:
     * {@code 3603:Web Content}); Symbol, Object, Source:Line and Node are anchored on the
     * {@code [k]}/{@code [.]} marker and read from the right, since symbols hold blanks.
     */
    static String[] paretoCells(String text, C2cColumns cols) throws RowError {
        List<C2cField> fields = cols.fields();
        String[] cells = new String[fields.size()];
        Words w = new Words(text);
        int k = 0;
        int pos = 0;
        int i = 0;
        for (; i < fields.size() && !fields.get(i).isTail(); i++) {
            if (fields.get(i) == C2cField.NUM) {
                continue; // printed blank on rows (cl_num_empty); the block header carries it
            }
            if (k >= w.count()) {
                throw new RowError(String.format(Locale.ROOT, "expected %s in column %d, found end of line",
                        cols.names().get(i), i + 1));
            }
            String cell = w.word(k);
            pos = w.end(k++);
            if (fields.get(i) == C2cField.TID && i + 1 < fields.size()) {
                // a comm with blanks runs until the next cell that fits the next column
                while (k < w.count() && !fits(w.word(k), fields.get(i + 1))) {
                    cell = cell + ' ' + w.word(k);
                    pos = w.end(k++);
                }
            }
            cells[i] = cell;
            check(cells[i], cols, i);
        }
        if (i < fields.size()) {
            tail(text.substring(pos), cols, i, cells);
        } else if (k < w.count()) {
            throw new RowError("expected end of row after " + fields.size() + " columns, found \""
                    + text.substring(w.start(k)).strip() + "\"");
        }
        return cells;
    }

    private static void tail(String rest, C2cColumns cols, int first, String[] cells) throws RowError {
        List<C2cField> fields = cols.fields();
        int last = fields.size() - 1;
        String left = rest;
        if (fields.get(last) == C2cField.NODES) {
            int start = nodesStart(left);
            if (start >= 0) {
                cells[last] = BLANKS.matcher(left.substring(start).strip()).replaceAll(" ");
                left = left.substring(0, start);
            }
            last--;
        }
        for (int i = last; i > first; i--) {
            // Source:Line and Object never hold blanks; whatever is left of them is the symbol
            String stripped = left.stripTrailing();
            if (stripped.isEmpty()) {
                throw new RowError("expected " + cols.names().get(i) + " after the symbol, found end of line");
            }
            int cut = stripped.length() - 1;
            while (cut >= 0 && !Character.isWhitespace(stripped.charAt(cut))) {
                cut--;
            }
            cells[i] = stripped.substring(cut + 1);
            left = cut < 0 ? "" : stripped.substring(0, cut);
        }
        String symbolCell = left.strip();
        if (fields.get(first) == C2cField.SYMBOL && symbol(symbolCell) == null) {
            // the pattern is compiled here, on the error path only: this runs for every row
            if (symbolCell.matches("\\[[k.gHu]]")) {
                throw new RowError("expected a symbol after the " + symbolCell + " marker, found nothing");
            }
            throw new RowError("expected a symbol with a [k] or [.] marker, found \"" + symbolCell + "\"");
        }
        cells[first] = symbolCell;
    }

    /**
     * Where the node list at the end of a Pareto row starts, read backwards item by item
     * ({@code 0}, {@code 1{24-25,120}}, {@code 0{ 2 100.0%    n/a}}); -1 when the row ends otherwise.
     */
    static int nodesStart(String s) {
        int end = s.length();
        int start = -1;
        while (true) {
            while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
                end--;
            }
            int i = end;
            if (i > 0 && s.charAt(i - 1) == '}') {
                int open = s.lastIndexOf('{', i - 1);
                if (open < 0 || s.indexOf('}', open) != i - 1) {
                    return start;
                }
                i = open;
            }
            int digitsEnd = i;
            while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
                i--;
            }
            if (i == digitsEnd || (i > 0 && !Character.isWhitespace(s.charAt(i - 1)))) {
                return start;
            }
            start = i;
            end = i;
        }
    }

    /** Splits {@code [k] revert_creds} (also {@code [.]}, {@code [g]}, {@code [u]}, {@code [H]}) into {"k", "revert_creds"}; null without a marker and a name. */
    static String[] symbol(String cell) {
        if (cell == null) {
            return null;
        }
        String t = cell.strip();
        if (t.length() < 5 || t.charAt(0) != '[' || t.charAt(2) != ']' || "k.gHu".indexOf(t.charAt(1)) < 0
                || !Character.isWhitespace(t.charAt(3))) {
            return null;
        }
        return new String[] {String.valueOf(t.charAt(1)), t.substring(4).strip()};
    }

    private static void check(String cell, C2cColumns cols, int i) throws RowError {
        C2cField f = cols.fields().get(i);
        if (f != C2cField.UNKNOWN && !fits(cell, f)) {
            throw new RowError(String.format(Locale.ROOT, "expected %s in column %d (%s), found \"%s\"",
                    describe(f), i + 1, cols.names().get(i), cell));
        }
    }

    /**
     * Whether a line is meant as a data row (and must parse) rather than prose a person put
     * between rows: it starts like a number and holds a percentage, an address or two numbers,
     * or most of its words are numbers ("O 0x602180 149904 77.09% ...": a typo in the index).
     */
    static boolean looksLikeRow(String t) {
        boolean rowStart = ROW_START.matcher(t).matches();
        if (rowStart && (t.indexOf('%') >= 0 || t.contains("0x"))) {
            return true;
        }
        List<String> words = tokens(t);
        long numeric = words.stream().filter(w -> NUMERIC.matcher(w).matches()).count();
        if (rowStart && numeric >= 2) {
            return true;
        }
        return numeric >= 3 && 2 * numeric >= words.size();
    }

    /**
     * Whether a cell is what perf prints in this column: a count {@code \d{1,18}} (fits a BIGINT),
     * a percentage {@code -?nan%|\d{1,9}(\.\d+)?%} (never negative), a number {@code -?nan|\d{1,18}(\.\d+)?},
     * an address {@code 0x[0-9a-fA-F]{1,16}}, a byte offset {@code 0x[0-9a-fA-F]{1,7}}, a cacheline
     * index below 2^31. Hand-written, not regular expressions: it runs for every cell.
     */
    static boolean fits(String cell, C2cField f) {
        int n = cell.length();
        if (f == C2cField.OFFSET) {
            return isHex(cell, 7);
        }
        if (f == C2cField.INDEX || f == C2cField.NUM) {
            return digits(cell, 0, n) && n <= 18 && Long.parseLong(cell) <= Integer.MAX_VALUE;
        }
        switch (f.cell) {
            case INT: return n <= 18 && digits(cell, 0, n);
            case PCT: return n > 1 && cell.charAt(n - 1) == '%' && (isNan(cell, n - 1) || decimal(cell, n - 1, 9));
            case HEX: return isHex(cell, 16);
            case NUM: return isNan(cell, n) || decimal(cell, n, 18);
            default: return true;
        }
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code 123} or {@code 123.45} in s[0, end), at most maxInt digits before the point. */
    private static boolean decimal(String s, int end, int maxInt) {
        int dot = s.indexOf('.');
        if (dot < 0 || dot >= end) {
            return end <= maxInt && digits(s, 0, end);
        }
        return dot <= maxInt && digits(s, 0, dot) && digits(s, dot + 1, end);
    }

    private static boolean isNan(String s, int end) {
        return (end == 3 && s.startsWith("nan")) || (end == 4 && s.startsWith("-nan"));
    }

    private static boolean isHex(String s, int maxDigits) {
        int n = s.length();
        if (n < 3 || n > maxDigits + 2 || s.charAt(0) != '0' || s.charAt(1) != 'x') {
            return false;
        }
        for (int i = 2; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static String describe(C2cField f) {
        if (f == C2cField.OFFSET) {
            return "a byte offset such as 0x28";
        }
        if (f == C2cField.INDEX || f == C2cField.NUM) {
            return "a cacheline index";
        }
        switch (f.cell) {
            case INT: return "a count (at most 18 digits)";
            case PCT: return "a percentage";
            case HEX: return "a hex address";
            case NUM: return "a number";
            default: return "text";
        }
    }

    static Long count(String cell) {
        return cell == null || cell.length() > 18 || !digits(cell, 0, cell.length()) ? null : Long.parseLong(cell);
    }

    /** {@code 41.50%} to 41.5; {@code -nan%} to null (perf prints it when the total is 0). */
    static Double percent(String cell) {
        if (cell == null || cell.contains("nan")) {
            return null;
        }
        return Double.parseDouble(cell.endsWith("%") ? cell.substring(0, cell.length() - 1) : cell);
    }

    static Integer hexInt(String cell) {
        return cell == null || !isHex(cell, 7) ? null : Integer.parseInt(cell.substring(2), 16);
    }

    static List<String> tokens(String text) {
        Words w = new Words(text);
        List<String> out = new ArrayList<>(w.count());
        for (int k = 0; k < w.count(); k++) {
            out.add(w.word(k));
        }
        return out;
    }
}
