// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import io.hitmap.ingest.PerfLines;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.PerfTextKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code perf c2c report --stdio} text, every section of it, into a {@link C2cCapture}.
 * <pre>
 * =================================================
 *       Shared Cache Line Distribution Pareto
 * =================================================
 * #
 * # ----- HITM ----- Shared
 * # Num RmtHitm LclHitm Symbol Object Source:Line Node
 * # ..... ....... ....... .......................... ................ .................. ....
 * #
 * -------------------------
 * 0 412 1028
 * -------------------------
 * 41.50% 42.22% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1
 * </pre>
 * Pristine perf output from 4.10 to 6.x and the same text after mail has been at it (quote
 * prefixes, indent, collapsed blanks, headers edited to fit) read alike: columns come from the
 * header, cells from blanks and the symbol marker, never from fixed positions.
 */
public final class C2cReportParser {
    private enum State { PREAMBLE, STATS, TABLE, PARETO }

    private static final Pattern BANNER = Pattern.compile("={10,}");
    private static final Pattern SEPARATOR = C2cParetoReader.SEPARATOR;
    // eg, "  Load Local HITM                   :      10023", "                                    : dummy:HG"
    private static final Pattern STAT = Pattern.compile("(?<label>[^:]*?)\\s*:\\s*(?<value>.*)");
    // eg, "# ..... ..................  ....  ......"
    private static final Pattern DOTS = Pattern.compile("[\\s.]*\\.[\\s.]*");
    private static final List<String> STAT_TITLES = List.of(
            "Trace Event Information", "Global Shared Cache Line Event Information", "c2c details");
    private static final String TABLE_TITLE = "Shared Data Cache Line Table";
    // the TUI (perf c2c report without --stdio), copied off the screen:
    // eg, "Shared Data Cache Line Table     (3 entries, sorted on Total HITMs)", "Cacheline 0x59eab1751d80"
    private static final Pattern TUI_TABLE_TITLE = Pattern.compile("Shared Data Cache Line Table\\s+\\(.*\\)");
    private static final Pattern TUI_CACHELINE = Pattern.compile("Cacheline (0x[0-9a-fA-F]+)");
    private static final String PARETO_TITLE = "Shared Cache Line Distribution Pareto";
    private static final String HINT = "the file should be the output of 'perf c2c report --stdio';"
            + " pass --lenient to skip lines that do not parse";

    private final String file;
    private final boolean lenient;
    private final C2cRecords out;
    private final C2cParetoReader pareto;
    private final List<String> header = new ArrayList<>();
    private State state = State.PREAMBLE;
    private String section;
    private C2cColumns tableCols;
    private int lineNo;
    private String firstPreamble;
    /** After a TUI title: the header lines come without '#', up to the first row. */
    private boolean tuiHeader;

    private C2cReportParser(String file, boolean lenient, C2cSink sink) {
        this.file = file;
        this.lenient = lenient;
        this.out = new C2cRecords(sink);
        this.pareto = new C2cParetoReader(out, problems());
    }

    private C2cParetoReader.Problems problems() {
        return new C2cParetoReader.Problems() {
            @Override
            public void fail(String message) throws PerfParseException {
                C2cReportParser.this.fail(message);
            }

            @Override
            public void truncated(int at, String message) throws PerfParseException {
                C2cReportParser.this.truncated(at, message);
            }

            @Override
            public void prose(String line) {
                C2cReportParser.this.prose(line);
            }
        };
    }

    /** Parses a file after checking it holds c2c text (and not perf.data, HTML, perf report...). */
    public static C2cCapture parse(Path file, boolean lenient) throws IOException, PerfParseException {
        String name = file.toString();
        try (PerfText text = PerfText.open(file)) {
            PerfTextKind.sniff(text.head()).require(PerfTextKind.C2C, name);
            C2cCapture c = parse(name, text.reader(), lenient);
            return c.withSha256(text.sha256());
        }
    }

    /** Parses into memory: every record in the returned capture's lists, lines in index order. */
    public static C2cCapture parse(String displayName, BufferedReader in, boolean lenient)
            throws IOException, PerfParseException {
        C2cCapture.Collector keep = new C2cCapture.Collector();
        try {
            return keep.capture(parse(displayName, in, lenient, keep));
        } catch (SQLException e) {
            throw new IllegalStateException("a list cannot fail to take a record", e);
        }
    }

