// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.ResultTable;
import io.hitmap.sim.HeaderTopology;
import io.hitmap.sim.Topology;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code perf report --header -I} block of a profile in a {@link HitmapDb} (table {@code machine_header},
 * one row per header line) -> the header's lines again -> {@link HeaderTopology}, the one reader of a
 * machine's shape from its header.
 */
public final class StoredHeaderTopology {
    private StoredHeaderTopology() {
    }

    /** The topology, or IllegalArgumentException naming the file and what the header lacks. */
    public static Topology read(HitmapDb db, int profileId, String file) throws SQLException {
        ResultTable rows = db.query("SELECT key, value FROM machine_header WHERE capture_id = " + profileId
                + " ORDER BY source_line_no");
        if (rows.rows().isEmpty()) {
            throw new IllegalArgumentException(file + ": expected the CPU topology of 'perf report --header -I', "
                    + "found no header");
        }
        List<String> lines = new ArrayList<>();
        for (List<Object> r : rows.rows()) {
            lines.add("# " + r.get(0) + (r.get(1) == null ? "" : " : " + r.get(1)));
        }
        try {
            return HeaderTopology.parse(lines);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
