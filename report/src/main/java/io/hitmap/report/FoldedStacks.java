// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.ingest.script.PerfScriptParser;
import io.hitmap.ingest.script.ScriptFrame;
import io.hitmap.ingest.script.ScriptSample;
import io.hitmap.ingest.script.ScriptStack;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * perf script samples -> folded stacks ({@code comm;root;...;leaf count}, one line per distinct
 * stack, sorted), the input of flamegraph.pl, inferno and speedscope. Frame names are tidied as
 * Brendan Gregg's stackcollapse-perf.pl does by default, so the same capture folds alike:
 * <ul>
 * <li>the {@code +0x..} offset is dropped (the parser keeps it apart already);</li>
 * <li>{@code [unknown]} becomes the dso's file name in brackets ({@code [libc.so.6]}), or stays
 *     {@code [unknown]} when the dso is unknown too; an address printed alone folds the same way;</li>
 * <li>{@code ;} becomes {@code :} (a {@code ;} would split the frame in two), everything from the
 *     first {@code (} is dropped (argument lists) unless it looks like a Go method
 *     {@code pkg.(*T).M} or is {@code (anonymous namespace)}, and quotes are removed;</li>
 * <li>for the comm {@code java}, a leading {@code L} of a JVM signature ({@code Lorg/x/Y;.m}) goes;</li>
 * <li>blanks in the comm become {@code _} ({@code Web_Content}).</li>
 * </ul>
 * A newline cannot reach a frame name: the parser reads one frame per line. Memory grows with the
 * number of distinct stacks, never with the number of samples.
 */
public final class FoldedStacks implements PerfScriptParser.SampleSink<RuntimeException> {
    /** What goes into a stack and what a sample weighs. */
    public record Options(boolean pid, boolean tid, boolean kernel, String event, boolean byPeriod) {
    }

    private final Options options;
    private final Map<String, long[]> stacks = new HashMap<>();
    private final Map<String, Long> otherEvents = new TreeMap<>();
    private final StringBuilder key = new StringBuilder(256);
    private static final int CACHED_STACKS = 1 << 16;
    private final Map<ScriptStack, String> framesOf = new java.util.IdentityHashMap<>();
    private final Map<ScriptStack, String> javaFrames = new java.util.IdentityHashMap<>();
    private String event;
    private long folded;

    public FoldedStacks(Options options) {
        this.options = options;
        this.event = options.event();
    }

    @Override
    public void accept(ScriptSample s) {
        if (event == null) {
            event = s.event(); // as stackcollapse-perf.pl: the first event seen, unless one is named
        }
        if (event != null && !event.equals(s.event())) {
            otherEvents.merge(String.valueOf(s.event()), 1L, Long::sum);
            return;
        }
        key.setLength(0);
        comm(s);
        boolean java = "java".equals(s.comm());
        // stacks are interned by the parser: fold each one's frames once, not per sample
        Map<ScriptStack, String> cache = java ? javaFrames : framesOf;
        String frames = cache.get(s.stack());
        if (frames == null) {
            int from = key.length();
            ScriptStack stack = s.stack();
            for (int d = stack.size() - 1; d >= 0; d--) {
                key.append(';');
                frame(stack.frame(d), java);
            }
            frames = key.substring(from);
            if (cache.size() >= CACHED_STACKS) {
                cache.clear(); // bounded: a stack folded again later is folded the same way
            }
            cache.put(s.stack(), frames);
        } else {
            key.append(frames);
        }
        long weight = options.byPeriod() ? (s.period() == null ? 0 : s.period()) : 1;
        stacks.computeIfAbsent(key.toString(), k -> new long[1])[0] += weight;
        folded++;
    }

    /** The event folded: the one named, else the first one seen; null before any sample. */
    public String event() {
        return event;
    }

    /** Samples folded (of the event folded). */
    public long folded() {
        return folded;
    }

    /** Samples of other events, which were left out, by event. */
    public Map<String, Long> otherEvents() {
        return otherEvents;
    }

    /** Every stack and its weight, sorted as {@code sort} in the C locale would (by code unit). */
    public void write(PrintWriter out) {
        List<String> keys = new ArrayList<>(stacks.keySet());
        keys.sort(null);
        for (String k : keys) {
            out.print(k);
            out.print(' ');
            out.print(stacks.get(k)[0]);
            out.print('\n');
        }
        out.flush();
    }

    private void comm(ScriptSample s) {
        int from = key.length();
        key.append(s.comm() == null ? "" : s.comm());
        if (options.tid()) {
            key.append('-').append(s.pid() == null ? "?" : s.pid().toString()).append('/')
                    .append(s.tid() == null ? "?" : s.tid().toString());
        } else if (options.pid()) {
            key.append('-').append(s.pid() == null ? "?" : s.pid().toString());
        }
        for (int i = from; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ' ') {
                key.setCharAt(i, '_');
            } else if (c == ';') {
                key.setCharAt(i, ':');
            }
        }
    }

    private void frame(ScriptFrame f, boolean java) {
        String sym = f.symbol();
        if (sym == null || sym.equals("[unknown]")) {
            key.append(unresolved(f.dso()));
            return;
        }
        int end = sym.length();
        int paren = sym.indexOf('(');
        if (paren >= 0 && !goMethod(sym, paren)) {
            int anon = sym.indexOf("(anonymous namespace)");
            while (paren >= 0 && paren == anon) {
                paren = sym.indexOf('(', anon + 1);
                anon = sym.indexOf("(anonymous namespace)", anon + 1);
            }
            if (paren >= 0) {
                end = paren;
            }
        }
        int start = java && sym.startsWith("L") && sym.indexOf('/') >= 0 ? 1 : 0;
        for (int i = start; i < end; i++) {
            char c = sym.charAt(i);
            if (c == ';') {
                key.append(':');
            } else if (c != '"' && c != '\'') {
                key.append(c);
            }
        }
        if (options.kernel() && kernel(f.dso())) {
            key.append("_[k]");
        }
    }

    /** A frame perf could not name: its dso's file name in brackets ({@code [libc.so.6]}), or {@code [unknown]}. */
    static String unresolved(String dso) {
        return "[" + (dso == null || dso.equals("[unknown]") ? "unknown" : dso.substring(dso.lastIndexOf('/') + 1)) + "]";
    }

    // eg, "net/http.(*Client).Do": a '.(' ... ').' pair, whose parentheses are part of the name
    private static boolean goMethod(String sym, int paren) {
        return paren > 0 && sym.charAt(paren - 1) == '.' && sym.indexOf(").", paren) > 0;
    }

    // [kernel.kallsyms], a kernel module such as [nf_conntrack], or a vmlinux file
    static boolean kernel(String dso) {
        if (dso == null) {
            return false;
        }
        if (dso.endsWith("vmlinux")) {
            return true;
        }
        return dso.startsWith("[") && !dso.equals("[unknown]") && !dso.equals("[vdso]") && !dso.equals("[vsyscall]")
                && !dso.startsWith("[anon") && !dso.equals("[heap]") && !dso.equals("[stack]");
    }
}
