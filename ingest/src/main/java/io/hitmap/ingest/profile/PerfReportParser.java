// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

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
 * Parses {@code perf report --stdio} text into a {@link ProfileCapture}.
 * <pre>
 * # Samples: 2K of event 'cpu-clock:ppp'              a section per event
 * # Event count (approx.): 1367000000
 * #
 * # Overhead  Command   Shared Object      Symbol     columns: whatever --sort / -F chose
 * # ........  ........  .................  .........
 * #
 *     62.87%  refbench  refbench           [.] label_put
 *             |
 *             ---label_put                              a call graph under its row
 *                start_thread
 * </pre>
 * Also reads the {@code --header} block (into {@link MachineInfo}), {@code -q} (rows without any
 * header), {@code -t X} (cells split at X), {@code -g flat} and {@code -g folded}, and the text after
 * mail or a pager had it: quote prefixes, indent, collapsed blanks, rows pasted without a header.
 */
public final class PerfReportParser {
    private static final Pattern SAMPLES = Pattern.compile(
            "Samples: (\\d+)\\s*([KMGT]?)\\s*of events? '(.*?)'.*");
    // perf before 3.x: "# Events: 10K cycles"
    private static final Pattern EVENTS = Pattern.compile("Events: (\\d+)\\s*([KMGT]?)\\s+(\\S.*)");
    private static final Pattern NUMBER_AFTER_COLON = Pattern.compile("[^:]*:\\s*(\\d+)\\s*");
    // eg, "# ........  ........  ........"
    private static final Pattern DOTS = Pattern.compile("[ .]*\\.[ .]*");
    private static final Pattern KNOWN_FIRST_COLUMN = Pattern.compile(
            "\\s*(?:Overhead|Children|Samples|Period|Self|sys|usr)(\\S)?.*");
    // eg, "           16.36%" (-g flat: the chain's share, alone on its line)
    private static final Pattern PERCENT_ALONE = Pattern.compile("\\s+(-?\\d+(?:\\.\\d+)?)%\\s*");
    // eg, "6.50% a;b;c" (-g folded)
    private static final Pattern FOLDED = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)% (\\S.*)");
    private static final String HINT = "the file should be the output of 'perf report --stdio';"
            + " pass --lenient to skip lines that do not parse";

    private final String file;
    private final boolean lenient;
    private final List<ProfileSection> sections = new ArrayList<>();
    private final ProfileSink sink;
    private final ProfileConsistency consistency = new ProfileConsistency();
    private final List<HeaderLine> header = new ArrayList<>();
    private final List<Integer> skippedLineNos = new ArrayList<>();
    private final ChainReader chain;
    private final ProfileRows rows = new ProfileRows();
    private long read;
    private long used;
    private long structural;
    private long skipped;
    private int lineNo;
    private boolean inHeaderBlock;
    private ReportColumns columns;
    private String pendingHeader; // a header line without dots yet
    private ProfileSection section;
    private Long lostSamples;
    private int entryNo;
    private boolean haveEntry;
    private boolean guessed;
    private boolean separated;
    private boolean sawHash;
    private boolean sawChildren;
    private long entryCount;

    private PerfReportParser(String file, boolean lenient, ProfileSink sink) {
        this.file = file;
        this.lenient = lenient;
        this.sink = sink;
        this.chain = new ChainReader(sink);
    }

    /** Parses a file after checking it holds perf report text (and not perf.data, c2c, perf script...). */
    public static ProfileCapture parse(Path file, boolean lenient) throws IOException, PerfParseException {
        String name = file.toString();
        try (PerfText text = PerfText.open(file)) {
            PerfTextKind.sniff(text.head()).require(PerfTextKind.PERF_REPORT, name);
            ProfileCapture c = parse(name, text.reader(), lenient);
            return c.withSha256(text.sha256());
        }
    }

    /** Parses into memory: every row and node in the returned capture's lists. */
    public static ProfileCapture parse(String displayName, BufferedReader in, boolean lenient)
            throws IOException, PerfParseException {
        List<ProfileEntry> entries = new ArrayList<>();
        List<ChainNode> chains = new ArrayList<>();
        ProfileSink keep = new ProfileSink() {
            @Override
            public void entry(ProfileEntry e) {
                entries.add(e);
            }

            @Override
            public void node(ChainNode n) {
                chains.add(n);
            }
        };
        try {
            return parse(displayName, in, lenient, keep).with(List.copyOf(entries), List.copyOf(chains));
        } catch (SQLException e) {
            throw new IllegalStateException("a list cannot fail to take a row", e);
        }
    }

    /** Parses while it sends each row and tree node to {@code sink}: memory stays that of one line. */
    public static ProfileSummary parse(String displayName, BufferedReader in, boolean lenient, ProfileSink sink)
            throws IOException, PerfParseException, SQLException {
        return new PerfReportParser(displayName, lenient, sink).run(in);
    }

    private ProfileSummary run(BufferedReader in) throws IOException, PerfParseException, SQLException {
        PerfLines lines = new PerfLines(in);
        String text;
        while ((text = lines.next()) != null) {
            lineNo = lines.lineNo();
            read += 1 + lines.joined();
            structural += lines.joined();
            line(text);
        }
        if (!sections.isEmpty() && entryCount == 0 && !lenient) {
            ProfileSection last = sections.get(sections.size() - 1) != null ? sections.get(sections.size() - 1) : section;
            throw new PerfParseException(file, lineNo, "expected rows under the header of the section on line "
                    + (last == null ? 0 : last.sourceLineNo()) + ", found end of file",
                    "the report looks cut off, or perf found no samples; capture all of it");
        }
        if (sections.isEmpty() && entryCount == 0) {
            throw new PerfParseException(file, 0, "expected perf report rows (\"  62.87%  cmd  dso  [.] symbol\"),"
                    + " found none in " + read + " lines", "check the file is 'perf report --stdio' output");
        }
        if (section != null) {
            sections.set(sections.size() - 1, section);
        }
        MachineInfo machine = MachineHeader.of(header);
        return new ProfileSummary(file, variant(lines.quoted()), machine == null ? null : machine.perfVersion(),
                read, used, structural, skipped, List.copyOf(skippedLineNos), List.copyOf(sections),
                entryCount, chain.nodeCount(), machine, List.copyOf(header), null, consistency.warnings(sections));
    }

    private void line(String raw) throws PerfParseException, SQLException {
        // perf never prints tabs; a paste through an editor may: a tab reads as one blank
        String text = raw.indexOf('\t') >= 0 ? raw.replace('\t', ' ') : raw;
        int first = firstNonBlank(text);
        if (first == text.length() || text.isBlank()) {
            structural++;
            chain.end();
            return;
        }
        if (text.charAt(first) == '#') {
            comment(text, text.strip());
            return;
        }
        body(text, first);
    }

    private void comment(String text, String t) {
        sawHash = true;
        String c = t.substring(1).strip();
        if (c.startsWith("========")) {
            inHeaderBlock = !inHeaderBlock;
            structural++;
            return;
        }
        if (inHeaderBlock) {
            int colon = c.indexOf(':');
            header.add(colon < 0 ? new HeaderLine(c, null, lineNo)
                    : new HeaderLine(c.substring(0, colon).strip(), c.substring(colon + 1).strip(), lineNo));
            used++;
            return;
        }
        Matcher s = SAMPLES.matcher(c);
        if (!s.matches()) {
            s = EVENTS.matcher(c);
        }
        if (s.matches() && longOrNull(s.group(1)) != null) {
            startSection(s);
            used++;
            return;
        }
        if (c.startsWith("Event count (approx.)") || c.startsWith("Total weight")) {
            Matcher n = NUMBER_AFTER_COLON.matcher(c);
            if (section != null && n.matches()) {
                Long count = longOrNull(n.group(1));
                if (count != null) {
                    section = withEventCount(section, count);
                    used++;
                    return;
                }
            }
        }
        if (c.startsWith("Total Lost Samples")) {
            Matcher n = NUMBER_AFTER_COLON.matcher(c);
            if (n.matches() && longOrNull(n.group(1)) != null) {
                lostSamples = longOrNull(n.group(1));
                used++;
                return;
            }
        }
        int hash = text.indexOf('#');
        String blanked = text.substring(0, hash) + " " + text.substring(hash + 1);
        if (DOTS.matcher(c).matches() && !c.isEmpty() && pendingHeader != null) {
            columns = ReportColumns.of(pendingHeader, blanked);
            pendingHeader = null;
            sectionColumns();
            structural++;
            return;
        }
        Matcher first = KNOWN_FIRST_COLUMN.matcher(c);
        if (first.matches()) {
            if (first.group(1) != null) { // perf report -t ';': "# Overhead;Command;..."
                columns = ReportColumns.separated(c, first.group(1));
                separated = true;
                pendingHeader = null;
                sectionColumns();
            } else {
                pendingHeader = blanked;
            }
            structural++;
            return;
        }
        structural++; // "#", tips, "# To display the perf.data header info, ..."
    }

    private void body(String text, int first) throws PerfParseException, SQLException {
        if (pendingHeader != null) { // a header pasted without its dots line
            columns = ReportColumns.of(pendingHeader, null);
            pendingHeader = null;
            sectionColumns();
        }
        boolean rowStart = startsRow(text, first);
        if (chain.inGraph() && first >= chain.graphColumn() && !(rowStart && rowFits(text))) {
            chain.graph(text, lineNo);
            used++;
            return;
        }
        if (chain.inFlat() && !rowStart) {
            chain.flatFrame(text.strip(), lineNo);
            used++;
            return;
        }
        chain.end();
        if (rowStart || separated) {
            if (columns == null && ReportColumns.MARKER.matcher(text).find() && !FOLDED.matcher(text).matches()) {
                columns = ReportColumns.guess(text);
                guessed = true;
            }
            String[] cells = columns == null ? null : columns.cells(text);
            if (cells != null) {
                row(cells);
                return;
            }
        }
        if (haveEntry) {
            Matcher alone = PERCENT_ALONE.matcher(text);
            if (alone.matches()) {
                chain.flatPercent(Double.parseDouble(alone.group(1)));
                used++;
                return;
            }
            Matcher folded = FOLDED.matcher(text);
            if (folded.matches()) {
                chain.folded(Double.parseDouble(folded.group(1)), folded.group(2), lineNo);
                used++;
                return;
            }
            if (ChainReader.startsGraph(text)) {
                chain.graph(text, lineNo);
                used++;
                return;
            }
        }
        if (rowStart) {
            String t = text.strip();
            fail("expected a row of " + (columns == null ? "perf report" : columns.size() + " columns ("
                    + String.join(", ", columns.names) + ")") + ", found " + PerfParseException.quote(t));
            return;
        }
        skip();
    }

    private boolean rowFits(String text) {
        return columns != null && columns.cells(text) != null;
    }

    /**
     * True when the text from {@code i} on starts like a row: a number or perf's nan/inf, with or
     * without '%', then a blank ("    62.87%  refbench ...", "6.22% nginx ...", "  1257  ...").
     */
    static boolean startsRow(String text, int i) {
        int n = text.length();
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < n && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i > digits) {
            if (i < n && text.charAt(i) == '.') {
                int frac = ++i;
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                if (i == frac) {
                    return false;
                }
            }
        } else if (text.startsWith("nan", i) || text.startsWith("inf", i)) {
            i += 3;
        } else {
            return false;
        }
        if (i < n && text.charAt(i) == '%') {
            i++;
        }
        return i < n && Character.isWhitespace(text.charAt(i));
    }

    private void row(String[] cells) throws PerfParseException, SQLException {
        if (section == null) { // -q: rows without any preamble
            sections.add(null);
            section = new ProfileSection(1, null, null, null, null, lostSamples, String.join("|", columns.names), lineNo);
        }
        entryNo++;
        try {
            ProfileEntry e = rows.entry(section.sectionNo(), entryNo, columns, cells, lineNo);
            sink.entry(e);
            consistency.add(e);
            sawChildren |= e.children() != null;
            entryCount++;
        } catch (NumberFormatException e) {
            entryNo--;
            fail("expected numbers in " + String.join(", ", columns.names) + ", found " + PerfParseException.quote(
                    String.join("  ", cells)));
            return;
        }
        haveEntry = true;
        chain.entry(section.sectionNo(), entryNo);
        used++;
    }

    private void startSection(Matcher s) {
        if (section != null) {
            sections.set(sections.size() - 1, section);
        }
        long n = Long.parseLong(s.group(1));
        String unit = s.group(2);
        long scale = switch (unit) {
            case "K" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            default -> 1L;
        };
        sections.add(null);
        Long samples = n > Long.MAX_VALUE / scale ? null : n * scale;
        section = new ProfileSection(sections.size(), s.group(3), n + unit, samples, null, lostSamples, null, lineNo);
        lostSamples = null;
        columns = null;
        haveEntry = false;
        chain.end();
    }

    private void sectionColumns() {
        if (section != null) {
            section = new ProfileSection(section.sectionNo(), section.event(), section.samplesText(),
                    section.samples(), section.eventCount(), section.lostSamples(),
                    String.join("|", columns.names), section.sourceLineNo());
        }
    }

    private static ProfileSection withEventCount(ProfileSection s, long count) {
        return new ProfileSection(s.sectionNo(), s.event(), s.samplesText(), s.samples(), count, s.lostSamples(),
                s.columns(), s.sourceLineNo());
    }

    // a count of up to 18 digits, else null (a number that does not fit is no count perf printed)
    private static Long longOrNull(String digits) {
        return digits.length() > 18 ? null : Long.valueOf(digits);
    }

    private void skip() {
        skipped++;
        skippedLineNos.add(lineNo);
    }

    private void fail(String message) throws PerfParseException {
        if (!lenient) {
            throw new PerfParseException(file, lineNo, message, HINT);
        }
        skip();
    }

    private String variant(boolean quoted) {
        StringBuilder v = new StringBuilder(sawHash ? "stdio" : "quiet");
        if (guessed && sawHash) {
            v.append("+no-header");
        }
        if (separated) {
            v.append("+field-separator");
        }
        if (!header.isEmpty()) {
            v.append("+header");
        }
        if (sawChildren) {
            v.append("+children");
        }
        chain.styles().forEach(s -> v.append('+').append(s));
        if (quoted) {
            v.append("+quoted");
        }
        return v.toString();
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
