// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the parser against sample-traces/expected/hand-read.tsv: values a person read off each
 * capture by eye (fixture, table, line, row, column, value), never produced by this code.
 */
class C2cHandReadFactsTest {
    record Fact(String fixture, String table, String line, String row, String column, String value) {
    }

    private static final Map<String, Function<C2cLine, Object>> LINE = Map.ofEntries(
            Map.entry("address", C2cLine::address), Map.entry("node", C2cLine::node),
            Map.entry("pa_count", C2cLine::paCount), Map.entry("tot_hitm", C2cLine::totHitm),
            Map.entry("lcl_hitm", C2cLine::lclHitm), Map.entry("rmt_hitm", C2cLine::rmtHitm),
            Map.entry("tot_peer", C2cLine::totPeer), Map.entry("lcl_peer", C2cLine::lclPeer),
            Map.entry("rmt_peer", C2cLine::rmtPeer), Map.entry("total_records", C2cLine::totalRecords),
            Map.entry("loads", C2cLine::loads), Map.entry("stores", C2cLine::stores));
    private static final Map<String, Function<C2cAccess, Object>> ACCESS = Map.ofEntries(
            Map.entry("offset", C2cAccess::offset), Map.entry("pid", C2cAccess::pid), Map.entry("tid", C2cAccess::tid),
            Map.entry("code_address", C2cAccess::codeAddress), Map.entry("rmt_hitm_pct", C2cAccess::rmtHitmPct),
            Map.entry("lcl_hitm_pct", C2cAccess::lclHitmPct), Map.entry("rmt_peer_pct", C2cAccess::rmtPeerPct),
            Map.entry("lcl_peer_pct", C2cAccess::lclPeerPct), Map.entry("store_l1hit_pct", C2cAccess::storeL1HitPct),
            Map.entry("store_l1miss_pct", C2cAccess::storeL1MissPct), Map.entry("store_na_pct", C2cAccess::storeNaPct),
            Map.entry("cycles_rmt", C2cAccess::cyclesRmt), Map.entry("cycles_lcl", C2cAccess::cyclesLcl),
            Map.entry("cycles_load", C2cAccess::cyclesLoad), Map.entry("cpu_count", C2cAccess::cpuCount),
            Map.entry("symbol", C2cAccess::symbol), Map.entry("privilege", C2cAccess::privilege),
            Map.entry("object", C2cAccess::object), Map.entry("source_line", C2cAccess::sourceLine),
            Map.entry("nodes", C2cAccess::nodes), Map.entry("total_records", C2cAccess::totalRecords));

    static Stream<String> fixtures() throws Exception {
        return facts().stream().map(Fact::fixture).distinct().sorted();
    }

    static List<Fact> facts() throws Exception {
        List<String> rows = Files.readAllLines(C2cSampleTracesTest.TRACES.resolve("expected/hand-read.tsv"));
        return rows.stream().skip(1).filter(r -> !r.isBlank()).map(r -> r.split("\t", -1))
                .map(c -> new Fact(c[0], c[1], c[2], c[3], c[4], c[5])).toList();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void parsedValuesMatchWhatWasReadByEye(String fixture) throws Exception {
        C2cCapture c = C2cReportParser.parse(C2cSampleTracesTest.TRACES.resolve(fixture), false);
        List<Fact> mine = facts().stream().filter(f -> f.fixture().equals(fixture)).toList();
        List<String> wrong = new ArrayList<>();
        for (Fact f : mine) {
            Object got = actual(c, f);
            if (!same(f.value(), got)) {
                wrong.add(f.table() + " line " + f.line() + " row " + f.row() + " " + f.column()
                        + ": expected " + f.value() + ", parsed " + got);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + mine.size() + " facts differ:\n" + String.join("\n", wrong));
    }

    private static Object actual(C2cCapture c, Fact f) {
        switch (f.table()) {
            case "counts":
                List<C2cAccess> acc = f.line().equals("-") ? c.accesses()
                        : c.accesses().stream().filter(a -> a.lineIndex() == Integer.parseInt(f.line())).toList();
                return f.column().equals("lines") ? c.lines().size() : acc.size();
            case "c2c_lines":
                return c.lines().stream().filter(l -> l.lineIndex() == Integer.parseInt(f.line())).findFirst()
                        .map(l -> LINE.getOrDefault(f.column(), x -> "<unknown column>").apply(l)).orElse("<no line>");
            case "c2c_accesses":
                return c.accesses().stream().filter(a -> a.lineIndex() == Integer.parseInt(f.line())
                                && a.rowInLine() == Integer.parseInt(f.row())).findFirst()
                        .map(a -> ACCESS.getOrDefault(f.column(), x -> "<unknown column>").apply(a)).orElse("<no row>");
            case "c2c_summary":
                return c.summary().stream().filter(e -> e.key().equals(f.column())).findFirst()
                        .map(e -> e.valueNum() != null ? e.valueNum() : e.value()).orElse("<no entry>");
            default:
                return "<unknown table " + f.table() + ">";
        }
    }

    private static boolean same(String expected, Object got) {
        if (got instanceof Number n) {
            String e = expected.endsWith("%") ? expected.substring(0, expected.length() - 1) : expected;
            double want = e.startsWith("0x") ? Long.parseUnsignedLong(e.substring(2), 16) : parse(e);
            return Math.abs(want - n.doubleValue()) < 1e-9;
        }
        String g = Objects.toString(got, "");
        return expected.strip().replaceAll("\\s+", " ").equals(g.strip().replaceAll("\\s+", " "))
                || expected.toLowerCase(Locale.ROOT).equals(g.toLowerCase(Locale.ROOT)) && expected.startsWith("0x");
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static Map<String, Long> factsPerFixture() throws Exception {
        return facts().stream().collect(Collectors.groupingBy(Fact::fixture, Collectors.counting()));
    }
}