    /** Parses while it sends each record to {@code sink}: memory stays that of a line, plus ~40 bytes a cache line. */
    public static C2cParseSummary parse(String displayName, BufferedReader in, boolean lenient, C2cSink sink)
            throws IOException, PerfParseException, SQLException {
        return new C2cReportParser(displayName, lenient, sink).run(in);
    }

    private C2cParseSummary run(BufferedReader in) throws IOException, PerfParseException, SQLException {
        PerfLines lines = new PerfLines(in);
        String text;
        while ((text = lines.next()) != null) {
            lineNo = lines.lineNo();
            out.read();
            for (int k = 0; k < lines.joined(); k++) {
                out.read();
                out.structural(); // the half of a line mail broke with a soft "=" break
            }
            try {
                line(text);
            } catch (C2cRows.RowError e) {
                fail(e.getMessage());
            } catch (NumberFormatException e) { // a cell under a number column that is no number
                fail("expected numbers in the columns of this row, found " + PerfParseException.quote(text.strip()));
            }
        }
        if (lines.quoted()) {
            out.quoted();
        }
        finishHeader();
        endOfInput();
        return out.finish(file);
    }

    private void line(String text) throws PerfParseException, C2cRows.RowError, SQLException {
        String t = text.strip();
        if (t.isEmpty()) {
            out.structural();
            pareto.blank();
            return;
        }
        if (BANNER.matcher(t).matches() || title(t)) {
            out.structural();
            return;
        }
        if (tuiHeader && !C2cRows.looksLikeRow(t) && !t.equals("...")) {
            out.structural();
            header.add(" " + text); // as if after '#', so the group line stays over its columns
            return;
        }
        tuiHeader = false;
        Matcher tuiBlock = TUI_CACHELINE.matcher(t);
        if (tuiBlock.matches()) {
            state = State.PARETO;
            pareto.tuiCacheline(tuiBlock.group(1), lineNo);
            tuiHeader = true;
            out.tui();
            return;
        }
        if (t.startsWith("#") && SEPARATOR.matcher(t.substring(1).strip()).matches()) {
            t = t.substring(1).strip(); // the kernel docs print Pareto separators as "#-----"
        } else if (t.startsWith("#")) {
            out.structural();
            header.add(t.substring(1));
            if (DOTS.matcher(t.substring(1)).matches()) {
                finishHeader();
            }
            return;
        }
        finishHeader();
        if (SEPARATOR.matcher(t).matches()) {
            state = State.PARETO; // a Pareto block pasted without its title and header
        }
        if (state != State.PARETO && !C2cRows.looksLikeRow(t) && !isStat(t)) {
            prose(t);
            return;
        }
        switch (state) {
            case PREAMBLE:
                if (isStat(t) && C2cStatLabels.sectionOf(statLabel(t)) != null) {
                    section = C2cStatLabels.sectionOf(statLabel(t));
                    stat(t);
                    return;
                }
                prose(t);
                return;
            case STATS:
                stat(text);
                return;
            case TABLE:
                if (tableCols == null) {
                    fail("expected the table header \"# Index ... Address ...\", found " + PerfParseException.quote(t));
                    return;
                }
                String[] cells = C2cRows.tableCells(t, tableCols);
                int index = tableCols.has(C2cField.INDEX) ? Integer.parseInt(cells[tableCols.indexOf(C2cField.INDEX)])
                        : out.tableRowCount(); // an edited header without Index: perf numbers rows in order
                String again = out.seenTableRow(index, lineNo);
                if (again != null) {
                    fail(again);
                    return;
                }
                out.tableRow(index, cells, lineNo);
                out.used();
                return;
            default:
                pareto.line(t, text, lineNo);
        }
    }

    /** Mail text, an elision "[...]" or a markdown fence among the rows: counted, never an error. */
    private void prose(String t) {
        if (firstPreamble == null && state == State.PREAMBLE) {
            firstPreamble = lineNo + ":" + t;
        }
        out.skipped(lineNo);
    }

    private static boolean isStat(String t) {
        return t.indexOf(':') >= 0 && STAT.matcher(t).matches() && !C2cRows.looksLikeRow(t);
    }

    private static String statLabel(String t) {
        return t.substring(0, t.indexOf(':')).strip();
    }

