// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads perf text as pasted: undoes what mail and terminals add to each line before a parser
 * sees it. Quoted-printable soft breaks ({@code =} at the end of a raw mail line) are joined,
 * {@code cat -n} line numbers and {@code > } quote prefixes removed. Looks ahead by whole lines,
 * never by a byte budget, so a line of any length is fine.
 */
public final class PerfLines {
    // eg, "     1\t=====" or "     1  =====" (cat -n, or a blog's numbered listing)
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,9})(\\t| {1,3})");
    // eg, "=20" (a blank), "=3D" ('='): quoted-printable escapes, decoded once a soft break was seen
    private static final Pattern QP_ESCAPE = Pattern.compile("=([0-9A-F]{2})");
    private static final int SOFT_BREAK_MIN = 60;
    private final BufferedReader in;
    private final Deque<String> ahead = new ArrayDeque<>(2);
    private int physical;
    private int lineNo;
    private int joined;
    private boolean numbered;
    private boolean quoted;
    private boolean first = true;
    private boolean quotedPrintable;
    private int lastNumber;

    public PerfLines(BufferedReader in) {
        this.in = in;
    }

    /** The next line, cleaned; null at the end. */
    public String next() throws IOException {
        if (first) {
            first = false;
            numbered = startsNumbered();
        }
        String raw = read();
        if (raw == null) {
            return null;
        }
        physical++;
        lineNo = physical;
        joined = 0;
        // a soft break: "=" ending a raw line wrapped near 76 characters, not one of perf's banners
        while (raw.endsWith("=") && raw.length() >= SOFT_BREAK_MIN && !PerfText.unquote(raw).strip().matches("=+")) {
            String more = read();
            if (more == null) {
                break;
            }
            raw = raw.substring(0, raw.length() - 1) + more;
            physical++;
            joined++;
            quotedPrintable = true;
        }
        if (quotedPrintable && raw.indexOf('=') >= 0) {
            // quoted: "=24" is '$' and "=5C" '\\', which replaceAll would read as group references
            raw = QP_ESCAPE.matcher(raw).replaceAll(
                    m -> Matcher.quoteReplacement(Character.toString((char) Integer.parseInt(m.group(1), 16))));
        }
        if (numbered) {
            raw = unnumber(raw);
        }
        String text = PerfText.unquote(raw);
        if (text.length() != raw.length() && !raw.startsWith("\uFEFF")) {
            quoted = true;
        }
        return text;
    }

    private String read() throws IOException {
        return ahead.isEmpty() ? in.readLine() : ahead.poll();
    }

    /**
     * Drops a listing's line number: one that continues the count, or any number followed by a
     * tab (perf never prints tabs), so a Pareto block header "  0  412  1028" keeps its index.
     */
    private String unnumber(String raw) {
        Matcher m = NUMBERED.matcher(raw);
        if (!m.find()) {
            return raw;
        }
        int n = Integer.parseInt(m.group(1));
        if (n == lastNumber + 1 || m.group(2).equals("\t")) {
            lastNumber = n;
            return raw.substring(m.end());
        }
        return raw;
    }

    private boolean startsNumbered() throws IOException {
        String l1 = in.readLine();
        String l2 = l1 == null ? null : in.readLine();
        if (l1 != null) {
            ahead.add(l1);
        }
        if (l2 != null) {
            ahead.add(l2);
        }
        return l1 != null && l2 != null && numberIs(l1, 1) && numberIs(l2, 2);
    }

    private static boolean numberIs(String line, int n) {
        Matcher m = NUMBERED.matcher(line);
        return m.find() && m.group(1).equals(Integer.toString(n));
    }

    /** The physical line number where the last line returned starts. */
    public int lineNo() { return lineNo; }

    /** Physical lines the last line returned absorbed through soft breaks. */
    public int joined() { return joined; }

    public boolean numbered() { return numbered; }

    public boolean quoted() { return quoted; }
}
