// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import static io.hitmap.ingest.c2c.C2cMalformedInputTest.TABLE;
import static io.hitmap.ingest.c2c.C2cReportParserTest.HEADER;
import static io.hitmap.ingest.c2c.C2cReportParserTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A capture that disagrees with its own totals parses, with a warning naming both numbers. */
class C2cConsistencyTest {
    static final String PARETO_TITLE = """

            =================================================
                  Shared Cache Line Distribution Pareto
            =================================================
            """;

    @Test
    void warnsWhenABlockHeaderDisagreesWithItsTableRow() throws Exception {
        C2cCapture c = parse(TABLE + """
                    0      0xff2b5c3ae8ac4f00     0       1  100.00%     1440     1028      412     6044
                """ + PARETO_TITLE + HEADER + """
                -------------------------
                0 4 2092
                -------------------------
                41.50% 42.22% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1
                """);
        assertEquals(List.of("cacheline 0: the Pareto block (line 19) counts 4 remote / 2092 local HITMs, its table"
                + " row (line 9) 412 / 1028"), c.warnings());
    }

    @Test
    void warnsWhenTotalIsNotRemotePlusLocal() throws Exception {
        C2cCapture c = parse(TABLE + """
                    0      0xff2b5c3ae8ac4f00     0       1  100.00%     9999     2092        4     6044
                """);
        assertEquals(List.of("cacheline 0 (line 9): total 9999 HITMs is not remote 4 + local 2092"), c.warnings());
    }

    @Test
    void warnsWhenParetoSharesExceedAHundredPercent() throws Exception {
        C2cCapture c = parse(HEADER + """
                -------------------------
                0 412 1028
                -------------------------
                80.00% 42.22% [k] revert_creds [kernel.vmlinux] atomic64_64.h:39 0 1
                40.00% 57.78% [k] override_creds [kernel.vmlinux] atomic64_64.h:25 0 1
                """);
        assertEquals(List.of("cacheline 0: the remote HITMs shares of its 2 Pareto rows add up to 120.00%"),
                c.warnings());
    }

    @Test
    void findsNothingToSayAboutTheOverlayfsExcerpt() throws Exception {
        assertEquals(List.of(), C2cReportParser.parse(C2cReportParserTest.TRACES.resolve(
                "overlayfs-creds-before.c2c.txt"), false).warnings());
    }

    @Test
    void ranksByTheTablesFirstPercentageColumn() throws Exception {
        // the unmerged v3 peer layout on x86: sorted on Tot Hitm, with a Snoop Peer count beside
        C2cCapture c = C2cReportParser.parse(C2cReportParserTest.TRACES.resolve("false_sharing-peer-v3-x86.c2c.txt"),
                false);
        assertEquals("hitm", c.metric());
    }

    @Test
    void readsTheSingleSnoopPeerShareOfTheUnmergedPeerLayout() throws Exception {
        // "0.00%  0.00%  93.94%  ...  0x29  N/A  0  0xaaaac17c3e88  0  0  173  180  135  2  [.] 0x...3e88"
        C2cCapture c = C2cReportParser.parse(C2cReportParserTest.TRACES.resolve("memstress-peer-v3-spe.c2c.txt"),
                false);
        assertEquals("peer", c.metric());
        assertEquals(99L, c.lines().get(0).totPeer());
        C2cAccess hot = c.accesses().get(1);
        assertEquals(41, hot.offset());
        assertEquals(93.94, hot.totPeerPct());
        assertEquals(180.0, hot.cyclesPeer());
        assertEquals(173.0, hot.cyclesLoad());
    }

    @Test
    void warnsWhenTheTableHoldsMoreThanTheStatisticsSay() throws Exception {
        C2cCapture c = parse("""
                =================================================
                            Trace Event Information
                =================================================
                  Load Local HITM                   :         50

                =================================================
                    Global Shared Cache Line Event Information
                =================================================
                  Total Shared Cache Lines          :          0
                """ + TABLE + """
                    0      0xff2b5c3ae8ac4f00     0       1  100.00%      252      252        0     6044
                """);
        assertEquals(List.of("the table lists 1 cache lines, but Total Shared Cache Lines (line 9) says 0",
                "the table's local HITMs add up to 252, more than the 50 that Load Local HITM (line 4) says"),
                c.warnings());
    }

    @Test
    void warnsInLenientModeWhenTheReportIsCutOff() throws Exception {
        C2cCapture c = C2cReportParserTest.parseLenient(TABLE);
        assertEquals(List.of("line 8: expected rows of the Shared Data Cache Line Table, or the Pareto after it,"
                + " found end of file (the report looks cut off)"), c.warnings());
    }
}
