// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

/**
 * Text from a capture or a query (symbols, paths, messages) -> text that is safe to print on a
 * terminal: every C0 control character (tab and newline included), DEL and every C1 control
 * character becomes {@code \xNN}, so a symbol cannot move the cursor, set the window title or
 * break a row. {@code ESC ] 0 ; pwned BEL} prints as {@code \x1b]0;pwned\x07}.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String escape(String s) {
        int first = firstControl(s);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (isControl(ch)) {
                sb.append("\\x").append(Character.forDigit(ch >> 4, 16)).append(Character.forDigit(ch & 0xf, 16));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    // C0 (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F; U+009B is a one-character CSI)
    private static boolean isControl(char ch) {
        return ch < 0x20 || (ch >= 0x7f && ch <= 0x9f);
    }
}
