// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells from the first lines of a file which perf text it holds (c2c report, perf report,
 * perf script) or what else it is (perf.data, HTML, binary, empty), so that every command can
 * reject a wrong kind of file by name before parsing it.
 */
public enum PerfTextKind {
    C2C("perf c2c report text", "perf c2c report --stdio", "perf c2c record -- CMD"),
    PERF_REPORT("perf report text", "perf report --stdio", "perf record -g -- CMD"),
    PERF_SCRIPT("perf script text", "perf script", "perf record -g -- CMD"),
    PERF_DATA("a binary perf.data file", null, null),
    HTML("an HTML page", null, null),
    BINARY("binary data", null, null),
    EMPTY("an empty file", null, null),
    UNKNOWN("text of no known perf format", null, null);

    /** What was found and where: the line (1-based) that decided, or 0 for the file as a whole. */
    public record Sniffed(PerfTextKind kind, int lineNo, String line) {
        /** As {@link #require(PerfTextKind, String, String, String)} with the commands that make {@code wanted}. */
        public void require(PerfTextKind wanted, String file) throws PerfParseException {
            require(wanted, file, wanted.report, wanted.record);
        }

        /**
         * Throws the one-line error for a file that holds another kind of text than a command
         * reads, naming what was found and the perf command that makes the right text.
         *
         * @param report the perf command whose output is wanted, eg, {@code perf c2c report --stdio}
         * @param record the command that records the data, eg, {@code perf c2c record -- CMD}
         */
        public void require(PerfTextKind wanted, String file, String report, String record) throws PerfParseException {
            if (kind == wanted || kind == UNKNOWN) {
                return; // an unknown start may still hold the sections further down; the parser decides
            }
            String expected = "expected " + wanted.description() + ", found ";
            String capture = "capture it with: " + record + ", then '" + report + "' > FILE.txt";
            switch (kind) {
                case EMPTY:
                    throw new PerfParseException(file, 0, expected + kind.description(), capture);
                case PERF_DATA:
                    throw new PerfParseException(file, 0, expected + kind.description() + " (" + line + ")",
                            "convert perf.data to text first: " + report + " -i " + file + " > " + file + ".txt");
                case BINARY:
                    throw new PerfParseException(file, 0, expected + kind.description() + " (" + line + ")",
                            "perf text has no NUL bytes, so this is no text copy of a report; make one again, e.g. with '"
                                    + report + "' > FILE.txt");
                default:
                    throw new PerfParseException(file, lineNo, expected + kind.description() + " "
                            + PerfParseException.quote(line), kind == HTML
                            ? "save the report as plain text, not as a web page"
                            : "this command reads '" + report + "' output; " + capture);
            }
        }
    }

    private static final int SNIFF_LINES = 400;
    private static final Pattern C2C_TITLE = Pattern.compile(
            "Trace Event Information|Shared Data Cache Line Table|Shared Cache Line Distribution Pareto"
                    + "|Global Shared Cache Line Event Information|c2c details");
    // eg, "# ----- HITM ----- Shared", "#        -- Peer Snoop --  ------- Store Refs ------"
    private static final Pattern C2C_HEADER = Pattern.compile("^#.*(?:-+ ?(?:HITM|Peer Snoop|Cacheline) ?-+|Load Hitm)");
    // eg, "# Samples: 1K of event 'cpu-clock:ppp'", "# Overhead  Command  Shared Object  Symbol"
    private static final Pattern REPORT = Pattern.compile("^#\\s*(?:Samples: |Overhead |Children |Event count \\(approx\\.\\))");
    // eg, "  6.22%  nginx  [kernel.vmlinux]  [k] apparmor_file_open" (a perf report row without its
    // header, as pasted in mail; a c2c Pareto row has numbers or the marker after its percentages)
    private static final Pattern REPORT_ROW =
            Pattern.compile("^(?:-?\\d+\\.\\d+%\\s+){1,2}(?![\\[\\d-])\\S+\\s.*\\[[k.gHu]]\\s");
    // eg, "refbench 4417 [001] 12345.678901:     500000 cpu-clock:ppp:"
    private static final Pattern SCRIPT = Pattern.compile("^\\s*\\S.*?\\s+\\d+(?:/\\d+)?\\s+(?:\\[\\d+]\\s+)?\\d+\\.\\d+:\\s");

    private final String description;
    private final String report;
    private final String record;

    PerfTextKind(String description, String report, String record) {
        this.description = description;
        this.report = report;
        this.record = record;
    }

    public String description() {
        return description;
    }

    /** What the first bytes of a file (after gunzip) hold; see {@link PerfText#head()}. */
    public static Sniffed sniff(byte[] head) {
        if (head.length >= 8 && new String(head, 0, 8, StandardCharsets.ISO_8859_1).startsWith("PERFILE")) {
            return new Sniffed(PERF_DATA, 0, "PERFILE2");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                return new Sniffed(BINARY, 0, "NUL byte at offset " + i);
            }
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (head.length == PerfText.HEAD && text.lastIndexOf('\n') > 0) {
            text = text.substring(0, text.lastIndexOf('\n')); // a line cut by the 64 KiB window
        }
        Sniffed first = null;
        int lineNo = 0;
        for (String raw : (Iterable<String>) text.lines().limit(SNIFF_LINES)::iterator) {
            lineNo++;
            String line = PerfText.unquote(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (first == null && (lower.startsWith("<!doctype html") || lower.startsWith("<html"))) {
                return new Sniffed(HTML, lineNo, line);
            }
            if (C2C_TITLE.matcher(line).matches() || C2C_HEADER.matcher(line).find()) {
                return new Sniffed(C2C, lineNo, line);
            }
            if (REPORT.matcher(line).find() || REPORT_ROW.matcher(line).find()) {
                return new Sniffed(PERF_REPORT, lineNo, line);
            }
            if (SCRIPT.matcher(raw).find()) {
                return new Sniffed(PERF_SCRIPT, lineNo, line);
            }
            if (first == null) {
                first = new Sniffed(UNKNOWN, lineNo, line);
            }
        }
        return first == null ? new Sniffed(EMPTY, 0, "") : first;
    }
}
