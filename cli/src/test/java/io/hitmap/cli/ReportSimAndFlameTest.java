// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hitmap report --sim SIM.json} and the flame graph of a perf script, end to end. */
class ReportSimAndFlameTest {
    private static final Path TRACES = ReportCommandTest.TRACES;
    // eg, "    "eff": 100.0," in the output of 'hitmap sim --format json'
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (\"[^\"]*\"|[^,\\n]+)");
    private static final List<String> DRAWN = List.of("strategy", "cpus", "l3_domains", "mops", "eff", "lcl_hitm_per_op",
            "rmt_hitm_per_op", "cas_retries", "bytes_per_object", "memory_bytes");

    @TempDir
    Path tmp;

    /** Each row of sim JSON as its fields' text, read with a regex rather than the code under test. */
    private static List<Map<String, String>> rows(String json) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String object : json.split("\\}")) {
            Map<String, String> row = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(object);
            while (m.find()) {
                row.put(m.group(1), m.group(2));
            }
            if (!row.isEmpty()) {
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void simAloneDrawsEveryRowOfTheSimulator() throws IOException {
        CliEndToEndTest.Run sim = run("sim", "--scenario", "nginx-apparmor", "--strategies", "kref,percpu-ref", "--cpus", "16,48",
                "--format", "json");
        assertEquals(0, sim.code(), sim.err());
        Path json = Files.writeString(tmp.resolve("sim.json"), sim.out(), StandardCharsets.UTF_8);
        Path out = tmp.resolve("sim.html");
        CliEndToEndTest.Run r = run("report", "--sim", json.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(html.contains("<title>hitmap: sim.json</title>"), html.substring(0, 600));
        List<Map<String, String>> rows = rows(sim.out());
        assertEquals(4, rows.size(), "2 strategies x 2 CPU counts");
        for (Map<String, String> row : rows) {
            List<String> drawn = new ArrayList<>();
            DRAWN.forEach(f -> drawn.add(row.get(f)));
            assertTrue(html.contains("[" + String.join(",", drawn) + "]"), "row " + drawn + " in " + html.substring(html.indexOf("\"sim\":")));
        }
    }

    @Test
    void simBesideACaptureAddsItsCurvesToTheCapturesReport() throws IOException {
        Path json = Files.writeString(tmp.resolve("sim.json"), """
                [{"strategy": "kref", "cpus": 16, "l3_domains": 1, "mops": 0.248, "eff": 100.0, "lcl_hitm_per_op": 1.0,
                  "rmt_hitm_per_op": 0.0, "cas_retries": 0.0, "bytes_per_object": 4, "memory_bytes": 4000}]
                """, StandardCharsets.UTF_8);
        Path out = tmp.resolve("r.html");
        CliEndToEndTest.Run r = run("report", TRACES.resolve("overlayfs-creds-before.c2c.txt").toString(), "--sim", json.toString(),
                "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(html.contains("\"rows\":[[\"kref\",16,1,0.248,100.0,1.0,0.0,0.0,4,4000]]"), html);
        assertTrue(html.contains("generic_permission"));
    }

    @Test
    void aFileThatIsNotSimOutputIsOneLineAndExitThree() throws IOException {
        Path json = Files.writeString(tmp.resolve("top.json"), "{\"capture_id\": 1, \"lines\": []}\n", StandardCharsets.UTF_8);
        CliEndToEndTest.Run r = run("report", "--sim", json.toString(), "-o", tmp.resolve("x.html").toString());
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + json + ":1: expected a JSON array of sim rows, found \"{\"\n"
                + "hitmap: hint: the file should be the output of "
                + "'hitmap sim --scenario NAME --strategies all --cpus 16,32,48,96,192 --format json'\n", r.err());
        assertTrue(Files.notExists(tmp.resolve("x.html")));
    }

    @Test
    void aMissingSimFileIsBadInput() {
        Path missing = tmp.resolve("none.json");
        CliEndToEndTest.Run r = run("report", "--sim", missing.toString(), "-o", tmp.resolve("x.html").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().startsWith("hitmap: error: " + missing + ": no such file\n"), r.err());
    }

    @Test
    void aDirectoryGivenAsSimIsBadInput() {
        CliEndToEndTest.Run r = run("report", "--sim", tmp.toString(), "-o", tmp.resolve("x.html").toString());
        assertEquals(3, r.code());
        assertEquals("hitmap: error: " + tmp + ": is a directory\n"
                + "hitmap: hint: give the file 'hitmap sim ... --format json' wrote\n", r.err());
    }

    @Test
    void withoutCapturesOrSimTheReportAsksForInput() {
        CliEndToEndTest.Run r = run("report", "-o", tmp.resolve("x.html").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing input: give FILE... or --store S"), r.err());
    }

    @Test
    void aPerfScriptGetsAFlameGraphOfItsSamples() throws IOException {
        Path script = TRACES.resolve("webcontent-callchain.perf-script.txt");
        long headers = Files.readAllLines(script).stream().filter(l -> l.endsWith(" cpu-clock: ")).count();
        Path out = tmp.resolve("flame.html");
        CliEndToEndTest.Run r = run("report", script.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(html.contains("\"flame\":[{\"capture\":1,\"path\":\"" + script + "\",\"event\":\"cpu-clock\",\"samples\":" + headers + ","),
                html.substring(html.indexOf("\"flame\":"), html.indexOf("\"flame\":") + 300));
        assertTrue(html.contains("<title>hitmap: webcontent-callchain.perf-script.txt</title>"));
    }
}
