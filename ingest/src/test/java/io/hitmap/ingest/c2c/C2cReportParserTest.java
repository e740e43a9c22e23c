// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hitmap.ingest.PerfParseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class C2cReportParserTest {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));

    static C2cCapture parse(String text) throws IOException, PerfParseException {
        return C2cReportParser.parse("inline.txt", new BufferedReader(new StringReader(text)), false);
    }

    static C2cCapture parseLenient(String text) throws IOException, PerfParseException {
        return C2cReportParser.parse("inline.txt", new BufferedReader(new StringReader(text)), true);
    }

    static String error(String text) {
        return assertThrows(PerfParseException.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsOverlayfsBeforeLineZeroAsPostedToTheList() throws Exception {
        C2cCapture c = C2cReportParser.parse(TRACES.resolve("overlayfs-creds-before.c2c.txt"), false);
        // the block header "0 412 1028" and the 8 rows under it (file lines 7-16)
        C2cLine l0 = c.lines().get(0);
        assertEquals(0, l0.lineIndex());
        assertEquals(412L, l0.rmtHitm());
        assertEquals(1028L, l0.lclHitm());
        assertEquals(1440L, l0.totHitm());
        assertEquals("pareto", l0.source());
        List<C2cAccess> rows = c.accesses().stream().filter(a -> a.lineIndex() == 0).toList();
        assertEquals(8, rows.size());
        C2cAccess first = rows.get(0);
        assertEquals("revert_creds", first.symbol());
        assertEquals("k", first.privilege());
        assertEquals("kernel.vmlinux", first.object());
        assertEquals("atomic64_64.h:39", first.sourceLine());
        assertEquals(41.50, first.rmtHitmPct());
        assertEquals(42.22, first.lclHitmPct());
        assertEquals("0 1", first.nodes());
        // "0.24% 0.00% [k] generic_permission [kernel.vmlinux] namei.c:354 0"
        C2cAccess last = rows.get(7);
        assertEquals("namei.c:354", last.sourceLine());
        assertEquals("0", last.nodes());
        assertEquals(0.0, last.lclHitmPct());
        assertEquals(3, c.lines().size());
        assertEquals(13, c.accesses().size());
        assertEquals("hitm", c.metric());
        // 29 lines: 16 data (3 block headers + 13 rows), 13 header/separator/blank lines
        assertEquals(29, c.linesRead());
        assertEquals(16, c.linesUsed());
        assertEquals(13, c.linesStructural());
        assertEquals(0, c.linesSkipped());
    }

    @Test
    void readsStoreRefsGroupInNoBackingOpsExcerpt() throws Exception {
        C2cCapture c = C2cReportParser.parse(TRACES.resolve("overlayfs-creds-no-backing-ops.c2c.txt"), false);
        // "0 79 97 0 0 0": index, RmtHitm, LclHitm, L1 Hit, L1 Miss, N/A counts
        C2cLine l0 = c.lines().get(0);
        assertEquals(79L, l0.rmtHitm());
        assertEquals(97L, l0.lclHitm());
        assertEquals(0L, l0.storeL1Hit());
        assertEquals(0L, l0.storeNa());
        // "62.03% 71.13% 0.00% 0.00% 0.00% [k] generic_permission [kernel.kallsyms] mnt_idmapping.h:81 0 1"
        C2cAccess a = c.accesses().get(2);
        assertEquals(62.03, a.rmtHitmPct());
        assertEquals(71.13, a.lclHitmPct());
        assertEquals(0.0, a.storeL1HitPct());
        assertEquals(0.0, a.storeNaPct());
        assertEquals("kernel.kallsyms", a.object());
        assertEquals(">=5.19", c.perfVersion());
    }

    @Test
    void stripsMailQuotesAndIndent() throws Exception {
        C2cCapture c = parse("""
                > #
                > # ----- HITM ----- Shared
                > # Num RmtHitm LclHitm Symbol Object Source:Line Node
                > # ..... ....... ....... ......... ........ ........ ....
                > #
                >   -------------------------
                >   0 412 1028
                >   -------------------------
                >>  41.50% 42.22% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1
                """);
        assertEquals(412L, c.lines().get(0).rmtHitm());
        assertEquals("revert_creds", c.accesses().get(0).symbol());
        assertEquals("pareto-only+collapsed+quoted", c.formatVariant());
    }

    @Test
    void readsSymbolWithSpacesAndAngleBrackets() throws Exception {
        C2cCapture c = parse(HEADER + """
                -------------------------
                3 7 9
                -------------------------
                100.00% -nan% [.] std::vector<int, std::allocator<int>>::push_back&  libfoo.so  vector.h:1042 1
                """);
        C2cAccess a = c.accesses().get(0);
        assertEquals("std::vector<int, std::allocator<int>>::push_back&", a.symbol());
        assertEquals(".", a.privilege());
        assertEquals("libfoo.so", a.object());
        assertEquals("vector.h:1042", a.sourceLine());
        assertNull(a.lclHitmPct());
        assertEquals(3, a.lineIndex());
    }

    static final String HEADER = """
            # ----- HITM ----- Shared
            # Num RmtHitm LclHitm Symbol Object Source:Line Node
            # ..... ....... ....... ......... ........ ........ ....
            #
            """;

    @Test
    void rejectsTruncatedCachelineHeaderWithLineNumber() {
        assertEquals("inline.txt:6: expected cacheline header \"<index> <rmt-hitm> <lcl-hitm>\", found \"0 412\"",
                error(HEADER + """
                        -------------------------
                        0 412
                        -------------------------
                        41.50% 42.22% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1
                        """));
    }

    @Test
    void rejectsRowWithoutSymbolMarker() {
        assertEquals("inline.txt:8: expected a symbol with a [k] or [.] marker, found \"revert_creds\"",
                error(HEADER + """
                        -------------------------
                        0 412 1028
                        -------------------------
                        41.50% 42.22% revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1
                        """));
    }

    @Test
    void rejectsRowWithTextWhereAPercentageBelongs() {
        assertEquals("inline.txt:8: expected a percentage in column 3 (LclHitm), found \"[k]\"",
                error(HEADER + """
                        -------------------------
                        0 412 1028
                        -------------------------
                        41.50% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1
                        """));
    }

    @Test
    void rejectsCachelineWithoutRowsAtEndOfFile() {
        assertEquals("inline.txt:7: expected Pareto rows under cacheline 0, found end of file",
                error(HEADER + """
                        -------------------------
                        0 412 1028
                        -------------------------
                        """));
    }

    @Test
    void rejectsCachelineWithoutRowsBeforeTheNext() {
        assertEquals("inline.txt:6: expected Pareto rows under cacheline 0, found none",
                error(HEADER + """
                        -------------------------
                        0 412 1028
                        -------------------------

                        -------------------------
                        1 50 103
                        -------------------------
                        100.00% 100.00% [k] update_cfs_group [kernel.vmlinux] atomic64_64.h:15 0 1
                        """));
    }

    @Test
    void rejectsTableRowWhoseShapeBreaksTheHeader() {
        assertEquals("inline.txt:6: expected 5 columns (Index Address Node PA cnt Hitm), found 4",
                error("""
                        =================================================
                                   Shared Data Cache Line Table
                        =================================================
                        # Index             Address  Node  PA cnt     Hitm
                        # .....  ..................  ....  ......  .......
                            0      0xff2b5c3ae8ac4f00     0    1  32.26%
                        """.replace("    0      0xff2b5c3ae8ac4f00     0    1  32.26%", "    0  0xff2b5c3ae8ac4f00  0  32.26%")));
    }

    @Test
    void countsProseAmongStatisticsAsSkipped() throws Exception {
        C2cCapture c = parse("""
                =================================================
                            Trace Event Information
                =================================================
                  Total records                     :         42
                The numbers above are from the patched kernel.
                [...]
                """);
        assertEquals(1, c.summary().size());
        assertEquals(List.of(5, 6), c.skippedLineNos());
    }

    @Test
    void rejectsTableRowWithTextInACountColumn() {
        assertEquals("inline.txt:6: expected a count (at most 18 digits) in column 5 (records), found \"n/a\"",
                error("""
                        =================================================
                                   Shared Data Cache Line Table
                        =================================================
                        # Index             Address  Node  PA cnt  records
                        # .....  ..................  ....  ......  .......
                            0      0xff2b5c3ae8ac4f00     0       1      n/a
                        """));
    }

    @Test
    void rejectsTextWithNoC2cSection() {
        assertEquals("inline.txt:1: expected perf c2c report sections (Trace Event Information, Shared Data Cache"
                + " Line Table, Shared Cache Line Distribution Pareto), found \"hello\"", error("hello\nworld\n"));
    }

    @Test
    void lenientModeCountsSkippedLinesAndKeepsTheRest() throws Exception {
        C2cCapture c = parseLenient(HEADER + """
                -------------------------
                0 412 1028
                -------------------------
                41.50% 42.22% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1
                (the author's note, interleaved)
                15.05% 10.60% [k] override_creds [kernel.vmlinux] atomic64_64.h:25 0 1
                """);
        assertEquals(2, c.accesses().size());
        assertEquals(1, c.linesSkipped());
        assertEquals(List.of(9), c.skippedLineNos());
        assertEquals(c.linesRead(), c.linesUsed() + c.linesStructural() + c.linesSkipped());
    }

    @Test
    void readsStatsSectionsWithContinuationAndNan() throws Exception {
        C2cCapture c = parse("""
                =================================================
                            Trace Event Information
                =================================================
                  Total records                     :     329219
                  LLC Misses to Local DRAM          :       -nan%
                  LLC Misses to Remote cache (HITM) :       12.5%

                =================================================
                                 c2c details
                =================================================
                  Events                            : cpu/mem-loads,ldlat=30/P
                                                    : cpu/mem-stores/P
                  Cachelines sort on                : Total HITMs
                """);
        List<C2cSummaryEntry> s = c.summary();
        assertEquals(new C2cSummaryEntry("Trace Event Information", "Total records", "329219", 329219.0, 4), s.get(0));
        assertEquals(new C2cSummaryEntry("Trace Event Information", "LLC Misses to Local DRAM", "-nan%", null, 5), s.get(1));
        assertEquals(12.5, s.get(2).valueNum());
        assertEquals(new C2cSummaryEntry("c2c details", "Events", "cpu/mem-stores/P", null, 12), s.get(4));
        assertEquals("stats-only", c.formatVariant());
    }
}
