// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real {@code perf script} capture in sample-traces parses strictly. The expected counts
 * were taken from the files with grep, not from the parser:
 * {@code grep -c -P '^[^\t\s]|^ +\S' F} (headers), {@code grep -c -P '^\t' F} (frame lines),
 * {@code grep -c -P '^$' F} (blank lines), {@code wc -l F}.
 */
class PerfScriptSampleTracesTest {
    static Stream<Path> allScriptTraces() throws IOException {
        try (Stream<Path> s = Files.list(ScriptParse.TRACES)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".perf-script.txt")).sorted().toList();
            assertFalse(files.isEmpty(), "no perf script captures under " + ScriptParse.TRACES);
            return files.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("allScriptTraces")
    void accountsForEveryInputLine(Path p) throws Exception {
        ScriptSummary s = ScriptParse.of(p, false).summary();
        assertEquals(Files.readAllLines(p).size(), s.linesRead());
        assertEquals(s.linesRead(), s.linesUsed() + s.linesStructural() + s.linesSkipped());
        assertEquals(0, s.linesSkipped());
        assertEquals(64, s.sha256().length());
    }

    @ParameterizedTest
    @CsvSource({
        "java-version.perf-script.txt,                                         848,   47,  754, 47, callchain",
        "refbench-shared.perf-script.txt,                                      10972, 2734, 5504, 2734, callchain",
        "webcontent-callchain.perf-script.txt,                                 6036,  1157, 3722, 1157, callchain",
        "webcontent-callchain-F-pid-cpu-period-nosymoff.perf-script.txt,       6036,  1157, 3722, 1157, callchain",
        "webcontent-no-callchain.perf-script.txt,                              1086,  1086, 1086, 0,    no-callchain",
        "webcontent-no-callchain-F-pid-cpu-period-symoff.perf-script.txt,      1086,  1086, 1086, 0,    no-callchain"})
    void countsSamplesFramesAndBlankLinesAsGrepDoes(String name, long lines, long headers, long frames, long blanks,
            String variant) throws Exception {
        ScriptParse parse = ScriptParse.of(ScriptParse.TRACES.resolve(name), false);
        ScriptSummary s = parse.summary();
        assertEquals(lines, s.linesRead());
        assertEquals(headers, s.samples());
        assertEquals(headers, parse.samples().size());
        assertEquals(frames, s.frames());
        assertEquals(frames, parse.samples().stream().mapToLong(x -> x.frames().size()).sum());
        assertEquals(blanks, s.linesStructural());
        assertEquals(variant, s.formatVariant());
    }

    @Test
    void readsTheFirstRefbenchSampleAsPrinted() throws Exception {
        // lines 1-16 of refbench-shared.perf-script.txt
        ScriptSample s = ScriptParse.sample(ScriptParse.TRACES.resolve("refbench-shared.perf-script.txt"), 0);
        assertEquals("refbench", s.comm());
        assertNull(s.pid());
        assertEquals(14931, s.tid());
        assertNull(s.cpu());
        assertEquals(971.966939, s.time());
        assertEquals(500000L, s.period());
        assertEquals("cpu-clock:ppp", s.event());
        assertNull(s.trailing());
        assertEquals(1, s.sourceLineNo());
        assertEquals(15, s.frames().size());
        assertEquals(new ScriptFrame("ffffffff815a114b", "folios_put_refs", 0x6bL, "[kernel.kallsyms]", 2),
                s.frames().get(0));
        assertEquals(new ScriptFrame("1ab78", "_dl_start_user", 0L, "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", 16),
                s.frames().get(14));
    }

    @Test
    void readsACommWithABlankAndUnknownFrames() throws Exception {
        // java-version.perf-script.txt: the first "C2 CompilerThre" sample is on line 748
        ScriptParse parse = ScriptParse.of(ScriptParse.TRACES.resolve("java-version.perf-script.txt"), false);
        ScriptSample c2 = parse.samples().stream().filter(x -> x.comm().equals("C2 CompilerThre")).findFirst().orElseThrow();
        assertEquals(14955, c2.tid());
        assertEquals(974.294319, c2.time());
        assertEquals(1003009L, c2.period());
        assertEquals(748, c2.sourceLineNo());
        Map<String, Long> unknown = new TreeMap<>();
        parse.samples().forEach(x -> x.frames().stream().filter(f -> f.symbol().equals("[unknown]"))
                .forEach(f -> unknown.merge(f.dso(), 1L, Long::sum)));
        // grep -c -P '^\t.* \[unknown\] \(\[unknown\]\)$' and '... (/tmp/perf-14941.map)$'
        assertEquals(Map.of("[unknown]", 15L, "/tmp/perf-14941.map", 31L), unknown);
    }

    @Test
    void readsPidTidCpuAndSymbolsWithoutOffsets() throws Exception {
        // lines 1-2 of webcontent-callchain-F-pid-cpu-period-nosymoff.perf-script.txt
        ScriptSample s = ScriptParse.sample(
                ScriptParse.TRACES.resolve("webcontent-callchain-F-pid-cpu-period-nosymoff.perf-script.txt"), 0);
        assertEquals("webcontent", s.comm());
        assertEquals(6985, s.pid());
        assertEquals(6985, s.tid());
        assertEquals(0, s.cpu());
        assertEquals(6964.369609, s.time());
        assertEquals("cpu-clock", s.event());
        assertEquals(new ScriptFrame("ffffffff821d5e43", "mas_store_prealloc", null, "[kernel.kallsyms]", 2),
                s.frames().get(0));
    }

    @Test
    void readsTheFrameOnAHeaderLineWithoutCallChains() throws Exception {
        // line 7 of webcontent-no-callchain.perf-script.txt: the comm is padded on the left
        ScriptSample s = ScriptParse.sample(ScriptParse.TRACES.resolve("webcontent-no-callchain.perf-script.txt"), 6);
        assertEquals("Web Content", s.comm());
        assertEquals(6995, s.tid());
        assertEquals(0, s.cpu());
        assertEquals(6965.781078, s.time());
        assertEquals(List.of(new ScriptFrame("7f1d428b3997", "arena_get2", 0x1f7L, "/usr/lib/x86_64-linux-gnu/libc.so.6", 7)),
                s.frames());
    }
}
