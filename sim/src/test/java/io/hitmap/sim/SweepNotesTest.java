// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepNotesTest {
    @Test
    void saysWhichNumbersWereGivenDerivedOrCalibrated() throws Exception {
        Scenario given = ScenarioJson.load("lookup-lock-vs-rcu").withCpus(List.of(8, 48));
        Scenario resolved = Simulator.resolve(given);
        List<String> notes = SweepNotes.of(given, resolved, Simulator.sweep(resolved, Strategies.parse("spinlock")));
        assertTrue(notes.get(0).startsWith("machine: epyc-9654-1s, AMD EPYC 9654"), notes.get(0));
        assertEquals("private work: 2000 ns per operation (given by the scenario)", notes.get(1));
        assertEquals("background: 0.0 transfers per operation (given by the scenario)", notes.get(2));

        Scenario nginx = ScenarioJson.load("nginx-apparmor").withCpus(List.of(16));
        Scenario fitted = nginx.resolved(50_000, 120.0);
        List<String> n2 = SweepNotes.of(nginx, fitted, List.of());
        assertTrue(n2.get(1).startsWith("private work: 50000 ns per operation, derived so that the hooks take 12.78 % "
                + "under kref at 192 CPUs"), n2.get(1));
        assertTrue(n2.get(2).startsWith("background: 120.0 transfers per operation, calibrated so that off at 192 CPUs "
                + "is 85 % efficient, the one calibration point"), n2.get(2));
    }
}
