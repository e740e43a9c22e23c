// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Call-graph lines under a {@code perf report} entry -> {@link ChainNode}s with their parents.
 * <pre>
 *             |
 *             ---start_thread               a chain: its frames follow at the name's column
 *                |
 *                |--62.87%--label_put       a branch: its parent is the chain whose frames sit at the '|'
 *                |          get_ref         a frame continuing the branch above (11 columns right of its '|')
 *                 --1.94%--worker_shared    the last branch: ' --' in place of '|--'
 * </pre>
 * Nesting comes from columns relative to the tree's first line, so indent added or removed as a
 * whole does not matter. The perf 4.4 layout ({@code |--18.18%-- connect}, {@code --- foo}) reads
 * the same. {@code -g flat} ({@code 16.36%} alone, then frames) and {@code -g folded}
 * ({@code 6.50% a;b;c}) are read by {@link #flatPercent}, {@link #flatFrame} and {@link #folded}.
 */
final class ChainReader {

    private final ProfileSink out;
    private final Deque<Open> open = new ArrayDeque<>();
    private int section;
    private int entry;
    private int nextId = 1;
    private final java.util.TreeSet<String> styles = new java.util.TreeSet<>();
    private boolean inGraph;
    private int flatParent = -1;
    private int flatDepth;
    private Double flatPct;

    /** A chain whose next frame sits at {@code column}; {@code last} its last node (null: the entry itself). */
    private static final class Open {
        final int column;
        Integer last;
        int depth;

        Open(int column, Integer last, int depth) {
            this.column = column;
            this.last = last;
            this.depth = depth;
        }
    }

    ChainReader(ProfileSink out) {
        this.out = out;
    }

    /** A new table row: its trees follow. */
    void entry(int sectionNo, int entryNo) {
        section = sectionNo;
        entry = entryNo;
        end();
    }

    /** A blank line: the tree (or flat chain) is over. */
    void end() {
        inGraph = false;
        open.clear();
        flatParent = -1;
    }

    /** The tree styles seen so far, sorted: graph, flat, folded. */
    java.util.Set<String> styles() {
        return styles;
    }

    /** Nodes sent so far. */
    long nodeCount() {
        return nextId - 1L;
    }

    boolean inGraph() {
        return inGraph;
    }

    boolean inFlat() {
        return flatParent != -1;
    }

    /** The column the current tree started at: a line left of it is not part of the tree. */
    int graphColumn() {
        return open.isEmpty() ? 0 : open.peekLast().column;
    }

    /** True when {@code text} can start a tree: {@code |}, {@code ---sym} or a branch. */
    static boolean startsGraph(String text) {
        String t = text.strip();
        return t.equals("|") || t.startsWith("|  ") || t.startsWith("---") || t.startsWith("|--")
                || (t.startsWith("--") && branchPercentEnd(t, 2) > 0);
    }

    /** One line of a drawn tree; false when it holds only the tree's vertical lines. */
    boolean graph(String text, int lineNo) throws SQLException {
        int k = 0;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '|')) {
            k++;
        }
        if (!inGraph) {
            inGraph = true;
            int first = firstNonBlank(text);
            open.push(new Open(text.startsWith("--", k) && !text.startsWith("---", k) ? k - 1 : first, null, -1));
        }
        if (k == text.length()) {
            return false;
        }
        int pctEnd = text.startsWith("--", k) ? branchPercentEnd(text, k + 2) : -1;
        if (text.startsWith("---", k)) {
            // its frames sit under the name, or one left of it in perf 4.4's "--- name"
            branch(k, k + 3, text.substring(k + 3), null, lineNo);
        } else if (pctEnd > 0) {
            int marker = k - 1;
            int name = pctEnd + 3 < text.length() && text.charAt(pctEnd + 3) == ' ' ? pctEnd + 4 : pctEnd + 3;
            branch(marker, marker + 11, text.substring(name), Double.parseDouble(text.substring(k + 2, pctEnd)),
                    lineNo);
        } else {
            Open top = popTo(k);
            int id = add(top.last, top.depth + 1, text.substring(k), null, "graph", lineNo);
            top.last = id;
            top.depth++;
        }
        return true;
    }

    /**
     * For "--62.87%--label_put" with {@code i} after the first "--": the index of the '%' when a
     * number and "%--" follow, else -1.
     */
    private static int branchPercentEnd(String text, int i) {
        int n = text.length();
        int start = i;
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        int points = 0;
        while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            points += text.charAt(i) == '.' ? 1 : 0;
            i++;
        }
        if (points > 1) {
            return -1; // "--1.2.3%--" is no share perf printed: the line is a frame name
        }
        if (i == digits || !text.startsWith("%--", i) || text.charAt(i - 1) == '.' || text.charAt(digits) == '.') {
            return -1;
        }
        return i > start ? i : -1;
    }

    private void branch(int marker, int framesAt, String name, Double pct, int lineNo) throws SQLException {
        Open parent = popTo(marker);
        int id = add(parent.last, parent.depth + 1, name, pct, "graph", lineNo);
        open.push(new Open(framesAt, id, parent.depth + 1));
    }

    // the innermost chain whose frames sit at or left of the column
    private Open popTo(int column) {
        while (open.size() > 1 && open.peek().column > column) {
            open.pop();
        }
        return open.peek();
    }

    /** {@code -g flat}: a line holding only the chain's percentage. */
    void flatPercent(double pct) {
        flatParent = 0;
        flatDepth = 0;
        flatPct = pct;
    }

    /** {@code -g flat}: the next frame of the chain, callee first. */
    void flatFrame(String name, int lineNo) throws SQLException {
        Integer parent = flatParent == 0 ? null : flatParent;
        flatParent = add(parent, flatDepth++, name, flatPct, "flat", lineNo);
        flatPct = null;
    }

    /** {@code -g folded}: {@code 6.50% a;b;c}, one chain on one line. */
    void folded(double pct, String frames, int lineNo) throws SQLException {
        Integer parent = null;
        int depth = 0;
        Double p = pct;
        for (String f : frames.split(";", -1)) {
            parent = add(parent, depth++, f, p, "folded", lineNo);
            p = null;
        }
    }

    private int add(Integer parent, int depth, String symbol, Double pct, String style, int lineNo)
            throws SQLException {
        int id = nextId++;
        out.node(new ChainNode(section, entry, id, parent, depth, symbol.strip(), pct, style, lineNo));
        styles.add(style);
        return id;
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
