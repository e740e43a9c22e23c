// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code --target} -> the accessors whose gets and puts a strategy replaces: by default the refcount
 * accessors of every line the analysis classed {@code refcount}; a line number: that line's refcount
 * accessors; anything else: a regular expression found in the accessors' symbols, on any line.
 */
public final class Target {
    private final Integer line;
    private final Pattern symbols;

    private Target(Integer line, Pattern symbols) {
        this.line = line;
        this.symbols = symbols;
    }

    /** The default target: the refcount lines the analysis found. */
    public static Target refcountLines() {
        return new Target(null, null);
    }

    /** {@code null} or blank: the default; digits: a line; else a symbol pattern (bad syntax: IllegalArgumentException). */
    public static Target parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return refcountLines();
        }
        if (spec.strip().matches("\\d{1,9}")) {
            return new Target(Integer.parseInt(spec.strip()), null);
        }
        try {
            return new Target(null, Pattern.compile(spec));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--target '" + spec + "' is neither a line number nor a regular "
                    + "expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    public boolean selects(CapturedLine l, CapturedAccessor a) {
        if (symbols != null) {
            return a.row().symbol() != null && symbols.matcher(a.row().symbol()).find();
        }
        if (line != null) {
            return l.index() == line && a.refcount();
        }
        return "refcount".equals(l.cls()) && a.refcount();
    }

    /** The targeted accessors of {@code l}. */
    public List<CapturedAccessor> of(CapturedLine l) {
        List<CapturedAccessor> out = new ArrayList<>();
        for (CapturedAccessor a : l.accessors()) {
            if (selects(l, a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The lines with a targeted accessor. */
    public List<CapturedLine> lines(Capture c) {
        return c.lines().stream().filter(l -> !of(l).isEmpty()).toList();
    }

    /** Words for the output: what was asked for. */
    public String describe() {
        if (symbols != null) {
            return "accessors whose symbol matches /" + symbols.pattern() + "/";
        }
        return line != null ? "the refcount accessors of line " + line : "the refcount accessors of the refcount lines";
    }

    /** Whether the user named the line itself (a line number), so a line with nothing to target is an error. */
    public Integer line() {
        return line;
    }
}
