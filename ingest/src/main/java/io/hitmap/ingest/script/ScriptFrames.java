// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import static io.hitmap.ingest.script.ScriptText.isBlank;
import static io.hitmap.ingest.script.ScriptText.isHex;
import static io.hitmap.ingest.script.ScriptText.skipBlanks;
import static io.hitmap.ingest.script.ScriptText.trimmedEnd;

import io.hitmap.ingest.PerfParseException;

/**
 * Parses one call-chain frame of {@code perf script}, from a tab-indented frame line or from the
 * end of a header line.
 * <pre>
 * 	ffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
 * 	    7f0cc4938cc9 [unknown] (/tmp/perf-14941.map)
 * 	    7f3a10001234 LambdaForm$MH/0x0000000800c01000::invoke+0x20 (/memfd:jit (deleted))
 * 	ffffffff821d5e43 mas_store_prealloc ([kernel.kallsyms])
 * </pre>
 * The address is the first word; the dso is the text in the parentheses that close the line
 * (matched from the right, so {@code (deleted)} inside stays in it); the symbol, blanks, {@code <>}
 * and {@code ::} included, is everything between. A trailing {@code +0x..} is the offset.
 */
final class ScriptFrames {
    static final String SHAPE = "<address> <symbol>+<offset> (<dso>)";

    private ScriptFrames() {
    }

    /** The first word of [from, to) is hex and ends at a blank or at {@code to}. */
    static boolean looksLikeFrame(String line, int from, int to) {
        int i = from;
        while (i < to && isHex(line.charAt(i))) {
            i++;
        }
        return i > from && (i == to || isBlank(line.charAt(i)));
    }

    /** The frame starting at {@code from} (blanks before it allowed). */
    static ScriptFrame parse(String line, int from, int lineNo) throws ScriptSyntaxException {
        int n = trimmedEnd(line);
        int a = skipBlanks(line, from, n);
        int i = a;
        while (i < n && isHex(line.charAt(i))) {
            i++;
        }
        if (i == a || (i < n && !isBlank(line.charAt(i)))) {
            throw new ScriptSyntaxException("expected a frame \"" + SHAPE + "\", found " + PerfParseException.quote(line));
        }
        String address = line.substring(a, i);
        int s = skipBlanks(line, i, n);
        String dso = null;
        int symEnd = n;
        if (n > s && line.charAt(n - 1) == ')') {
            int open = openingParenthesis(line, s, n - 1);
            if (open >= 0) {
                dso = line.substring(open + 1, n - 1);
                symEnd = open;
                while (symEnd > s && isBlank(line.charAt(symEnd - 1))) {
                    symEnd--;
                }
            }
        }
        String symbol = null;
        Long offset = null;
        if (symEnd > s) {
            int plus = line.lastIndexOf("+0x", symEnd - 1);
            long off = plus > s ? ScriptText.parseHex(line, plus + 3, symEnd) : -1;
            if (off >= 0) {
                offset = off;
                symbol = line.substring(s, plus);
            } else {
                symbol = line.substring(s, symEnd);
            }
        }
        return new ScriptFrame(address, symbol, offset, dso, lineNo);
    }

    // the '(' that matches the ')' at close, at the start of the text or after a blank; -1 if none
    // (a symbol such as "foo(int)" printed without a dso has no blank before its '(')
    private static int openingParenthesis(String line, int from, int close) {
        int depth = 0;
        for (int i = close; i >= from; i--) {
            char c = line.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i == from || isBlank(line.charAt(i - 1)) ? i : -1;
            }
        }
        return -1;
    }
}
