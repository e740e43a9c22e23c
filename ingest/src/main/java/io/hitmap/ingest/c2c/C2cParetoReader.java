// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import io.hitmap.ingest.PerfParseException;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the Shared Cache Line Distribution Pareto, one line at a time, into the capture:
 * separators, cacheline block headers ({@code 0 412 1028}), accessor rows and their call graphs.
 * <pre>
 *   -------------------------------------------------------------
 *       0     9834     2269   109036      468            0x602180
 *   -------------------------------------------------------------
 *            65.51%   55.88%   75.20%    0.00%                 0x0   14604  0x400ce8  ...
 * </pre>
 */
final class C2cParetoReader {
    /** Where the reader reports what it cannot use; the parser adds file and line. */
    interface Problems {
        void fail(String message) throws PerfParseException;

        void truncated(int at, String message) throws PerfParseException;

        void prose(String line);
    }

    private enum State { WAIT, BLOCK, AFTER_BLOCK, ROWS }

    // eg, "  ----------------------------------------------------------------------" (61, 70 or 79 dashes)
    static final Pattern SEPARATOR = Pattern.compile("-{10,}");
    private static final Pattern PCT_START = Pattern.compile("(?:-?nan|-?\\d+(?:\\.\\d+)?)%(?:\\s.*)?");

    private final C2cRecords out;
    private final Problems problems;
    private State state = State.WAIT;
    private C2cColumns cols;
    private boolean guessedHeader;
    private int blockIndex = -1;
    private int blockLineNo;
    private int rowInLine;
    private int callgraphSeq;
    private boolean inCallgraph;

    C2cParetoReader(C2cRecords out, Problems problems) {
        this.out = out;
        this.problems = problems;
    }

    void columns(C2cColumns c, boolean aligned) {
        cols = c;
        out.paretoColumns(c, aligned);
    }

    boolean hasColumns() {
        return cols != null;
    }

    void blank() {
        inCallgraph = false;
    }

    /** A non-blank line of the section; {@code text} keeps its indent for call graphs. */
    void line(String t, String text, int lineNo) throws PerfParseException, C2cRows.RowError, SQLException {
        boolean sep = SEPARATOR.matcher(t).matches();
        if (!sep && !C2cRows.looksLikeRow(t) && !(inCallgraph || t.startsWith("|") || t.startsWith("-"))) {
            problems.prose(t);
            return;
        }
        if (cols == null) {
            // the header lines were cut from the paste: read the columns off the first row
            columns(C2cHeaderGuess.blockOnly(), true);
            guessedHeader = true;
            out.guessedHeader();
        }
        switch (state) {
            case WAIT: case ROWS:
                if (sep) {
                    checkBlockHasRows();
                    out.structural();
                    out.separator(t);
                    state = State.BLOCK;
                } else if (state == State.ROWS) {
                    row(t, text, lineNo);
                } else {
                    problems.fail("expected a cacheline separator \"-------\", found " + PerfParseException.quote(t));
                }
                return;
            case BLOCK:
                if (sep) {
                    problems.fail("expected a cacheline header " + blockShape() + ", found a second separator");
                    return;
                }
                block(t, lineNo);
                return;
            default: // AFTER_BLOCK: the closing separator; an edited paste may have lost it
                state = State.ROWS;
                if (sep) {
                    out.structural();
                } else {
                    row(t, text, lineNo);
                }
        }
    }

    /** The TUI's cacheline details: its title names the address, the rows follow their own header. */
    void tuiCacheline(String address, int lineNo) throws PerfParseException, SQLException {
        checkBlockHasRows();
        blockIndex = out.lineIndexOf(address);
        blockLineNo = lineNo;
        rowInLine = 0;
        out.paretoBlock(blockIndex, Map.of(), address, lineNo);
        out.used();
        state = State.ROWS;
    }

    void endOfInput(int lineNo, int tableRows) throws PerfParseException {
        if (state == State.BLOCK || state == State.AFTER_BLOCK || (state == State.ROWS && rowInLine == 0)) {
            problems.truncated(lineNo, "expected Pareto rows under cacheline " + blockIndex + ", found end of file");
        }
        if (state == State.WAIT && tableRows > 0) {
            problems.truncated(lineNo, "expected the Pareto blocks of the " + tableRows
                    + " cache lines in the table, found end of file");
        }
    }

    private void block(String t, int lineNo) throws PerfParseException, SQLException {
        Map<C2cField, Long> counts = new EnumMap<>(C2cField.class);
        String address = null;
        int ints = 0;
        for (String tok : C2cRows.tokens(t)) {
            if (C2cRows.fits(tok, C2cField.CODE_ADDRESS)) {
                address = tok;
            } else if (C2cRows.fits(tok, C2cField.TOT_HITM) && ints < cols.fields().size()) {
                counts.put(cols.fields().get(ints), Long.parseLong(tok));
                ints++;
            } else {
                ints = -1;
                break;
            }
        }
        if (ints < 3 || counts.get(cols.fields().get(0)) > Integer.MAX_VALUE) {
            problems.fail("expected cacheline header " + blockShape() + ", found " + PerfParseException.quote(t));
            return;
        }
        int index = counts.get(cols.fields().get(0)).intValue();
        String again = out.seenBlock(index, lineNo);
        if (again != null) {
            problems.fail(again);
            return;
        }
        blockIndex = index;
        blockLineNo = lineNo;
        rowInLine = 0;
        out.paretoBlock(blockIndex, counts, address, lineNo);
        out.used();
        state = State.AFTER_BLOCK;
    }

    private String blockShape() {
        return cols.peer() ? "\"<index> <rmt-peer> <lcl-peer>\"" : "\"<index> <rmt-hitm> <lcl-hitm>\"";
    }

    private void row(String t, String text, int lineNo) throws PerfParseException, C2cRows.RowError, SQLException {
        if (PCT_START.matcher(t).matches()) {
            if (guessedHeader && cols.fields().size() <= C2cHeaderGuess.blockOnly().fields().size()) {
                columns(C2cHeaderGuess.fromRow(t), true);
            }
            out.paretoRow(blockIndex, rowInLine++, C2cRows.paretoCells(t, cols), lineNo);
            out.used();
            inCallgraph = false;
            callgraphSeq = 0;
        } else if (rowInLine > 0 && (inCallgraph || t.startsWith("|") || t.startsWith("-"))) {
            // perf c2c report -g: the call graph under the row, printed like perf report's; keep
            // the indent, it is the graph's nesting depth
            inCallgraph = true;
            out.callgraph(blockIndex, rowInLine - 1, callgraphSeq++, text.stripTrailing(), lineNo);
            out.used();
        } else {
            problems.fail("expected a Pareto row starting with a percentage, found " + PerfParseException.quote(t));
        }
    }

    private void checkBlockHasRows() throws PerfParseException {
        if (state == State.ROWS && rowInLine == 0 && blockIndex >= 0) {
            problems.truncated(blockLineNo, "expected Pareto rows under cacheline " + blockIndex + ", found none");
        }
    }

}