    private boolean title(String t) {
        if (TUI_TABLE_TITLE.matcher(t).matches()) {
            out.tui();
            state = State.TABLE;
            section = TABLE_TITLE;
            tuiHeader = true;
            header.clear();
            return true;
        }
        if (STAT_TITLES.contains(t)) {
            state = State.STATS;
        } else if (t.equals(TABLE_TITLE)) {
            state = State.TABLE;
        } else if (t.equals(PARETO_TITLE)) {
            state = State.PARETO;
        } else {
            return false;
        }
        section = t;
        header.clear();
        return true;
    }

    private void stat(String text) throws PerfParseException, SQLException {
        Matcher m = STAT.matcher(text.strip());
        if (text.indexOf(':') < 0 || !m.matches()) {
            fail("expected \"<label> : <value>\" in " + section + ", found " + PerfParseException.quote(text));
            return;
        }
        String label = m.group("label").strip();
        String value = m.group("value").strip();
        if (!section.equals(C2cStatLabels.DETAILS) && C2cStatLabels.sectionOf(label) != null
                && !value.split("\\s+", 2)[0].matches("-?nan%|\\d+(?:\\.\\d+)?%?")) {
            fail("expected a number after \"" + label + " :\", found " + PerfParseException.quote(value));
            return;
        }
        if (label.isEmpty()) {
            // a continuation line, eg, the second event under "Events"
            label = out.lastStatLabel();
        }
        out.summary(section, label, m.group("value"), lineNo);
        out.used();
    }

    private void finishHeader() throws PerfParseException {
        if (header.isEmpty()) {
            return;
        }
        List<String> lines = header.stream().filter(h -> !h.isBlank()).toList();
        header.clear();
        if (lines.isEmpty()) {
            return;
        }
        String dots = DOTS.matcher(lines.get(lines.size() - 1)).matches() ? lines.get(lines.size() - 1) : null;
        int namesAt = lines.size() - (dots == null ? 1 : 2);
        if (namesAt < 0) {
            return;
        }
        String names = lines.get(namesAt);
        String groups = namesAt > 0 ? lines.get(namesAt - 1) : null;
        boolean isPareto = state == State.PARETO || (state != State.TABLE && names.matches(".*\\bNum\\b.*"));
        boolean table = state == State.TABLE || (!isPareto && names.matches(".*\\bIndex\\b.*"));
        if (!isPareto && !table) {
            return; // a comment before the tables, eg, "# perf c2c report -NN --stdio"
        }
        C2cColumns.Section s = isPareto ? C2cColumns.Section.PARETO : C2cColumns.Section.TABLE;
        C2cColumns cols = C2cColumns.resolve(s, groups, names, dots);
        boolean aligned = C2cColumns.aligned(names, dots);
        if (isPareto) {
            pareto.columns(cols, aligned);
            state = State.PARETO;
        } else {
            tableCols = cols;
            out.tableColumns(cols, aligned);
            state = State.TABLE;
        }
    }

    private void endOfInput() throws PerfParseException {
        if (state == State.PARETO) {
            pareto.endOfInput(lineNo, out.tableRowCount());
        }
        if (state == State.TABLE && (tableCols == null || out.tableRowCount() == 0)) {
            truncated(lineNo, tableCols == null ? "expected the Shared Data Cache Line Table header, found end of file"
                    : "expected rows of the Shared Data Cache Line Table, or the Pareto after it, found end of file");
        }
        if (!out.hasData() && tableCols == null && !pareto.hasColumns()) {
            String expected = "expected perf c2c report sections (Trace Event Information,"
                    + " Shared Data Cache Line Table, Shared Cache Line Distribution Pareto), found ";
            String hint = "the file should be the output of 'perf c2c report --stdio'";
            if (firstPreamble == null) {
                throw new PerfParseException(file, 0, expected + "none", hint);
            }
            int colon = firstPreamble.indexOf(':');
            throw new PerfParseException(file, Integer.parseInt(firstPreamble.substring(0, colon)),
                    expected + PerfParseException.quote(firstPreamble.substring(colon + 1)), hint);
        }
    }

    /** A cut-off paste: every line was used, so lenient mode keeps what it has and counts nothing. */
    private void truncated(int at, String message) throws PerfParseException {
        if (!lenient) {
            throw new PerfParseException(file, at, message, "the report looks cut off; paste or capture all of it");
        }
        out.warn("line " + at + ": " + message + " (the report looks cut off)");
    }

    private void fail(String message) throws PerfParseException {
        failAt(lineNo, message);
    }

    private void failAt(int at, String message) throws PerfParseException {
        if (!lenient) {
            throw new PerfParseException(file, at, message, HINT);
        }
        out.skipped(at);
    }
}
