// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

/**
 * Why a contended line is hot (views/classify.sql, {@code line_classes}): the class with its
 * evidence and confidence, the readers of other fields sharing the line, and what to do about it.
 *
 * @param cls         refcount, lock, true-sharing, false-sharing or unclassified
 * @param secondary   "false-sharing readers" when a refcount/lock/true-sharing line also has them, else null
 * @param confidence  0..1, null when unclassified
 * @param storeShare  stores / (loads + stores), null when the capture has neither counts nor store columns
 * @param remoteShare remote / (remote + local) HITM (or peer)
 * @param maxCpus     the most CPUs one accessor ran on (perf's cpu count), null when not printed
 * @param nodes       the NUMA nodes of the accessors, distinct
 * @param simCommand  the {@code hitmap sim} command that models the remedy's choices, or null
 */
public record LineVerdict(String cls, String secondary, Double confidence, String evidence, String victims,
                          Double storeShare, Double remoteShare, Long maxCpus, String nodes, String remedy,
                          String simCommand) {
    /** No verdict: every field null, for writers that put a line's verdict in columns either way. */
    public static final LineVerdict NONE = new LineVerdict(null, null, null, null, null, null, null, null, null, null, null);

    /** {@code v}, or {@link #NONE} for null. */
    public static LineVerdict orNone(LineVerdict v) {
        return v == null ? NONE : v;
    }
}
