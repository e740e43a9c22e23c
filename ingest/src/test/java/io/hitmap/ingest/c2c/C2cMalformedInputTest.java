// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import static io.hitmap.ingest.c2c.C2cReportParserTest.HEADER;
import static io.hitmap.ingest.c2c.C2cReportParserTest.error;
import static io.hitmap.ingest.c2c.C2cReportParserTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hitmap.ingest.PerfParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows that look like data but break their header stop the parse with the line and the reason. */
class C2cMalformedInputTest {
    static final String TABLE = """
            =================================================
                       Shared Data Cache Line Table
            =================================================
            #
            #        ----------- Cacheline ----------      Tot  ------- Load Hitm -------    Total
            # Index             Address  Node  PA cnt     Hitm    Total  LclHitm  RmtHitm  records
            # .....  ..................  ....  ......  .......  .......  .......  .......  .......
            #
            """;

    static final String BLOCK = """
            -------------------------
            0 412 1028
            -------------------------
            41.50% 42.22% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1
            """;

    @TempDir
    Path dir;

    @Test
    void rejectsTheSameTableIndexTwice() {
        assertEquals("inline.txt:10: expected a new cacheline index, found 0 again (first on line 9); are two"
                + " reports in one file? split them, or pass --lenient", error(TABLE + """
                    0      0xff2b5c3ae8ac4f00     0       1   66.14%      252      252        0     6044
                    0      0xff2b5c3ae8ac4f40     0       1   33.86%      129      129        0      914
                """));
    }

    @Test
    void rejectsTheSameParetoBlockTwice() {
        assertEquals("inline.txt:10: expected a new cacheline index, found 0 again (first on line 6); are two"
                + " reports in one file? split them, or pass --lenient", error(HEADER + BLOCK + BLOCK));
    }

    @Test
    void rejectsATableRowAfterTheParetoBlockOfItsLine() throws Exception {
        // the block (line 6) already stood for cache line 0 when the table came
        String text = HEADER + BLOCK + TABLE + """
                    0      0xff2b5c3ae8ac4f00     0       1  100.00%     1440     1028      412     6044
                """;
        assertEquals("inline.txt:17: expected the table before the Pareto, found the table row of cacheline 0 after"
                + " its Pareto block (line 6); perf prints the table first", error(text));
        C2cCapture lenient = C2cReportParserTest.parseLenient(text);
        assertEquals(List.of(17), lenient.skippedLineNos());
        assertEquals(1, lenient.lines().size());
        assertEquals("pareto", lenient.lines().get(0).source());
        assertEquals(412L, lenient.lines().get(0).rmtHitm());
    }

    @Test
    void rejectsACountTooLargeForABigint() {
        assertEquals("inline.txt:9: expected a count (at most 18 digits) in column 9 (records), found"
                + " \"99999999999999999999999\"", error(TABLE + """
                    0      0xff2b5c3ae8ac4f00     0       1   66.14%      252      252        0     99999999999999999999999
                """));
    }

    @Test
    void rejectsAnIndexBeyondTwoToTheThirtyOne() {
        assertEquals("inline.txt:9: expected a cacheline index in column 1 (Index), found \"99999999999\"",
                error(TABLE + """
                        99999999999      0xff2b5c3ae8ac4f00     0       1   66.14%      252      252        0     6044
                        """));
    }

    @Test
    void rejectsAnIndexWithALetterInIt() {
        assertEquals("inline.txt:9: expected a cacheline index in column 1 (Index), found \"O\"", error(TABLE + """
                    O      0xff2b5c3ae8ac4f00     0       1   66.14%      252      252        0     6044
                """));
    }

    @Test
    void rejectsAPercentageWithATypo() {
        assertEquals("inline.txt:8: expected a Pareto row starting with a percentage, found"
                + " \"75.0O% 42.22% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1\"",
                error(HEADER + BLOCK.replace("41.50%", "75.0O%")));
    }

    @Test
    void rejectsANegativePercentage() {
        assertEquals("inline.txt:8: expected a percentage in column 2 (RmtHitm), found \"-41.50%\"",
                error(HEADER + BLOCK.replace("41.50%", "-41.50%")));
    }

    @Test
    void rejectsAnOffsetBeyondAnyCacheLine() {
        String header = """
                # ----- HITM ----- Data address Shared
                # Num RmtHitm LclHitm Offset Symbol Object Source:Line Node
                # ..... ....... ....... ...... ......... ........ ........ ....
                #
                """;
        assertEquals("inline.txt:8: expected a byte offset such as 0x28 in column 4 (Offset), found \"0xffffffffff\"",
                error(header + BLOCK.replace("42.22% [k]", "42.22% 0xffffffffff [k]")));
    }

    @Test
    void rejectsASymbolMarkerWithNothingAfterIt() {
        assertEquals("inline.txt:8: expected a symbol after the [k] marker, found nothing",
                error(HEADER + BLOCK.replace("[k] revert_creds [kernel.vmlinux]", "[k] [kernel.vmlinux]")));
    }

    @Test
    void rejectsAFileCutRightAfterTheTableTitle() {
        assertEquals("inline.txt:3: expected the Shared Data Cache Line Table header, found end of file",
                error(TABLE.lines().limit(3).map(l -> l + "\n").reduce("", String::concat)));
    }

    @Test
    void rejectsAFileCutAfterTheTableHeader() {
        assertEquals("inline.txt:8: expected rows of the Shared Data Cache Line Table, or the Pareto after it,"
                + " found end of file", error(TABLE));
    }

    @Test
    void rejectsAFileCutAfterTheParetoHeader() {
        assertEquals("inline.txt:17: expected the Pareto blocks of the 1 cache lines in the table, found end of file",
                error(TABLE + """
                            0      0xff2b5c3ae8ac4f00     0       1  100.00%      252      252        0     6044

                        =================================================
                              Shared Cache Line Distribution Pareto
                        =================================================
                        """ + HEADER));
    }

    @Test
    void rejectsTextWhereAStatisticHasANumber() {
        assertEquals("inline.txt:4: expected a number after \"Load Local HITM :\", found \"abc\"", error("""
                =================================================
                            Trace Event Information
                =================================================
                  Load Local HITM                   :        abc
                """));
    }

    @Test
    void readsAFirstLineLongerThanAnyBuffer() throws Exception {
        Path p = dir.resolve("long.txt");
        Files.writeString(p, "x".repeat(200_000) + "\n" + HEADER + BLOCK);
        C2cCapture c = C2cReportParser.parse(p, false);
        assertEquals(412L, c.lines().get(0).rmtHitm());
        assertEquals(List.of(1), c.skippedLineNos());
    }

    @Test
    void readsAPerfReportGivenOnStandardInputStyleStream() throws Exception {
        // a FIFO can be read only once: the file is opened a single time
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, HEADER + BLOCK);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        C2cCapture c = C2cReportParser.parse(fifo, false);
        writer.join();
        assertEquals(1028L, c.lines().get(0).lclHitm());
    }

    @Test
    void keepsPlainProseBetweenRowsAsSkipped() throws Exception {
        C2cCapture c = parse(HEADER + BLOCK + "2 runs later the numbers were the same.\n");
        assertEquals(List.of(9), c.skippedLineNos());
    }

    static String messageOf(String text) {
        try {
            parse(text);
            return "parsed";
        } catch (PerfParseException | java.io.IOException e) {
            return e.getMessage();
        }
    }
}
