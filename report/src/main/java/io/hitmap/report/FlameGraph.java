// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.ResultTable;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The perf script captures of a store -> one flame graph each: the call chains of the capture's
 * first event (as {@code hitmap folded} and flamegraph.pl choose it), rooted at {@code all}, then
 * the command, then the outermost caller. A node's value is its samples, counted as {@code hitmap
 * folded} counts them, so the two agree. Frames under 0.01% of the samples are merged into their
 * callers, and more while the tree has over {@value #MAX_NODES} nodes: the page stays small and
 * says how much it merged. Names are kept as perf printed them (arguments, templates), but for
 * frames perf could not name, which read {@code [libc.so.6]} as in {@code hitmap folded}.
 */
public record FlameGraph(int captureId, String path, String event, Map<String, Long> otherEvents, long minSamples,
                  int mergedFrames, long mergedSamples, FlameTree.Flat tree) {
    static final int MAX_NODES = 20_000;
    static final double MIN_SHARE = 0.0001;

    /** A flame graph of each perf script capture in the store, in capture_id order; none without call chains or samples. */
    static List<FlameGraph> of(HitmapDb db) throws SQLException {
        List<FlameGraph> out = new ArrayList<>();
        for (List<Object> c : db.query("SELECT capture_id, path FROM captures WHERE kind = 'perf-script' ORDER BY capture_id").rows()) {
            FlameGraph f = of(db, ((Number) c.get(0)).intValue(), (String) c.get(1));
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static FlameGraph of(HitmapDb db, int capture, String path) throws SQLException {
        ResultTable chains = db.query("SELECT event, comm, stack_id, count(*) AS n, min(sample_no) AS first FROM samples"
                + " WHERE capture_id = " + capture + " GROUP BY event, comm, stack_id ORDER BY first");
        if (chains.rows().isEmpty()) {
            return null;
        }
        Map<Integer, List<FlameTree.Frame>> stacks = stacks(db, capture);
        String event = (String) chains.rows().get(0).get(0);
        Map<String, Long> otherEvents = new LinkedHashMap<>();
        FlameTree tree = new FlameTree("all");
        for (List<Object> r : chains.rows()) {
            long n = ((Number) r.get(3)).longValue();
            if (!Objects.equals(event, r.get(0))) {
                otherEvents.merge(String.valueOf(r.get(0)), n, Long::sum);
                continue;
            }
            List<FlameTree.Frame> frames = new ArrayList<>();
            frames.add(new FlameTree.Frame(r.get(1) == null ? "[no comm]" : (String) r.get(1), FlameTree.Kind.COMM));
            List<FlameTree.Frame> leafFirst = r.get(2) == null ? List.of() : stacks.getOrDefault(((Number) r.get(2)).intValue(), List.of());
            for (int d = leafFirst.size() - 1; d >= 0; d--) {
                frames.add(leafFirst.get(d));
            }
            tree.add(frames, n);
        }
        long min = bound(tree, MAX_NODES);
        return new FlameGraph(capture, path, event, otherEvents, min, tree.mergedFrames(), tree.mergedSamples(), tree.flatten());
    }

    /**
     * Merges the frames under {@link #MIN_SHARE} of the samples, then doubles that floor until the
     * tree has at most {@code maxNodes} nodes; returns the floor: the fewest samples a frame kept has.
     */
    static long bound(FlameTree tree, int maxNodes) {
        long min = Math.max(1, (long) Math.ceil(tree.samples() * MIN_SHARE));
        tree.merge(min);
        while (tree.nodes() > maxNodes) {
            min *= 2;
            tree.merge(min);
        }
        return min;
    }

    /** Each stack's frames, leaf first. */
    private static Map<Integer, List<FlameTree.Frame>> stacks(HitmapDb db, int capture) throws SQLException {
        Map<Integer, List<FlameTree.Frame>> out = new HashMap<>();
        for (List<Object> r : db.query("SELECT stack_id, symbol, dso FROM sample_stacks WHERE capture_id = " + capture
                + " ORDER BY stack_id, depth").rows()) {
            String symbol = (String) r.get(1);
            String dso = (String) r.get(2);
            String name = symbol == null || symbol.equals("[unknown]") ? FoldedStacks.unresolved(dso) : symbol;
            FlameTree.Kind kind = FoldedStacks.kernel(dso) ? FlameTree.Kind.KERNEL : FlameTree.Kind.USER;
            out.computeIfAbsent(((Number) r.get(0)).intValue(), k -> new ArrayList<>()).add(new FlameTree.Frame(name, kind));
        }
        return out;
    }

    /**
     * The flame graph as JSON: {@code names} a table of the frames' names, each led by its kind's
     * letter (R root, C command, U user, K kernel); then the nodes in preorder as three arrays,
     * {@code name} (an index into names), {@code depth} and {@code value}.
     */
    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("capture", captureId);
        g.writeStringField("path", path);
        g.writeStringField("event", event);
        g.writeNumberField("samples", tree.value()[0]);
        g.writeArrayFieldStart("other_events");
        for (Map.Entry<String, Long> e : otherEvents.entrySet()) {
            g.writeStartArray();
            g.writeString(e.getKey());
            g.writeNumber(e.getValue());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeNumberField("min_samples", minSamples);
        g.writeNumberField("merged_frames", mergedFrames);
        g.writeNumberField("merged_samples", mergedSamples);
        StringTable names = new StringTable();
        List<String> keyed = new ArrayList<>(tree.names().size());
        for (int i = 0; i < tree.names().size(); i++) {
            keyed.add(tree.kinds().get(i).name().charAt(0) + tree.names().get(i));
            names.count(keyed.get(i));
        }
        g.writeFieldName("names");
        names.write(g);
        g.writeArrayFieldStart("name");
        for (String k : keyed) {
            g.writeNumber(names.index(k));
        }
        g.writeEndArray();
        g.writeFieldName("depth");
        g.writeArray(tree.depth(), 0, tree.depth().length);
        g.writeFieldName("value");
        g.writeArray(tree.value(), 0, tree.value().length);
        g.writeEndObject();
    }
}
