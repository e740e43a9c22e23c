// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code hitmap folded} output fed to real flame-graph tools: Brendan Gregg's flamegraph.pl and
 * speedscope's importer (tools/flamegraph-check: pinned versions, fetched from Debian and npm by its
 * setup.sh, which this test runs). The check fails unless both tools accept every line and draw
 * the same call tree with the same sample totals as the folded file holds.
 */
class FoldedFlameGraphToolTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final Path TOOL = TRACES.toAbsolutePath().getParent().resolve("tools/flamegraph-check");

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUpTools() throws Exception {
        Result setup = bash(TOOL.resolve("setup.sh").toString());
        assertEquals(0, setup.code(), "tools/flamegraph-check/setup.sh (needs npm, and apt-get for the Debian "
                + "package; .ci/run runs it first): " + setup.output());
        // the check itself can fail: its bad inputs must be refused
        Result self = bash(TOOL.resolve("selftest.sh").toString());
        assertEquals(0, self.code(), self.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"refbench-shared.perf-script.txt", "java-version.perf-script.txt",
        "webcontent-callchain.perf-script.txt"})
    void realFlameGraphToolsAcceptTheFoldedStacks(String capture) throws Exception {
        CliEndToEndTest.Run r = run("folded", TRACES.resolve(capture).toString());
        assertEquals(0, r.code(), r.err());
        Path folded = Files.writeString(tmp.resolve(capture + ".folded"), r.out(), StandardCharsets.UTF_8);
        Result check = bash(TOOL.resolve("check.sh").toString(), folded.toString());
        assertEquals(0, check.code(), check.output());
        assertTrue(check.output().contains("flamegraph.pl") || check.output().contains("speedscope"), check.output());
    }

    record Result(int code, String output) {
    }

    private static Result bash(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + out);
        }
        return new Result(p.exitValue(), out);
    }
}
