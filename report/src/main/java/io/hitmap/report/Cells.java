// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import java.math.BigDecimal;
import java.util.Locale;

/** One result value -> its text for a terminal cell or a CSV field, always in {@link Locale#ROOT}. */
final class Cells {
    static final String ELLIPSIS = "\u2026";

    private Cells() {
    }

    /** A value for an aligned text column; doubles get 2 decimals, control characters are escaped ({@link TerminalText}). */
    static String text(Object v, String nullText) {
        if (v == null) {
            return nullText;
        }
        if (v instanceof Double || v instanceof Float) {
            return fixed2(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return TerminalText.escape(v.toString());
    }

    /** A value for a CSV field, before quoting: full precision, no exponent, empty for null. */
    static String csv(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            String s = Double.toString(d);
            return s.indexOf('E') < 0 || Double.isNaN(d) || Double.isInfinite(d)
                    ? s : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }

    /**
     * {@code s} when it has at most {@code max} characters, else its first {@code max - 1} and
     * {@code …}, so a 5 MB C++ symbol cannot make a 5 MB row; {@code max <= 0} never cuts.
     * Counts code points, so a surrogate pair is never split.
     */
    static String cut(String s, int max) {
        if (max <= 0 || s.length() <= max || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + ELLIPSIS;
    }

    /** {@code 41.50}; values too small to show in 2 decimals keep 3 significant digits: {@code 1.23e-04}. */
    static String fixed2(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d != 0 && Math.abs(d) < 0.005) {
            return String.format(Locale.ROOT, "%.2e", d);
        }
        return String.format(Locale.ROOT, "%.2f", d);
    }

    /** {@code 41.50%}, or {@code nullText} when absent. */
    static String percent(Double d, String nullText) {
        return d == null ? nullText : fixed2(d) + "%";
    }

    /** A count or mean cycle count as perf prints it, {@code 474}; a fraction keeps 2 decimals. */
    static String whole(Double d, String nullText) {
        if (d == null) {
            return nullText;
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : fixed2(d);
    }

    /** Byte offset inside a cache line as perf prints it: {@code 0x28}. */
    static String hex(Integer offset, String nullText) {
        return offset == null ? nullText : "0x" + Integer.toHexString(offset);
    }

    static boolean isNumber(Object v) {
        return v instanceof Number;
    }
}
