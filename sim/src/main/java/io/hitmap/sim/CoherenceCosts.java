// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * What moving a Modified line to another hardware thread costs, by distance, plus a locked RMW on a line
 * the thread already owns (t_rmw) and a plain per-CPU add (percpu_ref's this_cpu_add). All in ns, each
 * sourced: handoffs are CAS ping-pong round-trip / 2 (sim-anchors.md 1.1).
 *
 * @param homeNodeCross cost of a cross-L3 handoff inside a socket that is not the line's home node
 *                      (AMD's home-node effect: the directory lives on socket 0, sim-anchors.md 1.1 notes)
 */
public record CoherenceCosts(Sourced smtSibling, Sourced sameL3, Sourced otherL3, Sourced otherSocket,
                             Sourced homeNodeCross, Sourced localRmw, Sourced localAdd) {
}
