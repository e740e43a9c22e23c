// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strings counted where they occur -> one index each, the most frequent first, so the values written
 * most often are the shortest numbers; index 0 stands for no string (null). Ties keep the order of
 * first occurrence, so the same input gives the same indexes.
 */
final class StringTable {
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private Map<String, Integer> index;
    private List<String> ordered;

    /** Counts one occurrence of {@code s}; null is not counted. */
    void count(String s) {
        if (index != null) {
            throw new IllegalStateException("the table is already ordered");
        }
        if (s != null) {
            counts.computeIfAbsent(s, k -> new int[1])[0]++;
        }
    }

    /** The index of a counted string, 0 for null. */
    int index(String s) {
        if (s == null) {
            return 0;
        }
        order();
        Integer i = index.get(s);
        if (i == null) {
            throw new IllegalArgumentException("string never counted: " + s);
        }
        return i;
    }

    /** The table as a JSON array: null, then the strings by index. */
    void write(JsonGenerator g) throws IOException {
        order();
        g.writeStartArray();
        g.writeNull();
        for (String s : ordered) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private void order() {
        if (index != null) {
            return;
        }
        ordered = new ArrayList<>(counts.keySet());
        ordered.sort((a, b) -> Integer.compare(counts.get(b)[0], counts.get(a)[0])); // stable: ties keep first seen
        index = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            index.put(ordered.get(i), i + 1);
        }
    }
}
