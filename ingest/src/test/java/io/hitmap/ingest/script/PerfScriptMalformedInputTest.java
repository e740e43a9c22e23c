// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import static io.hitmap.ingest.script.ScriptParse.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines that break the format stop a strict parse with the line and the reason; --lenient skips their sample. */
class PerfScriptMalformedInputTest {
    static final String GOOD = """
            refbench 14933   971.967746:     500000 cpu-clock:ppp:\s
            \t            122f do_request+0xf (/usr/local/bin/refbench)
            \t           891f5 start_thread+0x305 (/usr/lib/x86_64-linux-gnu/libc.so.6)

            """;

    @Test
    void rejectsAHeaderWithoutTimeOrEvent() throws Exception {
        assertEquals("inline.txt:5: expected a sample header \"<comm> <tid> [<cpu>] <time>: [<period>] <event>:\","
                + " found \"refbench 14933 971.968241 500000 cpu-clock\"", error(GOOD + """
                refbench 14933 971.968241 500000 cpu-clock
                \t            122f do_request+0xf (/usr/local/bin/refbench)
                """));
    }

    @Test
    void rejectsAFrameBeforeAnyHeader() throws Exception {
        assertEquals("inline.txt:1: expected a sample header \"<comm> <tid> [<cpu>] <time>: [<period>] <event>:\""
                + " before its frames, found \"122f do_request+0xf (/usr/local/bin/refbench)\"", error("""
                \t            122f do_request+0xf (/usr/local/bin/refbench)
                """ + GOOD));
    }

    @Test
    void rejectsAFrameCutShort() throws Exception {
        assertEquals("inline.txt:7: expected a frame \"<address> <symbol>+<offset> (<dso>)\" as on line 2,"
                + " found \"891f5 start_thre\"", error(GOOD + """
                refbench 14933   971.968241:     500000 cpu-clock:ppp:\s
                \t            122f do_request+0xf (/usr/local/bin/refbench)
                \t           891f5 start_thre"""));
    }

    @Test
    void rejectsASampleHeaderWithoutFramesAtTheEnd() throws Exception {
        assertEquals("inline.txt:5: expected call-chain frames under the sample header (the samples before it have"
                + " them), found end of file", error(GOOD + "refbench 14933   971.968241:     500000 cpu-clock:ppp: \n"));
    }

    @Test
    void rejectsABadTime() throws Exception {
        assertEquals("inline.txt:5: expected a time in seconds such as \"971.966939:\", found \"971.96.8241:\"",
                error(GOOD + """
                refbench 14933   971.96.8241:     500000 cpu-clock:ppp:
                \t            122f do_request+0xf (/usr/local/bin/refbench)
                """));
    }

    @Test
    void rejectsABadPeriod() throws Exception {
        assertEquals("inline.txt:5: expected a period (a count) after the time, found \"5000x0\"", error(GOOD + """
                refbench 14933   971.968241:     5000x0 cpu-clock:ppp:
                \t            122f do_request+0xf (/usr/local/bin/refbench)
                """));
    }

    @Test
    void rejectsABadThreadId() throws Exception {
        assertEquals("inline.txt:5: expected a thread id or \"<pid>/<tid>\" before the time, found \"14933/x\"",
                error(GOOD + """
                refbench 14933/x   971.968241:     500000 cpu-clock:ppp:
                \t            122f do_request+0xf (/usr/local/bin/refbench)
                """));
    }

    @Test
    void rejectsAHeaderOfAnotherLayout() throws Exception {
        assertEquals("inline.txt:5: expected a sample header \"<comm> <tid> <time>: <period> <event>:\" as on line 1,"
                + " found \"refbench 14933 971.968241: cpu-clock:ppp:\"", error(GOOD + """
                refbench 14933 971.968241: cpu-clock:ppp:
                \t            122f do_request+0xf (/usr/local/bin/refbench)
                """));
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        assertEquals("inline.txt: expected perf script samples (\"<comm> <tid> [<cpu>] <time>: [<period>] <event>:\""
                + " lines), found none", error("\n\n"));
    }

    @Test
    void lenientModeSkipsTheWholeBadSampleAndCountsItsLines() throws Exception {
        ScriptParse p = ScriptParse.of(GOOD + """
                refbench 14933   971.96.8241:     500000 cpu-clock:ppp:
                \t            122f do_request+0xf (/usr/local/bin/refbench)
                \t           891f5 start_thread+0x305 (/usr/lib/x86_64-linux-gnu/libc.so.6)

                \t           891f5 start_thread+0x305 (/usr/lib/x86_64-linux-gnu/libc.so.6)

                """ + GOOD + """
                refbench 14933   971.968241:     500000 cpu-clock:ppp:\s
                """, true);
        ScriptSummary s = p.summary();
        assertEquals(15, s.linesRead());
        assertEquals(6, s.linesUsed()); // two good samples of three lines
        assertEquals(4, s.linesStructural()); // the blank lines 4, 8, 10, 14
        assertEquals(5, s.linesSkipped()); // the bad sample (3 lines), the stray frame, the cut-off last sample
        assertEquals(List.of(5, 6, 7, 9, 15), s.skippedLineNos());
        assertEquals(2, p.samples().size());
        assertEquals(List.of(0L, 1L), p.samples().stream().map(ScriptSample::sampleNo).toList());
        assertEquals(List.of(1, 11), p.samples().stream().map(ScriptSample::sourceLineNo).toList());
        assertEquals(List.of("line 15: expected call-chain frames under the sample header (the samples before it"
                + " have them), found end of file (the capture looks cut off); sample skipped"), s.warnings());
    }
}
