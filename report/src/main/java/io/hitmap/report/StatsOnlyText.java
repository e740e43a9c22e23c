// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.StatsOnlyCapture;
import java.io.PrintWriter;
import java.util.regex.Pattern;

/**
 * A capture with statistics only ({@code perf c2c report --stats}) -> its block in the
 * {@code hitmap lines} text: what it holds, its key HITM (or peer) totals, and the command that
 * prints all its statistics.
 * <pre>
 * capture 1  type-pollution.c2c.txt  (statistics only: no Shared Data Cache Line Table or Pareto)
 *     Load Local HITM 19  Load Remote HITM 0  Total Shared Cache Lines 4
 *     read them with: hitmap query type-pollution.c2c.txt --sql "select section, key, value from c2c_summary"
 * </pre>
 */
public final class StatsOnlyText {
    static final String WHAT = "statistics only: no Shared Data Cache Line Table or Pareto";
    private static final String INDENT = "    ";
    private static final String SQL = "select section, key, value from c2c_summary";
    // words a POSIX shell takes literally, so they need no quotes
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=+,@%-]+");

    private StatsOnlyText() {
    }

    static void write(StatsOnlyCapture c, String store, PrintWriter w) {
        w.print(TerminalText.escape("capture " + c.captureId() + "  " + c.path() + "  (" + WHAT + ")") + "\n");
        StringBuilder totals = new StringBuilder();
        for (StatsOnlyCapture.Total t : c.totals()) {
            totals.append("  ").append(t.key()).append(' ')
                    .append(t.number() != null ? Cells.whole(t.number(), "") : t.value());
        }
        if (!totals.isEmpty()) {
            w.print(INDENT + TerminalText.escape(totals.toString().strip()) + "\n");
        }
        w.print(INDENT + "read them with: " + TerminalText.escape(readCommand(c, store)) + "\n");
    }

    /** {@code FILE: statistics only: no ...; read them with: hitmap query FILE --sql "..."}, for stderr. */
    public static String note(StatsOnlyCapture c, String store) {
        return c.path() + ": " + WHAT + "; read them with: " + readCommand(c, store);
    }

    /**
     * The {@code hitmap query} command that prints every statistic of the capture: over its file,
     * or over the store ({@code store} not null) restricted to its capture_id.
     */
    public static String readCommand(StatsOnlyCapture c, String store) {
        if (store == null) {
            return "hitmap query " + shellWord(c.path()) + " --sql \"" + SQL + "\"";
        }
        return "hitmap query --store " + shellWord(store) + " --sql \"" + SQL + " where capture_id = "
                + c.captureId() + "\"";
    }

    /** {@code a b.txt} -> {@code 'a b.txt'}; {@code it's} -> {@code 'it'\''s'}. */
    public static String shellWord(String s) {
        return PLAIN_WORD.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
