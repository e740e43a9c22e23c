// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import static io.hitmap.ingest.script.ScriptText.isDigit;
import static io.hitmap.ingest.script.ScriptText.skipBlanks;
import static io.hitmap.ingest.script.ScriptText.tokenEnd;
import static io.hitmap.ingest.script.ScriptText.trimmedEnd;

import io.hitmap.ingest.PerfParseException;
import java.util.Arrays;

/**
 * Parses a {@code perf script} sample header line.
 * <pre>
 * refbench 14931   971.966939:     500000 cpu-clock:ppp:
 * Web Content  6985/6985  [000]  6964.369609:     500000 cpu-clock:
 *      webcontent  6993 [000]  6965.778041:     500000 cpu-clock:  ffffffff8168a1a5 memcg1_commit_charge+0x85 ([kernel.kallsyms])
 * </pre>
 * The comm may hold blanks ({@code Web Content}, {@code C2 CompilerThre}) and perf pads it on the
 * left without call chains, so nothing is read by position: the line is anchored on its first
 * word that ends in a colon, the time ({@code 971.966939:}) or, when {@code -F} left the time out,
 * the event. Before the anchor, from the right: an optional {@code [cpu]}, the tid or
 * {@code pid/tid}, and the comm (the rest). After the time: an optional period, then the event.
 */
final class ScriptHeaders {
    static final String SHAPE = "<comm> <tid> [<cpu>] <time>: [<period>] <event>:";

    private ScriptHeaders() {
    }

    static ScriptHeader parse(String line, int lineNo) throws ScriptSyntaxException {
        int n = trimmedEnd(line);
        int[] starts = new int[8];
        int[] ends = new int[8];
        int count = 0;
        int i = skipBlanks(line, 0, n);
        int anchor = -1;
        while (i < n) {
            int e = tokenEnd(line, i, n);
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = i;
            ends[count] = e;
            count++;
            if (line.charAt(e - 1) == ':') {
                anchor = count - 1;
                break;
            }
            i = skipBlanks(line, e, n);
        }
        if (anchor < 0) {
            throw new ScriptSyntaxException("expected a sample header \"" + SHAPE + "\", found "
                    + PerfParseException.quote(line));
        }
        int layout = 0;
        Double time = null;
        Long period = null;
        String event = null;
        int tail;
        int as = starts[anchor];
        int ae = ends[anchor] - 1; // without the colon
        if (timeLike(line, as, ae)) {
            double t = ScriptText.parseSeconds(line, as, ae);
            if (Double.isNaN(t)) {
                throw new ScriptSyntaxException("expected a time in seconds such as \"971.966939:\", found "
                        + PerfParseException.quote(line.substring(as, ae + 1)));
            }
            time = t;
            layout |= ScriptHeader.TIME;
            int j = skipBlanks(line, ends[anchor], n);
            int k = tokenEnd(line, j, n);
            if (j < n && isDigit(line.charAt(j))) {
                long p = ScriptText.parseLong(line, j, k);
                if (p < 0) {
                    throw new ScriptSyntaxException("expected a period (a count) after the time, found "
                            + PerfParseException.quote(line.substring(j, k)));
                }
                period = p;
                layout |= ScriptHeader.PERIOD;
                j = skipBlanks(line, k, n);
                k = tokenEnd(line, j, n);
            }
            if (k > j && line.charAt(k - 1) == ':') {
                event = line.substring(j, k - 1);
                layout |= ScriptHeader.EVENT;
                tail = k;
            } else {
                tail = j;
            }
        } else {
            event = line.substring(as, ae);
            layout |= ScriptHeader.EVENT;
            tail = ends[anchor];
        }
        int b = anchor - 1;
        Integer cpu = null;
        if (b >= 0 && line.charAt(starts[b]) == '[' && line.charAt(ends[b] - 1) == ']') {
            long c = ScriptText.parseLong(line, starts[b] + 1, ends[b] - 1);
            if (c < 0 || c > Integer.MAX_VALUE) {
                throw new ScriptSyntaxException("expected a cpu such as \"[001]\", found "
                        + PerfParseException.quote(line.substring(starts[b], ends[b])));
            }
            cpu = (int) c;
            layout |= ScriptHeader.CPU;
            b--;
        }
        Integer pid = null;
        Integer tid = null;
        if (b >= 0 && numberLike(line, starts[b])) {
            int s = starts[b];
            int e = ends[b];
            int slash = line.indexOf('/', s);
            if (slash >= 0 && slash < e) {
                pid = id(line, s, slash, line.substring(s, e));
                tid = id(line, slash + 1, e, line.substring(s, e));
                layout |= ScriptHeader.PID | ScriptHeader.TID;
            } else {
                tid = id(line, s, e, line.substring(s, e));
                layout |= ScriptHeader.TID;
            }
            b--;
        }
        String comm = null;
        if (b >= 0) {
            comm = line.substring(starts[0], ends[b]);
            layout |= ScriptHeader.COMM;
        }
        int t = skipBlanks(line, tail, n);
        ScriptFrame frame = null;
        String trailing = null;
        if (t < n) {
            if (ScriptFrames.looksLikeFrame(line, t, n)) {
                frame = ScriptFrames.parse(line, t, lineNo);
            } else {
                trailing = line.substring(t, n);
            }
        }
        return new ScriptHeader(comm, pid, tid, cpu, time, period, event, frame, trailing, layout);
    }

    // a time starts with a digit and has no inner colon; an event name that starts with a digit
    // has one (eg, a tracepoint "9p:9p_client_req:")
    private static boolean timeLike(String line, int from, int to) {
        if (!isDigit(line.charAt(from))) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (line.charAt(i) == ':') {
                return false;
            }
        }
        return true;
    }

    private static boolean numberLike(String line, int at) {
        char c = line.charAt(at);
        return isDigit(c) || (c == '-' && at + 1 < line.length() && isDigit(line.charAt(at + 1)));
    }

    private static int id(String line, int from, int to, String token) throws ScriptSyntaxException {
        long v = ScriptText.parseLong(line, from, to);
        if (v < -1 || v > Integer.MAX_VALUE) {
            throw new ScriptSyntaxException("expected a thread id or \"<pid>/<tid>\" before the time, found "
                    + PerfParseException.quote(token));
        }
        return (int) v;
    }
}
