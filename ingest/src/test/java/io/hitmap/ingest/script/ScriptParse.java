// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import io.hitmap.ingest.PerfParseException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A parse kept whole in memory, for tests: the summary and every sample. */
record ScriptParse(ScriptSummary summary, List<ScriptSample> samples) {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));

    static ScriptParse of(Path file, boolean lenient) throws Exception {
        List<ScriptSample> samples = new ArrayList<>();
        ScriptSummary s = PerfScriptParser.parse(file, lenient, samples::add);
        return new ScriptParse(s, samples);
    }

    static ScriptParse of(String text, boolean lenient) throws Exception {
        List<ScriptSample> samples = new ArrayList<>();
        ScriptSummary s = PerfScriptParser.parse("inline.txt", new BufferedReader(new StringReader(text)), lenient,
                samples::add);
        return new ScriptParse(s, samples);
    }

    /** The message of the strict parse's error, or a failure when it parses. */
    static String error(String text) throws Exception {
        try {
            of(text, false);
        } catch (PerfParseException e) {
            return e.getMessage();
        }
        throw new AssertionError("parsed without error: " + text);
    }

    static ScriptSample sample(Path file, long sampleNo) throws Exception {
        return of(file, false).samples().get((int) sampleNo);
    }
}
