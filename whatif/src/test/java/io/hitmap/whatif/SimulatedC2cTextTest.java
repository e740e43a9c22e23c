// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hitmap.ingest.c2c.C2cReportParser;
import io.hitmap.sim.Prediction;
import io.hitmap.sim.Scenario;
import io.hitmap.sim.ScenarioJson;
import io.hitmap.sim.Simulator;
import io.hitmap.sim.SiteStats;
import io.hitmap.sim.Strategies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedC2cTextTest {
    @Test
    void theC2cParserReadsBackTheSimulatedCountsOfEveryLine(@TempDir Path dir) throws Exception {
        Scenario s = Simulator.resolve(ScenarioJson.load("zswap-memcg-lru").withCpus(List.of(8, 32)));
        Prediction p = Simulator.sweep(s, Strategies.parse("kref")).get(1);
        long local = 0;
        long remote = 0;
        for (SiteStats site : p.sites()) {
            local += site.localHitm();
            remote += site.remoteHitm();
        }
        Path file = dir.resolve("sim.c2c.txt");
        Files.writeString(file, SimulatedC2cText.write(p, List.of("test")));
        var capture = C2cReportParser.parse(file, true);
        assertEquals(2, capture.lines().size(), "the memcg refcount line and the list_lru lock line both HITM");
        assertEquals(local, capture.lines().stream().mapToLong(l -> l.lclHitm()).sum());
        assertEquals(remote, capture.lines().stream().mapToLong(l -> l.rmtHitm()).sum());
    }
}
