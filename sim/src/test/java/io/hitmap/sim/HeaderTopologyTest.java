// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderTopologyTest {
    private static List<String> lines(String sample) throws Exception {
        return Files.readAllLines(Path.of(System.getProperty("sample.traces"), sample));
    }

    @Test
    void readsTheRecordingMachinesShapeFromAHeaderTakenWithDashI() throws Exception {
        // '# sibling sockets : 0-1' once, '# sibling threads : 0' and ': 1', '#  L3 Unified 32768K [0-1]',
        // '# cpudesc : AMD EPYC'
        Topology t = HeaderTopology.parse(lines("webref-header-I.perf-report.txt"));
        assertEquals(1, t.sockets());
        assertEquals(1, t.l3PerSocket());
        assertEquals(2, t.coresPerL3());
        assertEquals(1, t.threadsPerCore());
        assertEquals(Topologies.byName("epyc-9654-1s").costs(), t.costs());
        assertTrue(t.description().startsWith("AMD EPYC: 1 socket(s)"), t.description());
    }

    @Test
    void aTwoSocketSmtMachineWithFourL3s() {
        List<String> header = List.of("# cpudesc : Intel(R) Xeon(R) Platinum 8358 CPU @ 2.60GHz",
                "# sibling sockets : 0-7,16-23", "# sibling sockets : 8-15,24-31",
                "# sibling threads : 0,16", "# sibling threads : 1,17",
                "# CPU cache info:", "#  L3 Unified 24576K [0-3,16-19]", "#  L3 Unified 24576K [4-7,20-23]",
                "#  L3 Unified 24576K [8-11,24-27]", "#  L3 Unified 24576K [12-15,28-31]",
                "#  L3 Unified 24576K [0-3,16-19]");
        Topology t = HeaderTopology.parse(header);
        assertEquals(2, t.sockets());
        assertEquals(2, t.l3PerSocket());
        assertEquals(4, t.coresPerL3());
        assertEquals(2, t.threadsPerCore());
        assertEquals(32, t.hardwareThreads());
        assertEquals(Topologies.byName("icelake-8358-2s").costs(), t.costs());
    }

    @Test
    void aHeaderWithoutDashISaysHowToGetTheTopology() throws Exception {
        // refbench-shared.with-header.txt says 'CPU_TOPOLOGY info available, use -I to display'
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeaderTopology.parse(lines("refbench-shared.with-header.txt")));
        assertEquals("expected the CPU topology of 'perf report --header -I' ('# sibling sockets' lines), found a "
                + "header without it", e.getMessage());
    }
}
