// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioJsonTest {
    @Test
    void loadsTheNginxPresetWithItsProfileShare() throws Exception {
        Scenario s = ScenarioJson.load("nginx-apparmor");
        assertEquals(0.1278, s.profile().share(), 1e-9);
        assertEquals("off", s.calibration().strategy());
        assertEquals(2, s.hooks().size());
    }

    @Test
    void rejectsAnUnknownFieldWithItsLineNumber() throws Exception {
        String json;
        try (var in = ScenarioJson.class.getResourceAsStream("nginx-apparmor.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"description\"", "\"descripton\"");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioJson.parse(json.getBytes(StandardCharsets.UTF_8), "x.json"));
        assertEquals("x.json:3: Unrecognized field \"descripton\" (class io.hitmap.sim.Scenario), not marked as ignorable",
                e.getMessage());
    }

    @Test
    void everyPresetLoadsAndNamesItsLines() throws Exception {
        for (String name : ScenarioJson.PRESETS) {
            Scenario s = ScenarioJson.load(name);
            assertEquals(name, s.name());
            assertTrue(!s.lines().isEmpty(), name);
        }
        Scenario ovl = ScenarioJson.load("overlayfs-creds");
        Scenario.Hook h = ovl.hooks().get(0);
        assertEquals("override_creds", h.getSymbol());
        assertEquals("revert_creds", h.putSymbol());
        assertEquals("generic_permission", h.reads().get(0).symbol());
        assertEquals(List.of("mem_cgroup css refcnt", "list_lru node lock"), ScenarioJson.load("zswap-memcg-lru").lines());
    }

    @Test
    void theOverlayfsWorkloadPutsGetReadsAndPutOnTheCredLineUnderTheirSymbols() throws Exception {
        Scenario s = ScenarioJson.load("overlayfs-creds").resolved(1000, 0);
        List<String> sites = Workload.steps(s, new Kref()).stream().filter(st -> st.kind().accessesLine())
                .map(st -> st.kind() + " " + st.site()).toList();
        assertEquals(List.of("RMW override_creds", "LOAD generic_permission", "LOAD generic_permission",
                "RMW revert_creds"), sites);
    }
}
