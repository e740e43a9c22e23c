// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A c2c capture of a store, as a what-if reads it: its path, metric, lines in the capture's order, and
 * the NUMA nodes its accessors ran on.
 */
public record Capture(int captureId, String path, String metric, List<CapturedLine> lines) {

    public Capture {
        lines = List.copyOf(lines);
    }

    /** The distinct node numbers printed in the accessors' Node cells (cpu lists of -NN dropped). */
    public Set<Integer> nodes() {
        Set<Integer> out = new TreeSet<>();
        for (CapturedLine l : lines) {
            for (CapturedAccessor a : l.accessors()) {
                String cell = a.row().nodes();
                if (cell == null) {
                    continue;
                }
                for (String tok : cell.replaceAll("\\{[^}]*}", " ").trim().split("\\s+")) {
                    if (tok.matches("\\d{1,4}")) {
                        out.add(Integer.parseInt(tok));
                    }
                }
            }
        }
        return out;
    }

    public CapturedLine line(int index) {
        return lines.stream().filter(l -> l.index() == index).findFirst().orElse(null);
    }
}
