// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

/**
 * Malformed or unexpected perf text: carries the file, the 1-based line number (0 when the
 * problem is the file as a whole), a compiler-style message and a hint for the fix.
 */
public final class PerfParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int lineNo;
    private final String detail;
    private final String hint;

    public PerfParseException(String file, int lineNo, String detail, String hint) {
        super(format(file, lineNo, detail));
        this.file = file;
        this.lineNo = lineNo;
        this.detail = detail;
        this.hint = hint;
    }

    /** {@code file:line: detail}, or {@code file: detail} for whole-file problems. */
    static String format(String file, int lineNo, String detail) {
        return lineNo > 0 ? file + ":" + lineNo + ": " + detail : file + ": " + detail;
    }

    public String file() { return file; }
    public int lineNo() { return lineNo; }
    public String detail() { return detail; }
    /** What the user can do about it; may be null. */
    public String hint() { return hint; }

    /** Quotes a line for a message, cut to 80 characters so one bad line stays one line. */
    public static String quote(String line) {
        String s = line.strip();
        return "\"" + oneLine(s.length() > 80 ? s.substring(0, 77) + "..." : s) + "\"";
    }

    // a line can hold a line break: quoted-printable "=0A" decodes to one (a Jazzer finding)
    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\u000B', '\u000C', '\u0085', '\u2028', '\u2029' ->
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
