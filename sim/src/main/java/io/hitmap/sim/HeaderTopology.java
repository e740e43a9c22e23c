// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The header of {@code perf report --header -I} (or {@code perf script --header}) -> the machine's shape:
 * sockets from the {@code sibling sockets} lines, SMT from a {@code sibling threads} list, L3 domains from
 * the {@code CPU cache info} block's {@code L3} lines, and {@code cpudesc}; then
 * {@link Topologies#forMachine} for the costs. Without {@code -I} perf prints none of the topology and
 * this says so.
 */
public final class HeaderTopology {
    private HeaderTopology() {
    }

    /** Thrown when the header lacks what the shape needs; the message names the missing line and the fix. */
    public static final class MissingTopology extends IllegalArgumentException {
        MissingTopology(String what) {
            super("expected the CPU topology of 'perf report --header -I' (" + what + " lines), found a header without it");
        }
    }

    public static Topology parse(List<String> lines) {
        String cpuDesc = null;
        int sockets = 0;
        List<Set<Integer>> threads = new ArrayList<>();
        List<Set<Integer>> l3 = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (!line.startsWith("#")) {
                continue;
            }
            line = line.substring(1).strip();
            if (line.startsWith("cpudesc") && line.contains(":")) {
                cpuDesc = line.substring(line.indexOf(':') + 1).strip();
            } else if (line.startsWith("sibling sockets")) {
                sockets++;
            } else if (line.startsWith("sibling threads") && line.contains(":")) {
                threads.add(cpuList(line.substring(line.indexOf(':') + 1)));
            } else if (line.startsWith("L3 ") && line.contains("[")) {
                Set<Integer> cpus = cpuList(line.substring(line.indexOf('[') + 1, line.lastIndexOf(']')));
                if (!l3.contains(cpus)) {
                    l3.add(cpus);
                }
            }
        }
        if (sockets == 0) {
            throw new MissingTopology("'# sibling sockets'");
        }
        if (threads.isEmpty()) {
            throw new MissingTopology("'# sibling threads'");
        }
        if (l3.isEmpty()) {
            throw new MissingTopology("'# CPU cache info' L3");
        }
        int perCore = threads.stream().mapToInt(Set::size).max().orElse(1);
        int cpusPerL3 = l3.stream().mapToInt(Set::size).max().orElse(1);
        int l3PerSocket = Math.max(1, l3.size() / sockets);
        int coresPerL3 = Math.max(1, cpusPerL3 / perCore);
        return Topologies.forMachine(cpuDesc, sockets, l3PerSocket, coresPerL3, perCore);
    }

    /** "0-3,8,10-11" -> {0,1,2,3,8,10,11}. */
    static Set<Integer> cpuList(String text) {
        Set<Integer> out = new HashSet<>();
        for (String part : text.strip().split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            try {
                if (dash < 0) {
                    out.add(Integer.parseInt(p));
                } else {
                    int from = Integer.parseInt(p.substring(0, dash).strip());
                    int to = Integer.parseInt(p.substring(dash + 1).strip());
                    for (int c = from; c <= to && out.size() < 1 << 16; c++) {
                        out.add(c);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a CPU list such as 0-3,8, found '" + text.strip() + "'");
            }
        }
        return out;
    }
}
