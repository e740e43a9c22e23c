// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

/**
 * One frame of a {@code perf script} call chain (or the sample's own ip when perf recorded none),
 * eg, {@code ffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])}. Text is kept as printed.
 */
public record ScriptFrame(
        /** Hex as printed, without {@code 0x}: {@code ffffffff815a114b}; null when {@code -F} left ip out. */
        String address,
        /** The symbol without its {@code +0x..} offset: {@code folios_put_refs}, {@code [unknown]}; null when not printed. */
        String symbol,
        /** The {@code +0x6b} offset as a number; null when not printed ({@code -F} without symoff, {@code [unknown]}). */
        Long symOffset,
        /** The object inside the parentheses: {@code [kernel.kallsyms]}, {@code /usr/lib/libc.so.6 (deleted)}; null when not printed. */
        String dso,
        int sourceLineNo) {
}
