// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void printsOneCsvRowPerStrategyAndCpuCount() {
        assertEquals(0, run("sim", "--scenario", "nginx-apparmor", "--strategies", "off,kref", "--cpus", "16,192",
                "--format", "csv"), err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[0].startsWith("strategy,cpus,l3_domains,mops,eff,mva_eff"), lines[0]);
        assertTrue(lines[1].startsWith("off,16,1,"), lines[1]);
        assertTrue(lines[4].startsWith("kref,192,12,"), lines[4]);
    }

    @Test
    void rejectsAnUnknownStrategyAsUsage() {
        assertEquals(2, run("sim", "--strategies", "kref,magic"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("hitmap: error: unknown strategy 'magic'"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsAMissingScenarioFileAsBadInput() {
        assertEquals(3, run("sim", "--scenario", "no-such.json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no scenario 'no-such.json'"));
    }
}
