// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.RankedLine;
import java.util.List;

/**
 * One line of the capture a what-if starts from: its ranked row (counts, class), its store counts and its
 * accessors with their roles.
 */
public record CapturedLine(RankedLine line, Long storeL1Hit, Long storeL1Miss, Long storeNa,
                           List<CapturedAccessor> accessors) {

    public CapturedLine {
        accessors = List.copyOf(accessors);
    }

    public int index() {
        return line.lineIndex();
    }

    /** The class line_classes gave it (refcount, lock, true-sharing, false-sharing, unclassified), or null. */
    public String cls() {
        return line.verdict() == null ? null : line.verdict().cls();
    }

    public long remote() {
        return line.remote() == null ? 0 : line.remote();
    }

    public long local() {
        return line.local() == null ? 0 : line.local();
    }

    public double hitm() {
        return accessors.stream().mapToDouble(CapturedAccessor::hitm).sum();
    }

    /**
     * The writers' share of the line's HITM samples. Every access to a line finds it Modified in another
     * CPU's cache when the access before it was another CPU's write, so every accessor of the line HITMs
     * with this same probability, and its accesses are its HITMs divided by it (WHATIF.md, "rates").
     */
    public double writeShare() {
        double all = hitm();
        double writes = accessors.stream().filter(CapturedAccessor::rmw).mapToDouble(CapturedAccessor::hitm).sum();
        return all > 0 ? writes / all : 0;
    }

    /** A line the simulator can replay: some writer among its accessors has HITM samples. */
    public boolean replayable() {
        return writeShare() > 0;
    }
}
