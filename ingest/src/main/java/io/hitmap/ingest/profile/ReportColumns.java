// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a {@code perf report} table, from its header line ({@code # Overhead  Command  Symbol})
 * and dots line, and how to cut a row into cells. An aligned row is cut at the dots; a row whose
 * cells do not sit under the dots (mail collapsed the blanks, a value overflowed its column) is cut
 * by tokens: one-word columns take one word, the symbol starts at its {@code [k]} marker, and the
 * first multi-word column (Command, which may hold blanks) takes what is left.
 */
final class ReportColumns {
    /** Columns whose cells are one word: numbers, percentages, a CPU. */
    private static final Set<String> ONE_WORD = Set.of("Overhead", "Children", "Self", "Samples", "Period", "Latency",
            "CPU", "Local Weight", "Weight", "sys", "usr", "guest sys", "guest usr", "Pid", "Tid",
            "Socket", "Code Page Size", "Data Page Size", "Local INSTR Latency", "INSTR Latency");
    /** Columns of numbers: with --group, one per event of the group, side by side in one column. */
    static final Set<String> NUMBERS = Set.of("Overhead", "Children", "Self", "Samples", "Period",
            "sys", "usr", "guest sys", "guest usr");
    static final String SYMBOL = "Symbol";
    // eg, "[k] __get_user_8", "[.] 0x0000564558a92e77"
    static final Pattern MARKER = Pattern.compile("\\[([k.gHu])] ");
    private static final Pattern PCT = Pattern.compile("-?\\d+(?:\\.\\d+)?%|-?nan%|-?inf%");

    final List<String> names;
    private final int[] start; // column extents from the dots line, or null without one
    private final int[] end;
    final String separator;    // perf report -t X: cells split at X, no dots line

    private ReportColumns(List<String> names, int[] start, int[] end, String separator) {
        this.names = List.copyOf(names);
        this.start = start;
        this.end = end;
        this.separator = separator;
    }

