// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * A machine: sockets x L3 domains x cores x SMT threads, and its {@link CoherenceCosts}. Hardware
 * threads are numbered socket-major, then L3 domain, then core, then SMT thread, so thread
 * {@code 2k} and {@code 2k+1} are siblings; {@link #place(int)} picks which of them a run of n CPUs uses.
 */
public record Topology(String name, String description, int sockets, int l3PerSocket, int coresPerL3,
                       int threadsPerCore, CoherenceCosts costs) {

    public Topology {
        if (sockets < 1 || l3PerSocket < 1 || coresPerL3 < 1 || threadsPerCore < 1) {
            throw new IllegalArgumentException("topology " + name + ": every level needs at least 1");
        }
    }

    public int hardwareThreads() {
        return sockets * l3PerSocket * coresPerL3 * threadsPerCore;
    }

    public int l3Domains() {
        return sockets * l3PerSocket;
    }

    public int socketOf(int hw) {
        return hw / (l3PerSocket * coresPerL3 * threadsPerCore);
    }

    public int l3Of(int hw) {
        return hw / (coresPerL3 * threadsPerCore);
    }

    public int coreOf(int hw) {
        return hw / threadsPerCore;
    }

    /**
     * The hardware threads a run on {@code n} CPUs uses: whole cores with all their SMT threads, filling
     * one L3 domain before the next, as the AppArmor thread's "8C16T = 1 cache domain" configurations.
     */
    public int[] place(int n) {
        if (n < 1 || n > hardwareThreads()) {
            throw new IllegalArgumentException("topology " + name + " has " + hardwareThreads()
                    + " hardware threads, asked for " + n);
        }
        int[] hw = new int[n];
        for (int i = 0; i < n; i++) {
            hw[i] = i;
        }
        return hw;
    }

    /** L3 domains touched by a run on {@code n} CPUs placed by {@link #place(int)}. */
    public int l3DomainsUsed(int n) {
        return l3Of(n - 1) + 1;
    }

    /** ns to hand a Modified line from hardware thread {@code from} to {@code to}; 0 when they are the same. */
    public double handoffNs(int from, int to) {
        if (from == to) {
            return 0;
        }
        if (coreOf(from) == coreOf(to)) {
            return costs.smtSibling().value();
        }
        if (l3Of(from) == l3Of(to)) {
            return costs.sameL3().value();
        }
        if (socketOf(from) == socketOf(to)) {
            // the line's home is socket 0: cross-L3 traffic inside another socket goes through it
            return socketOf(from) == 0 ? costs.otherL3().value() : costs.homeNodeCross().value();
        }
        return costs.otherSocket().value();
    }
}
