// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.c2c.C2cReportParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Any text given to the c2c parser ends in a capture or in its defined error, strict or lenient:
 * never another exception, a hang or running out of memory. Seeds: real captures from
 * sample-traces (resources C2cParserFuzzTestInputs/parse). Crashers Jazzer finds are saved there
 * too and replayed by every test run.
 */
class C2cParserFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        for (boolean lenient : new boolean[] {false, true}) {
            try {
                C2cReportParser.parse("fuzz.txt", new BufferedReader(new StringReader(text)), lenient);
            } catch (PerfParseException e) {
                FuzzChecks.oneLine(e);
            }
        }
    }
}