    /**
     * From the header and dots lines (their '#' turned into a blank, so columns stay where rows
     * have them); {@code dots} may be null
     * (perf report -t, or a header pasted without it). Names are cut at the dots runs when there
     * are dots, else at runs of two blanks.
     */
    static ReportColumns of(String header, String dots) {
        if (dots != null) {
            List<int[]> runs = runs(dots);
            int n = runs.size();
            int[] s = new int[n];
            int[] e = new int[n];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                s[i] = runs.get(i)[0];
                e[i] = runs.get(i)[1];
                int from = Math.min(s[i], header.length());
                int to = i + 1 < n ? Math.min(runs.get(i + 1)[0], header.length()) : header.length();
                names.add(header.substring(from, to).strip());
            }
            if (!names.contains("") ) {
                return new ReportColumns(names, s, e, null);
            }
        }
        List<String> names = new ArrayList<>();
        for (String n : header.strip().split(" {2,}")) {
            names.add(n.strip());
        }
        return new ReportColumns(names, null, null, null);
    }

    /** {@code # Overhead;Command;Shared Object;Symbol} of {@code perf report -t ';'}. */
    static ReportColumns separated(String header, String separator) {
        List<String> names = new ArrayList<>();
        for (String n : header.split(Pattern.quote(separator), -1)) {
            names.add(n.strip());
        }
        return new ReportColumns(names, null, null, separator);
    }

    /** The columns of a report pasted without its header, read off the shape of its first row. */
    static ReportColumns guess(String row) {
        List<String> names = new ArrayList<>();
        String[] words = row.strip().split("\\s+");
        int i = 0;
        while (i < words.length && PCT.matcher(words[i]).matches()) {
            i++;
        }
        if (i >= 2) {
            names.add("Children");
            names.add("Self");
        } else {
            names.add("Overhead");
        }
        Matcher m = MARKER.matcher(row);
        int before = m.find() ? row.substring(0, m.start()).strip().split("\\s+").length - i : words.length - i;
        if (before >= 2) {
            names.add("Command");
        }
        if (before >= 1) {
            names.add("Shared Object");
        }
        names.add(SYMBOL);
        return new ReportColumns(names, null, null, null);
    }

    int size() {
        return names.size();
    }

    int indexOf(String name) {
        return names.indexOf(name);
    }

    /** The cells of {@code row} (as it came, indent included, '#' never), or null when it does not fit. */
    String[] cells(String row) {
        if (separator != null) {
            String[] parts = row.split(Pattern.quote(separator), -1);
            if (parts.length < names.size()) {
                return null;
            }
            String[] cells = new String[names.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = parts[i].strip();
            }
            if (parts.length > cells.length) { // the separator inside the last cell (a symbol)
                cells[cells.length - 1] = String.join(separator, java.util.Arrays.copyOfRange(parts,
                        cells.length - 1, parts.length)).strip();
            }
            return cells;
        }
        String[] aligned = start == null ? null : aligned(row);
        return aligned != null ? aligned : byWords(row.strip());
    }

    // cut at the dots extents; null unless every cut falls between cells
    private String[] aligned(String row) {
        int n = names.size();
        String r = row;
        if (r.length() < start[n - 1]) {
            return null;
        }
        String[] cells = new String[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && start[i] > 0 && r.charAt(start[i] - 1) != ' ') {
                return null;
            }
            if (i + 1 < n && end[i] < r.length() && r.charAt(end[i]) != ' ') {
                return null;
            }
            int to = i + 1 < n ? Math.min(start[i + 1], r.length()) : r.length();
            cells[i] = r.substring(start[i], to).strip();
        }
        if (!fits(cells)) {
            return null;
        }
        return cells;
    }

    private String[] byWords(String row) {
        int n = names.size();
        String[] cells = new String[n];
        int sym = names.indexOf(SYMBOL);
        String rest = row;
        String tail = null;
        if (sym >= 0) {
            Matcher m = MARKER.matcher(row);
            if (!m.find()) {
                return null;
            }
            rest = row.substring(0, m.start()).strip();
            tail = row.substring(m.start()).strip();
        }
        List<String> words = new ArrayList<>(List.of(rest.isEmpty() ? new String[0] : rest.split("\\s+")));
        // columns after the symbol take one word each from the end of the symbol's text
        if (sym >= 0) {
            for (int i = n - 1; i > sym; i--) {
                int cut = tail.lastIndexOf(' ');
                if (cut < 0) {
                    return null;
                }
                cells[i] = tail.substring(cut + 1);
                tail = tail.substring(0, cut).strip();
            }
            cells[sym] = tail;
        }
        int last = sym >= 0 ? sym - 1 : n - 1;
        int first = 0;
        // the leading number columns; with perf report --group each holds one value per event
        int numeric = 0;
        while (numeric <= last && NUMBERS.contains(names.get(numeric))) {
            numeric++;
        }
        int values = 0;
        while (values < words.size() && isNumber(words.get(values))) {
            values++;
        }
        int perColumn = numeric > 0 && values > numeric && values % numeric == 0 ? values / numeric : 1;
        while (first <= last && ONE_WORD.contains(names.get(first))) {
            int take = first < numeric ? perColumn : 1;
            if (words.size() < take) {
                return null;
            }
            cells[first++] = String.join("  ", words.subList(0, take));
            words.subList(0, take).clear();
        }
        // from the right: every column but the leftmost multi-word one takes one word
        while (last > first) {
            if (words.isEmpty()) {
                return null;
            }
            cells[last--] = words.remove(words.size() - 1);
        }
        if (first == last) {
            if (words.isEmpty()) {
                return null;
            }
            cells[first] = String.join(" ", words);
        } else if (!words.isEmpty()) {
            return null;
        }
        return fits(cells) ? cells : null;
    }

    // the numeric columns hold numbers and the symbol its marker
    private boolean fits(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            String name = names.get(i);
            String c = cells[i];
            if (c == null) {
                return false;
            }
            boolean pct = name.equals("Overhead") || name.equals("Children") || name.equals("Self")
                    || name.equals("Latency") || name.equals("sys") || name.equals("usr") || name.startsWith("guest ");
            if (pct && !allMatch(c, PCT)) {
                return false;
            }
            if ((name.equals("Samples") || name.equals("Period")) && !allMatch(c, COUNT)) {
                return false;
            }
            if (name.equals(SYMBOL) && !c.isEmpty() && !MARKER.matcher(c + " ").lookingAt()) {
                return false;
            }
        }
        return true;
    }

    // [start, end) of each run of dots
    private static List<int[]> runs(String dots) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < dots.length()) {
            if (dots.charAt(i) == '.') {
                int s = i;
                while (i < dots.length() && dots.charAt(i) == '.') {
                    i++;
                }
                runs.add(new int[] {s, i});
            } else {
                i++;
            }
        }
        return runs;
    }

    private static final Pattern COUNT = Pattern.compile("\\d+");

    // "55.82%" or, with --group, "55.82%  55.36%": every blank-separated value matches
    private static boolean allMatch(String cell, Pattern p) {
        if (cell.isEmpty()) {
            return false;
        }
        for (String v : cell.split("\\s+")) {
            if (!p.matcher(v).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String word) {
        return PCT.matcher(word).matches() || COUNT.matcher(word).matches();
    }

    /** True for a percentage as perf prints it: {@code 62.87%}, {@code -nan%}. */
    static boolean isPercent(String s) {
        return PCT.matcher(s).matches();
    }
}
