// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template resource with markers -> the text with each marker and its default replaced. A marker is
 * {@code /*name:*}{@code /} followed by its default, which keeps the raw template valid: a quoted token
 * ({@code 'none'}) or a run without spaces, quotes, {@code ;} or {@code <} ({@code {}}, {@code hitmap}).
 * Values are inserted as given (the caller escapes them) and are not scanned for markers.
 */
final class HtmlTemplate {
    // eg, "/*title:*/hitmap", "/*script-src:*/'none'", "/*css:*/"
    private static final Pattern MARKER = Pattern.compile("/\\*([a-z][a-z-]*):\\*/('[^']*'|[^<;\"'\\s]*)");

    private final String name;
    private final String text;

    private HtmlTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static HtmlTemplate resource(String name) {
        return new HtmlTemplate(name, HtmlTemplate.text(name));
    }

    static HtmlTemplate of(String name, String text) {
        return new HtmlTemplate(name, text);
    }

    /** A resource next to this class as UTF-8 text. */
    static String text(String resource) {
        try (InputStream in = HtmlTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + HtmlTemplate.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with every marker filled; fails when a marker has no value, a value no marker, or a marker repeats. */
    String fill(Map<String, String> values) {
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + values.values().stream().mapToInt(String::length).sum());
        Set<String> seen = new LinkedHashSet<>();
        int at = 0;
        while (m.find()) {
            String key = m.group(1);
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException(name + ": no value for marker " + key);
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException(name + ": marker " + key + " appears twice");
            }
            out.append(text, at, m.start()).append(values.get(key));
            at = m.end();
        }
        out.append(text, at, text.length());
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(seen);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(name + ": no marker for " + String.join(", ", unused));
        }
        return out.toString();
    }
}
