// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

/** Character tests and number parsing for {@code perf script} lines, without regexes or String.split. */
final class ScriptText {
    private ScriptText() {
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static int skipBlanks(String s, int i, int end) {
        while (i < end && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int tokenEnd(String s, int i, int end) {
        while (i < end && !isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of {@code s} without trailing blanks. */
    static int trimmedEnd(String s) {
        int n = s.length();
        while (n > 0 && isBlank(s.charAt(n - 1))) {
            n--;
        }
        return n;
    }

    /** Decimal digits in [from, to), optionally after '-'; -1 .. 18 digits; else Long.MIN_VALUE. */
    static long parseLong(String s, int from, int to) {
        boolean negative = from < to && s.charAt(from) == '-';
        int i = negative ? from + 1 : from;
        if (i >= to || to - i > 18) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return Long.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    /** Hex digits in [from, to), at most 15 (so the value stays positive); else -1. */
    static long parseHex(String s, int from, int to) {
        if (from >= to || to - from > 15) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            if (!isHex(c)) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /**
     * {@code 971.966939} in [from, to) -> seconds; NaN unless digits '.' digits. Exact to the
     * double nearest the decimal, as Double.parseDouble, without its cost on the common lengths.
     */
    static double parseSeconds(String s, int from, int to) {
        int dot = -1;
        long v = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.' && dot < 0) {
                dot = i;
            } else if (isDigit(c)) {
                v = v * 10 + (c - '0');
                digits++;
            } else {
                return Double.NaN;
            }
        }
        if (dot <= from || dot == to - 1) {
            return Double.NaN;
        }
        int decimals = to - dot - 1;
        if (digits > 15 || decimals > 18) {
            return Double.parseDouble(s.substring(from, to)); // a value or a power of ten beyond 2^53
        }
        return v / POW10[decimals]; // both exact, so the quotient is correctly rounded
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
}
