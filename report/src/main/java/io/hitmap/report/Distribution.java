// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.RankedAccessor;
import io.hitmap.analysis.RankedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranked lines -> per capture, the NUMA nodes and CPUs their accessors ran on: how many accessors and
 * their estimated samples, each accessor's split evenly among its nodes (and among its CPUs), since
 * perf does not say how its samples divide.
 */
record Distribution(int captureId, String kind, int key, int accessors, double estSamples) {
    // eg, "0 1", "1{3,5,7,9,11}", "0{0-3} 1{4}" (perf c2c report -NN prints the CPUs in braces), and Arm
    // SPE's "0{ 2 100.0%    n/a}" (a CPU count and shares in the braces, not CPUs)
    private static final Pattern NODE = Pattern.compile("(\\d+)\\s*(?:\\{([^}]*)\\})?");
    private static final Pattern CPU_LIST = Pattern.compile("[0-9,\\-\\s]*");
    /** No machine has more CPUs than this: a longer range in a hostile file is not a CPU list. */
    private static final int MAX_CPU = 1 << 16;

    static List<Distribution> of(List<RankedLine> lines) {
        Map<String, double[]> sums = new TreeMap<>();
        for (RankedLine l : lines) {
            for (RankedAccessor a : l.topAccessors()) {
                if (a.nodes() == null) {
                    continue;
                }
                List<Integer> nodes = new ArrayList<>();
                List<Integer> cpus = new ArrayList<>();
                parse(a.nodes(), nodes, cpus);
                addAll(sums, l.captureId(), "node", nodes, a.estSamples());
                addAll(sums, l.captureId(), "cpu", cpus, a.estSamples());
            }
        }
        List<Distribution> out = new ArrayList<>();
        sums.forEach((k, v) -> {
            String[] p = k.split(" ");
            out.add(new Distribution(Integer.parseInt(p[0]), p[1].substring(2), Integer.parseInt(p[2]), (int) v[0], v[1]));
        });
        return out;
    }

    /**
     * The node numbers and CPU numbers of a perf node list such as {@code 0{0-3} 1{4,5}}: the braces give
     * CPUs only when they hold a plain CPU list; numbers too large for a node or CPU are passed over.
     */
    static void parse(String list, List<Integer> nodes, List<Integer> cpus) {
        Matcher m = NODE.matcher(list);
        while (m.find()) {
            int node = number(m.group(1));
            if (node < 0) {
                continue;
            }
            nodes.add(node);
            if (m.group(2) == null || !CPU_LIST.matcher(m.group(2)).matches()) {
                continue;
            }
            for (String part : m.group(2).split(",")) {
                String[] range = part.strip().split("-");
                int from = number(range[0]);
                int to = range.length > 1 ? number(range[1]) : from;
                for (int c = from; c >= 0 && c <= to; c++) {
                    cpus.add(c);
                }
            }
        }
    }

    /** A node or CPU number, or -1 for an empty, malformed or impossible one. */
    private static int number(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 6) {
            return -1;
        }
        try {
            int v = Integer.parseInt(t);
            return v < MAX_CPU ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void addAll(Map<String, double[]> sums, int capture, String kind, List<Integer> keys, double est) {
        for (int key : keys) {
            // sort keys: capture, kind (n < c so nodes first? prefix fixes it), number
            String k = String.format(java.util.Locale.ROOT, "%09d %s %09d", capture, (kind.equals("node") ? "0-" : "1-") + kind, key);
            double[] v = sums.computeIfAbsent(k, x -> new double[2]);
            v[0] += 1;
            v[1] += est / keys.size();
        }
    }
}
