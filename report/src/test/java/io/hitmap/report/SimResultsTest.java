// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hitmap.ingest.PerfParseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hitmap sim --format json} output -> rows; anything else -> one message with its line. */
class SimResultsTest {
    // two rows as 'hitmap sim --scenario nginx-apparmor --strategies all --cpus 16,32,48,96,192 --format json' prints them
    static final String TWO_ROWS = """
            [
              {
                "strategy": "kref",
                "cpus": 16,
                "l3_domains": 1,
                "mops": 0.248,
                "eff": 100.0,
                "mva_eff": 100.0,
                "disagree": 0.0,
                "lcl_hitm_per_op": 1.0,
                "rmt_hitm_per_op": 0.0,
                "cas_retries": 0.0,
                "hook_pct": 0.08,
                "bytes_per_object": 4,
                "memory_bytes": 4000
              },
              {
                "strategy": "percpu-ref",
                "cpus": 192,
                "l3_domains": 12,
                "mops": 2.533,
                "eff": 85.1,
                "mva_eff": 84.4,
                "disagree": 0.7,
                "lcl_hitm_per_op": 0.0,
                "rmt_hitm_per_op": 0.0,
                "cas_retries": 0.0,
                "hook_pct": 0.07,
                "bytes_per_object": 1608,
                "memory_bytes": 1608000,
                "note": {"added": ["by", "a", "newer", "sim"]}
              }
            ]
            """;
    private static final String HINT = "the file should be the output of "
            + "'hitmap sim --scenario NAME --strategies all --cpus 16,32,48,96,192 --format json'";

    @TempDir
    Path tmp;

    private Path write(String text) throws Exception {
        return Files.writeString(tmp.resolve("sim.json"), text, StandardCharsets.UTF_8);
    }

    @Test
    void readsTheRowsAndSkipsFieldsItDoesNotDraw() throws Exception {
        SimResults r = SimResults.read(write(TWO_ROWS));
        assertEquals(List.of(
                new SimResults.Row("kref", 16, 1, 0.248, 100.0, 1.0, 0.0, 0.0, 4, 4000),
                new SimResults.Row("percpu-ref", 192, 12, 2.533, 85.1, 0.0, 0.0, 0.0, 1608, 1608000)), r.rows());
    }

    static List<Arguments> broken() {
        return List.of(
                Arguments.of("", "sim.json:1: expected a JSON array of sim rows, found an empty file"),
                Arguments.of("{\"strategy\": \"kref\"}\n", "sim.json:1: expected a JSON array of sim rows, found \"{\""),
                Arguments.of("[]\n", "sim.json:1: expected at least one sim row, found an empty array"),
                Arguments.of("[\n  1\n]\n", "sim.json:2: expected an object for each row, found \"1\""),
                Arguments.of(TWO_ROWS.replace("\"eff\": 85.1", "\"eff\": \"85.1\""),
                        "sim.json:22: expected a number for \"eff\", found \"85.1\""),
                Arguments.of(TWO_ROWS.replace("    \"memory_bytes\": 4000\n", "    \"memory\": 4000\n"),
                        "sim.json:2: expected field \"memory_bytes\" in the row, found none"),
                Arguments.of(TWO_ROWS + "[]\n", "sim.json:34: expected the end of the file after the array, found \"[\""),
                Arguments.of("kref 16 1 0.248\n", "sim.json:1: expected JSON, found Unrecognized token 'kref': was expecting "
                        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void rejectsAnythingButAnArrayOfRowsWithItsLine(String text, String message) throws Exception {
        Path f = write(text);
        PerfParseException e = assertThrows(PerfParseException.class, () -> SimResults.read(f));
        assertEquals(message, e.getMessage().replace(tmp + "/", ""));
        assertEquals(HINT, e.hint());
    }

    @Test
    void aRowCutShortIsAnErrorAtTheEnd() throws Exception {
        Path f = write("[\n  {\"strategy\": \"kref\", \"cpus\": 16\n");
        PerfParseException e = assertThrows(PerfParseException.class, () -> SimResults.read(f));
        assertEquals(3, e.lineNo(), e.getMessage());
    }
}
