// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Call chains with their sample counts -> the tree a flame graph draws: one node per distinct path
 * from the root, children in name order (as flamegraph.pl sorts them), each node's value its
 * samples and its callees'. {@link #merge} folds the frames too small to see into their callers,
 * so the tree stays small whatever the capture; {@link #flatten} gives it as arrays in preorder.
 */
final class FlameTree {
    /** What a frame is, for its colour: the root, a command, user code, the kernel. */
    enum Kind { ROOT, COMM, USER, KERNEL }

    private static final class Node {
        final String name;
        final Kind kind;
        long value;
        final Map<String, Node> children = new TreeMap<>();

        Node(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    /** A frame of a call chain: its name and kind. */
    record Frame(String name, Kind kind) {
    }

    /** The tree in preorder: node i has name {@code names.get(i)}, depth and value; children follow their parent. */
    record Flat(List<String> names, List<Kind> kinds, int[] depth, long[] value) {
    }

    private final Node root;
    private int mergedFrames;
    private long mergedSamples;

    FlameTree(String rootName) {
        root = new Node(rootName, Kind.ROOT);
    }

    /** Adds {@code samples} samples of one call chain, outermost caller first. */
    void add(List<Frame> rootFirst, long samples) {
        Node n = root;
        n.value += samples;
        for (Frame f : rootFirst) {
            n = n.children.computeIfAbsent(f.name(), k -> new Node(f.name(), f.kind()));
            n.value += samples;
        }
    }

    long samples() {
        return root.value;
    }

    int nodes() {
        return count(root);
    }

    /** Frames removed by {@link #merge}, their callees included. */
    int mergedFrames() {
        return mergedFrames;
    }

    /** Samples of the frames merged (each counted once, at the outermost frame merged). */
    long mergedSamples() {
        return mergedSamples;
    }

    /**
     * Removes every frame with fewer than {@code minSamples} samples (and its callees): its samples
     * stay in its caller's value, as the caller's own, so every width above it is unchanged.
     */
    void merge(long minSamples) {
        merge(root, minSamples);
    }

    private void merge(Node n, long minSamples) {
        n.children.values().removeIf(c -> {
            if (c.value >= minSamples) {
                return false;
            }
            mergedFrames += count(c);
            mergedSamples += c.value;
            return true;
        });
        for (Node c : n.children.values()) {
            merge(c, minSamples);
        }
    }

    private static int count(Node n) {
        int c = 1;
        for (Node k : n.children.values()) {
            c += count(k);
        }
        return c;
    }

    Flat flatten() {
        int n = nodes();
        List<String> names = new ArrayList<>(n);
        List<Kind> kinds = new ArrayList<>(n);
        int[] depth = new int[n];
        long[] value = new long[n];
        // iterative preorder: call chains of java programs run hundreds of frames deep
        List<Node> stack = new ArrayList<>(List.of(root));
        List<Integer> depths = new ArrayList<>(List.of(0));
        int i = 0;
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            int d = depths.remove(depths.size() - 1);
            names.add(node.name);
            kinds.add(node.kind);
            depth[i] = d;
            value[i] = node.value;
            i++;
            List<Node> children = new ArrayList<>(node.children.values());
            for (int c = children.size() - 1; c >= 0; c--) {
                stack.add(children.get(c));
                depths.add(d + 1);
            }
        }
        return new Flat(names, kinds, depth, value);
    }
}
