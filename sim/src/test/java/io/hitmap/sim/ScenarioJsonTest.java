// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
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
}
