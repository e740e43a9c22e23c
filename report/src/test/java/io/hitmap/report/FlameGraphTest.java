// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.analysis.HitmapDb;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * perf script captures of sample-traces -> flame graphs, checked against counts taken from the text
 * itself: samples are the blocks between blank lines, the command is the header's first words, the
 * outermost caller the block's last frame line.
 */
class FlameGraphTest {
    static final String WEB = "webcontent-callchain.perf-script.txt";

    /** Samples per "comm;outermost frame", read from the perf script text. */
    static Map<String, Long> rootsFromText(String text) {
        Map<String, Long> out = new TreeMap<>();
        for (String block : text.split("\n\n")) {
            String[] lines = block.strip().split("\n");
            if (lines[0].isBlank()) {
                continue;
            }
            // eg, "Web Content  6987 [000]  6964.370627:     500000 cpu-clock: "
            String comm = lines[0].replaceFirst("\\s+\\d+\\s+\\[\\d+\\].*", "").strip();
            // eg, "\t    7f81bf11a1e0 [unknown] ([unknown])", "\t    ... start_thread+0x8c (/usr/lib/x86_64-linux-gnu/libc.so.6)"
            String outer = lines[lines.length - 1].strip().split(" ", 2)[1];
            String symbol = outer.substring(0, outer.lastIndexOf(" (")).replaceFirst("\\+0x[0-9a-f]+$", "");
            out.merge(comm + ";" + symbol, 1L, Long::sum);
        }
        return out;
    }

    /** Each node's value by its path from the root ("all;Web Content;start_thread"). */
    static Map<String, Long> paths(FlameTree.Flat f) {
        Map<String, Long> out = new HashMap<>();
        String[] path = new String[f.depth().length + 1];
        for (int i = 0; i < f.depth().length; i++) {
            path[f.depth()[i]] = f.names().get(i);
            out.put(String.join(";", java.util.Arrays.copyOf(path, f.depth()[i] + 1)), f.value()[i]);
        }
        return out;
    }

    @Test
    void countsEverySampleUnderItsCommandAndOutermostCaller() throws Exception {
        FlameGraph g;
        try (HitmapDb db = SampleCaptures.load(WEB)) {
            g = FlameGraph.of(db).get(0);
        }
        Map<String, Long> roots = rootsFromText(SampleCaptures.text(WEB));
        long samples = roots.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(1157, samples, "1157 sample headers in the file (grep -c ' cpu-clock:')");
        Map<String, Long> tree = paths(g.tree());
        assertEquals(samples, tree.get("all"));
        roots.forEach((k, v) -> assertEquals(v, tree.get("all;" + k), k));
        Map<String, Long> comms = new TreeMap<>();
        roots.forEach((k, v) -> comms.merge(k.substring(0, k.indexOf(';')), v, Long::sum));
        assertEquals(Map.of("DOM Worker", 577L, "Web Content", 578L, "webcontent", 2L), comms);
        comms.forEach((k, v) -> assertEquals(v, tree.get("all;" + k), k));
        assertEquals("cpu-clock", g.event());
        assertEquals(Map.of(), g.otherEvents());
        assertEquals(0, g.mergedFrames(), "1157 samples: the floor is 1 sample, nothing merged");
        assertEquals(1, g.minSamples());
    }

    @Test
    void framesPerfCouldNotNameReadAsTheirObject() throws Exception {
        try (HitmapDb db = SampleCaptures.load("java-version.perf-script.txt")) {
            List<String> names = FlameGraph.of(db).get(0).tree().names();
            // eg, "[unknown] (/tmp/perf-14941.map)": JIT code; "0 [unknown] ([unknown])"
            assertTrue(names.contains("[perf-14941.map]"), names.toString());
            assertTrue(names.contains("[unknown]"), names.toString());
        }
    }

    @Test
    void jsonHasOneStringTableAndEscapesTemplateBrackets() throws Exception {
        StringWriter w = new StringWriter();
        try (HitmapDb db = SampleCaptures.load(WEB); var g = ReportJson.generator(w)) {
            FlameGraph.of(db).get(0).write(g);
        }
        String json = w.toString();
        assertFalse(json.contains("<") || json.contains(">"), json);
        assertTrue(json.contains("\"Udom::walk\\u003Cint\\u003E\""), json);
        assertTrue(json.startsWith("{\"capture\":1,\"path\":\"" + WEB + "\",\"event\":\"cpu-clock\",\"samples\":1157,"), json);
    }

    @Test
    void aCaptureWithoutPerfScriptHasNoFlameGraph() throws Exception {
        try (HitmapDb db = SampleCaptures.load("overlayfs-creds-before.c2c.txt")) {
            assertEquals(List.of(), FlameGraph.of(db));
        }
    }
}
