// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real c2c capture in sample-traces parses, and agrees with the totals it prints. */
class C2cSampleTracesTest {
    static final Path TRACES = C2cReportParserTest.TRACES;

    static Stream<Path> allSeedTraces() throws IOException {
        try (Stream<Path> s = Files.list(TRACES)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".c2c.txt")).sorted().toList();
            assertFalse(files.isEmpty(), "no c2c captures under " + TRACES);
            return files.stream();
        }
    }

    static C2cCapture parse(Path p) throws Exception {
        return C2cReportParser.parse(p, false);
    }

    @ParameterizedTest
    @MethodSource("allSeedTraces")
    void parsesStrictly(Path p) throws Exception {
        C2cCapture c = parse(p);
        assertTrue(!c.lines().isEmpty() || !c.summary().isEmpty(), "no data from " + p.getFileName());
    }

    @ParameterizedTest
    @MethodSource("allSeedTraces")
    void accountsForEveryInputLine(Path p) throws Exception {
        C2cCapture c = parse(p);
        assertEquals(Files.readAllLines(p).size(), c.linesRead());
        assertEquals(c.linesRead(), c.linesUsed() + c.linesStructural() + c.linesSkipped());
    }

    @ParameterizedTest
    @MethodSource("allSeedTraces")
    void everyAccessorBelongsToAParsedLine(Path p) throws Exception {
        C2cCapture c = parse(p);
        var indexes = c.lines().stream().map(C2cLine::lineIndex).collect(Collectors.toSet());
        for (C2cAccess a : c.accesses()) {
            assertTrue(indexes.contains(a.lineIndex()), "accessor on line " + a.lineIndex() + " has no line");
        }
    }

    /** Every check of C2cConsistency passes on perf's own output: the parse agrees with its totals. */
    @ParameterizedTest
    @MethodSource("allSeedTraces")
    void agreesWithEveryTotalTheCapturePrints(Path p) throws Exception {
        assertEquals(List.of(), parse(p).warnings());
    }

    /** perf-formats 1.2: Load LLC Misses = Local DRAM + Remote DRAM + Remote HITM + Remote HIT. */
    @ParameterizedTest
    @MethodSource("allSeedTraces")
    void llcMissesAddUpInTraceEventInformation(Path p) throws Exception {
        Map<String, Double> s = stats(parse(p));
        if (s.containsKey("Load LLC Misses") && s.containsKey("Load Remote HIT")) {
            assertEquals(s.get("Load LLC Misses"), s.get("Load Local DRAM") + s.get("Load Remote DRAM")
                    + s.get("Load Remote HITM") + s.get("Load Remote HIT"), 0.0);
        }
    }

    /** The table lists at most the shared lines, and its HITMs cannot exceed the trace's HITMs. */
    @ParameterizedTest
    @MethodSource("allSeedTraces")
    void tableAgreesWithGlobalTotals(Path p) throws Exception {
        C2cCapture c = parse(p);
        Map<String, Double> s = stats(c);
        List<C2cLine> table = c.lines().stream().filter(l -> l.source().equals("table")).toList();
        Optional.ofNullable(s.get("Total Shared Cache Lines"))
                .ifPresent(total -> assertTrue(table.size() <= total, table.size() + " lines > " + total));
        if (s.containsKey("Load Local HITM") && s.containsKey("Load Remote HITM") && !table.isEmpty()) {
            long lcl = table.stream().mapToLong(l -> l.lclHitm() == null ? 0 : l.lclHitm()).sum();
            long rmt = table.stream().mapToLong(l -> l.rmtHitm() == null ? 0 : l.rmtHitm()).sum();
            assertTrue(lcl <= s.get("Load Local HITM"), lcl + " local HITMs in the table");
            assertTrue(rmt <= s.get("Load Remote HITM"), rmt + " remote HITMs in the table");
        }
    }

    /**
     * Within a line the Pareto shares of each HITM column add up to at most 100% (to perf's
     * rounding); excerpts cut rows, so less is fine, more means columns were mixed up.
     */
    @ParameterizedTest
    @MethodSource("allSeedTraces")
    void paretoSharesAddUpPerLine(Path p) throws Exception {
        C2cCapture c = parse(p);
        Map<Integer, List<C2cAccess>> byLine = c.accesses().stream().collect(Collectors.groupingBy(C2cAccess::lineIndex));
        for (C2cLine l : c.lines()) {
            List<C2cAccess> rows = byLine.getOrDefault(l.lineIndex(), List.of());
            if (rows.isEmpty() || l.rmtHitm() == null || l.rmtHitm() == 0) {
                continue;
            }
            double sum = rows.stream().mapToDouble(a -> a.rmtHitmPct() == null ? 0 : a.rmtHitmPct()).sum();
            assertTrue(sum <= 100.0 + 0.01 * rows.size() + 0.05, "remote HITM shares of line " + l.lineIndex() + ": " + sum);
        }
    }

    private static Map<String, Double> stats(C2cCapture c) {
        return c.summary().stream().filter(e -> e.valueNum() != null)
                .collect(Collectors.toMap(C2cSummaryEntry::key, C2cSummaryEntry::valueNum, (a, b) -> a));
    }

    /** The layout and perf version each source states or dates (sample-traces/README.md). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            false_sharing-2016-prelim-intel-NN.c2c.txt              | table-4.10           | >=4.10 <4.17 | hitm
            will-it-scale-signal-5.x-intel-NN-pid-callgraph.head.c2c.txt | table-4.17      | >=4.17 <5.11 | hitm
            sleep-sort-bug-5.5-quoted.c2c.txt                       | table-4.17+quoted    | >=4.17 <5.11 | hitm
            will-it-scale-mmap-5.13-intel-new.c2c.txt               | table-5.11           | >=5.11 <5.19 | hitm
            false_sharing-6.0-x86-tot.c2c.txt                       | table-5.19           | >=6.0        | hitm
            perfgo-false-sharing-6.x-amd-ibs.c2c.txt                | table-5.19           | >=6.0        | hitm
            memstress-6.0-spe-peer-N.c2c.txt                        | table-5.19           | >=6.0        | peer
            sunflow-spe-peer-neoverse-v2.c2c.txt                    | table-5.19           | >=6.0        | peer
            overlayfs-creds-before.c2c.txt                          | pareto-only+collapsed | >=5.11      | hitm
            unixbench-i_mmap-spr-baseline-squeezed.c2c.txt          | pareto-only+no-header | >=4.17      | hitm
            pibench-openmp-amd-zen-tui-copy.c2c.txt                 | table-5.11+tui+collapsed | >=5.19   | hitm
            type-pollution-jdk-5.19-intel-stats.c2c.txt             | stats-only           | >=5.19       | hitm
            false_sharing-peer-v3-x86.c2c.txt                       | table-5.19           | 5.18 + unmerged peer patches | hitm
            memstress-peer-v2-spe-N-tid-pid.c2c.txt                 | table-5.19           | 5.18 + unmerged peer patches | peer
            """)
    void namesTheLayoutAndPerfVersion(String file, String variant, String perf, String metric) throws Exception {
        C2cCapture c = parse(TRACES.resolve(file));
        assertEquals(variant, c.formatVariant());
        assertEquals(perf, c.perfVersion());
        assertEquals(metric, c.metric());
    }
}
