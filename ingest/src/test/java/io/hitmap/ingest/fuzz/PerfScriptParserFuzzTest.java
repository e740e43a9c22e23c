// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.script.PerfScriptParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** As {@link C2cParserFuzzTest}, for perf script text (seeds: PerfScriptParserFuzzTestInputs/parse). */
class PerfScriptParserFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        for (boolean lenient : new boolean[] {false, true}) {
            try {
                PerfScriptParser.parse("fuzz.txt", new BufferedReader(new StringReader(text)), lenient, s -> { });
            } catch (PerfParseException e) {
                FuzzChecks.oneLine(e);
            }
        }
    }
}
