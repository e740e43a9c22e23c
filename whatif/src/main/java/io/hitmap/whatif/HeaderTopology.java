// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.ResultTable;
import io.hitmap.sim.Topologies;
import io.hitmap.sim.Topology;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code perf report --header -I} block of a profile in a {@link HitmapDb} (tables {@code machine} and
 * {@code machine_header}) -> a {@link Topology} of that shape ({@link Topologies#forMachine}): sockets, cores
 * and SMT threads from the sibling lists, L3 domains from the distinct {@code L3 ... [cpus]} cache lines
 * (one per socket when the header has no cache block).
 */
public final class HeaderTopology {
    private HeaderTopology() {
    }

    /** The topology, or IllegalArgumentException naming what the header lacks. */
    public static Topology read(HitmapDb db, int profileId, String file) throws SQLException {
        ResultTable m = db.query("SELECT cpu_description, sockets, cores, threads_per_core FROM machine WHERE capture_id = "
                + profileId);
        List<Object> row = m.rows().isEmpty() ? null : m.rows().get(0);
        if (row == null || row.get(1) == null || row.get(2) == null || row.get(3) == null) {
            throw new IllegalArgumentException(file + ": expected the CPU topology of 'perf report --header -I' "
                    + "(# sibling sockets, # sibling threads), found " + (row == null ? "no header" : "none"));
        }
        int sockets = ((Long) row.get(1)).intValue();
        int cores = ((Long) row.get(2)).intValue();
        int threads = ((Long) row.get(3)).intValue();
        ResultTable l3 = db.query("SELECT count(DISTINCT regexp_extract(key, '\\[(.*)\\]', 1)) FROM machine_header "
                + "WHERE capture_id = " + profileId + " AND key LIKE 'L3 %'");
        long domains = (Long) l3.rows().get(0).get(0);
        int perSocket = domains >= sockets && domains % sockets == 0 ? (int) (domains / sockets) : 1;
        int coresPerL3 = Math.max(1, cores / (sockets * perSocket));
        return Topologies.forMachine((String) row.get(0), sockets, perSocket, coresPerL3, threads);
    }
}
