// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # ========} block of {@code perf report --header} -> {@link MachineInfo}.
 * <pre>
 * # hostname : vm
 * # perf version : 6.1.187
 * # nrcpus online : 2
 * # cpudesc : AMD EPYC
 * # sibling sockets : 0-1          one line per socket (perf 4.x: "sibling cores")
 * # sibling dies    : 0-1          one line per die
 * # sibling threads : 0            one line per core: the CPUs (hyperthreads) of that core
 * # node0 cpu list : 0-1           one line per NUMA node
 * </pre>
 */
final class MachineHeader {
    // eg, "# sample duration :    735.209 ms"
    private static final Pattern MS = Pattern.compile("([\\d.]+)\\s*ms");
    private static final Pattern NODE_CPUS = Pattern.compile("node\\d+ cpu list");

    private MachineHeader() {
    }

    /** Null when the block holds none of the machine keys. */
    static MachineInfo of(List<HeaderLine> lines) {
        if (lines.stream().noneMatch(l -> l.value() != null)) {
            return null;
        }
        int sockets = count(lines, "sibling sockets");
        if (sockets == 0) {
            sockets = count(lines, "sibling cores"); // perf before 5.x: CPUs sharing a package
        }
        int cores = count(lines, "sibling threads");
        int threads = 0;
        for (HeaderLine l : lines) {
            if (l.key().equals("sibling threads") && l.value() != null) {
                threads = Math.max(threads, cpuCount(l.value()));
            }
        }
        int nodes = (int) lines.stream().filter(l -> NODE_CPUS.matcher(l.key()).matches()).count();
        String duration = value(lines, "sample duration");
        Matcher ms = duration == null ? null : MS.matcher(duration);
        String memory = value(lines, "total memory");
        return new MachineInfo(value(lines, "hostname"), value(lines, "os release"), value(lines, "perf version"),
                value(lines, "arch"), integer(value(lines, "nrcpus online")), integer(value(lines, "nrcpus avail")),
                value(lines, "cpudesc"), value(lines, "cpuid"),
                memory == null ? null : longOrNull(memory.replace("kB", "").strip()),
                value(lines, "cmdline"), value(lines, "captured on"),
                ms != null && ms.find() ? Double.valueOf(ms.group(1)) : null,
                sockets == 0 ? null : sockets, nullIfZero(count(lines, "sibling dies")),
                cores == 0 ? null : cores, threads == 0 ? null : threads, nodes == 0 ? null : nodes);
    }

    /** CPUs in a perf CPU list: {@code 0-3,8-11} -> 8. */
    static int cpuCount(String list) {
        int n = 0;
        for (String part : list.strip().split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            try {
                n += dash < 0 ? 1 : Integer.parseInt(p.substring(dash + 1)) - Integer.parseInt(p.substring(0, dash)) + 1;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return n;
    }

    private static String value(List<HeaderLine> lines, String key) {
        for (HeaderLine l : lines) {
            if (l.key().equals(key)) {
                return l.value();
            }
        }
        return null;
    }

    private static int count(List<HeaderLine> lines, String key) {
        return (int) lines.stream().filter(l -> l.key().equals(key)).count();
    }

    private static Integer integer(String s) {
        Long v = longOrNull(s);
        return v == null || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    private static Long longOrNull(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer nullIfZero(int n) {
        return n == 0 ? null : n;
    }
}
