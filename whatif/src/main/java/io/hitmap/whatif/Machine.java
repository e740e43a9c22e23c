// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.sim.Topology;
import java.util.Set;

/** The machine a replay runs on: a topology and how many of its hardware threads the workload used. */
public record Machine(Topology topology, int cpus) {

    public Machine {
        if (cpus < 1 || cpus > topology.hardwareThreads()) {
            throw new IllegalArgumentException("topology " + topology.name() + " has " + topology.hardwareThreads()
                    + " hardware threads, asked for " + cpus);
        }
    }

    /**
     * Without {@code --cpus}: every hardware thread of as many sockets as the capture's accessors name NUMA
     * nodes (a node taken for a socket); all of them when the capture prints no nodes.
     */
    public static Machine forCapture(Topology t, Set<Integer> nodes) {
        int perSocket = t.hardwareThreads() / t.sockets();
        int sockets = nodes.isEmpty() ? t.sockets() : Math.min(nodes.size(), t.sockets());
        return new Machine(t, sockets * perSocket);
    }

    /** The slowest handoff of the machine: what a contended access costs at most. */
    public double slowestHandoffNs() {
        var c = topology.costs();
        return Math.max(Math.max(c.otherSocket().value(), c.homeNodeCross().value()),
                Math.max(c.otherL3().value(), c.sameL3().value()));
    }
}
