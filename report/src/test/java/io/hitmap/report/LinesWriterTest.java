// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hitmap.analysis.RankedAccessor;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.StatsOnlyCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinesWriterTest {
    private static final String CXX = "std::vector<int>::push_back";
    private static final RankedAccessor PUSH_BACK = new RankedAccessor(0, 0x28, "0", 1L, 4711L, null, "0x4011a6",
            CXX, ".", "libfoo.so", "vector.h:1187", 41.5, 42.22, 10.0, 0.5, null, 854.0, 620.0, 429.0, 737L, 12L,
            "0 1", 301.2, 120);
    private static final RankedAccessor REVERT_CREDS = new RankedAccessor(1, 0, "0", 1L, null, null,
            "0xffffffff81157a37", "revert_creds", "k", "kernel.vmlinux", "atomic64_64.h:39", 15.05, 10.6, null, null,
            null, 520.5, null, 327.0, 587L, 4L, "0", 170.9, 121);
    private static final RankedAccessor ODD = new RankedAccessor(0, 8, null, null, null, null, null,
            "odd, \"quoted\" & <b>", "k", "kernel.vmlinux", null, 100.0, 0.0, 0.0, 100.0, null, null, null, null, null,
            1L, "1", 50.0, 130);
    private static final RankedLine FIRST = new RankedLine(1, "before.c2c.txt", "hitm", 1, 0,
            "0xffff888100a3c0c0", 1440L, 412L, 1028L, 28.14, "tot_hitm", 82.71108558299827, 5234L, 4000L, 1234L,
            "0", 3, List.of(PUSH_BACK, REVERT_CREDS));
    private static final RankedLine SECOND = new RankedLine(1, "before.c2c.txt", "hitm", 2, 5,
            "0xffff888100a3c100", 98L, 50L, 48L, 1.92, "tot_hitm", 5.629, 310L, 200L, 110L, "1", 1, List.of(ODD));
    /** A Pareto-only peer capture: no address, records, offsets, store shares, cycles or CPU counts. */
    private static final RankedLine PEER = new RankedLine(2, "after peer.c2c.txt", "peer", 1, 2, null,
            148L, 50L, 98L, null, null, 100.0, null, null, null, null, 4,
            List.of(new RankedAccessor(0, null, null, null, null, null, null, "update_cfs_group", "k",
                    "kernel.vmlinux", "atomic64_64.h:15", 96.0, 96.94, null, null, null, null, null, null, null,
                    null, "0 1", 143.0, 30)));

    static String render(List<RankedLine> lines, TableFormat f) {
        return render(lines, List.of(), null, f);
    }

    static String render(List<RankedLine> lines, List<StatsOnlyCapture> statsOnly, String store, TableFormat f) {
        StringWriter s = new StringWriter();
        LinesWriter.write(lines, statsOnly, store, f, new PrintWriter(s));
        return s.toString();
    }

    @Test
    void writesTextBlockPerLineWithAccessorColumnsAlignedAcrossTheCapture() {
        assertEquals("""
                capture 1  before.c2c.txt  (top 2 lines by HITM)

                #1  line 0  address 0xffff888100a3c0c0  node 0
                    HITM 1440 (28.14% of all HITMs)  remote 412  local 1028  records 5234  loads 4000  stores 1234  accessors 3
                    offset  code-addr            pid  symbol                       source:line       rmt-hitm  lcl-hitm  st-l1hit  st-l1miss  cyc-rmt  cyc-lcl  cyc-load  cpus  nodes
                    0x28    0x4011a6            4711  std::vector<int>::push_back  vector.h:1187       41.50%    42.22%    10.00%      0.50%      854      620       429    12  0 1
                    0x0     0xffffffff81157a37     -  revert_creds                 atomic64_64.h:39    15.05%    10.60%         -          -   520.50        -       327     4  0
                    ... 1 more accessor

                #2  line 5  address 0xffff888100a3c100  node 1
                    HITM 98 (1.92% of all HITMs)  remote 50  local 48  records 310  loads 200  stores 110  accessors 1
                    offset  code-addr            pid  symbol                       source:line       rmt-hitm  lcl-hitm  st-l1hit  st-l1miss  cyc-rmt  cyc-lcl  cyc-load  cpus  nodes
                    0x8     -                      -  odd, "quoted" & <b>          -                  100.00%     0.00%     0.00%    100.00%        -        -         -     1  1
                """, render(List.of(FIRST, SECOND), TableFormat.TEXT));
    }

    @Test
    void dropsAccessorColumnsAbsentFromTheWholeCaptureAndLabelsTheComputedShare() {
        assertEquals("""
                capture 2  after peer.c2c.txt  (top 1 line by Peer)

                #1  line 2
                    Peer 148 (100.00% of the listed lines)  remote 50  local 98  accessors 4
                    symbol            source:line       rmt-peer  lcl-peer  nodes
                    update_cfs_group  atomic64_64.h:15    96.00%    96.94%  0 1
                    ... 3 more accessors
                """, render(List.of(PEER), TableFormat.TEXT));
    }

    @Test
    void putsPerfsPercentageNextToTheCountItIsAShareOf() {
        // -d rmt (2016 prelim capture, line 0): Rmt Hitm 77.09% of all remote HITMs, Total 12103
        RankedLine rmt = new RankedLine(3, "prelim.c2c.txt", "hitm", 1, 0, "0x602180", 12103L, 9834L, 2269L, 77.09,
                "rmt_hitm", 75.4, null, null, null, null, 0, List.of());
        assertTrue(render(List.of(rmt), TableFormat.TEXT).contains(
                "\n    HITM 12103  remote 9834 (77.09% of all remote HITMs)  local 2269  accessors 0\n"));
        RankedLine peer = new RankedLine(4, "spe.c2c.txt", "peer", 1, 0, null, 40L, 10L, 30L, 12.5, "tot_peer", 80.0,
                null, null, null, null, 0, List.of());
        assertTrue(render(List.of(peer), TableFormat.TEXT).contains(
                "\n    Peer 40 (12.50% of all peer snoops)  remote 10  local 30  accessors 0\n"));
    }

    @Test
    void showsStoreNaSharesWhenTheCaptureHasThem() {
        // Arm SPE: every store is N/A-level, so the N/A share is the only sign of the writer
        RankedAccessor writer = new RankedAccessor(0, 0x10, null, null, null, null, null, "producer", ".", "bench",
                null, 0.0, 0.0, 0.0, 0.0, 100.0, null, null, null, null, 2L, null, 300.0, 40);
        RankedLine l = new RankedLine(5, "spe.c2c.txt", "peer", 1, 0, null, 0L, 0L, 0L, null, null, null, null,
                null, 300L, null, 1, List.of(writer));
        assertEquals("""
                capture 5  spe.c2c.txt  (top 1 line by Peer)

                #1  line 0
                    Peer 0  remote 0  local 0  stores 300  accessors 1
                    offset  symbol    rmt-peer  lcl-peer  st-l1hit  st-l1miss    st-na  cpus
                    0x10    producer     0.00%     0.00%     0.00%      0.00%  100.00%     2
                """, render(List.of(l), TableFormat.TEXT));
    }

    @Test
    void escapesControlCharactersOfSymbolsAndPaths() {
        // OSC 0 (set window title) in a symbol, a newline and DEL in the path
        RankedAccessor evil = new RankedAccessor(0, 0, null, null, null, null, null, "f\u001b]0;pwned\u0007", ".",
                "a.out", null, 100.0, 0.0, null, null, null, null, null, null, null, null, null, 1.0, 9);
        RankedLine l = new RankedLine(6, "x\ny\u007f.txt", "hitm", 1, 0, null, 1L, 1L, 0L, null, null, 100.0, null,
                null, null, null, 1, List.of(evil));
        String text = render(List.of(l), TableFormat.TEXT);
        assertEquals("""
                capture 6  x\\x0ay\\x7f.txt  (top 1 line by HITM)

                #1  line 0
                    HITM 1 (100.00% of the listed lines)  remote 1  local 0  accessors 1
                    offset  symbol             rmt-hitm  lcl-hitm
                    0x0     f\\x1b]0;pwned\\x07   100.00%     0.00%
                """, text);
    }

    @Test
    void writesStatisticsOnlyCapturesInCaptureOrderWithTheirTotals() {
        StatsOnlyCapture stats = new StatsOnlyCapture(2, "type pollution.c2c.txt", "hitm", List.of(
                new StatsOnlyCapture.Total("Load Local HITM", "19", 19.0),
                new StatsOnlyCapture.Total("Load Remote HITM", "0", 0.0),
                new StatsOnlyCapture.Total("Total Shared Cache Lines", "4", 4.0)));
        RankedLine third = new RankedLine(3, "x.txt", "hitm", 1, 0, null, 7L, 3L, 4L, null, null, 100.0, null, null,
                null, null, 0, List.of());
        assertEquals("""
                capture 2  type pollution.c2c.txt  (statistics only: no Shared Data Cache Line Table or Pareto)
                    Load Local HITM 19  Load Remote HITM 0  Total Shared Cache Lines 4
                    read them with: hitmap query 'type pollution.c2c.txt' --sql "select section, key, value from c2c_summary"

                capture 3  x.txt  (top 1 line by HITM)

                #1  line 0
                    HITM 7 (100.00% of the listed lines)  remote 3  local 4  accessors 0
                """, render(List.of(third), List.of(stats), null, TableFormat.TEXT));
        assertEquals("""
                capture 2  type pollution.c2c.txt  (statistics only: no Shared Data Cache Line Table or Pareto)
                    Load Local HITM 19  Load Remote HITM 0  Total Shared Cache Lines 4
                    read them with: hitmap query --store c2c.duckdb --sql "select section, key, value from c2c_summary where capture_id = 2"
                """, render(List.of(), List.of(stats), "c2c.duckdb", TableFormat.TEXT));
    }

    @Test
    void writesAnObjectPerCaptureInJsonWithTheTotalsOfAStatisticsOnlyOne() {
        // the numbers of the text view above; -nan% (go-cache-test) stays text, as perf printed it
        StatsOnlyCapture stats = new StatsOnlyCapture(2, "type pollution.c2c.txt", "hitm", List.of(
                new StatsOnlyCapture.Total("Load Local HITM", "19", 19.0),
                new StatsOnlyCapture.Total("Load Remote HITM", "-nan%", null),
                new StatsOnlyCapture.Total("Total Shared Cache Lines", "4", 4.0)));
        RankedLine third = new RankedLine(3, "x.txt", "hitm", 1, 0, null, 7L, 3L, 4L, null, null, 100.0, null, null,
                null, null, 0, List.of());
        assertEquals("""
                [
                  {
                    "capture_id": 2,
                    "path": "type pollution.c2c.txt",
                    "metric": "hitm",
                    "stats_only": true,
                    "totals": {
                      "Load Local HITM": 19,
                      "Load Remote HITM": "-nan%",
                      "Total Shared Cache Lines": 4
                    },
                    "statistics_command": "hitmap query --store c2c.duckdb --sql \\"select section, key, value from c2c_summary where capture_id = 2\\"",
                    "lines": [ ]
                  },
                  {
                    "capture_id": 3,
                    "path": "x.txt",
                    "metric": "hitm",
                    "stats_only": false,
                    "lines": [
                      {
                        "capture_id": 3,
                        "path": "x.txt",
                        "metric": "hitm",
                        "rank": 1,
                        "line_index": 0,
                        "address": null,
                        "total": 7,
                        "remote": 3,
                        "local": 4,
                        "perf_pct": null,
                        "perf_pct_of": null,
                        "share_of_listed_total": 100.0,
                        "total_records": null,
                        "loads": null,
                        "stores": null,
                        "node": null,
                        "accessor_count": 0,
                        "line_cost_pct": null,
                        "class": null,
                        "class_secondary": null,
                        "class_confidence": null,
                        "class_evidence": null,
                        "victims": null,
                        "store_share": null,
                        "remote_share": null,
                        "max_cpus": null,
                        "nodes_touched": null,
                        "remedy": null,
                        "sim_command": null,
                        "accessors": [ ]
                      }
                    ]
                  }
                ]
                """, render(List.of(third), List.of(stats), "c2c.duckdb", TableFormat.JSON));
    }

    @Test
    void separatesCapturesWithABlankLine() {
        String text = render(List.of(SECOND, PEER), TableFormat.TEXT);
        assertTrue(text.contains("100.00%     1  1\n\ncapture 2  after peer.c2c.txt"), text);
    }

    @Test
    void writesNestedJsonWithRawTypedValues() {
        assertEquals("""
                [
                  {
                    "capture_id": 1,
                    "path": "before.c2c.txt",
                    "metric": "hitm",
                    "stats_only": false,
                    "lines": [
                      {
                        "capture_id": 1,
                        "path": "before.c2c.txt",
                        "metric": "hitm",
                        "rank": 2,
                        "line_index": 5,
                        "address": "0xffff888100a3c100",
                        "total": 98,
                        "remote": 50,
                        "local": 48,
                        "perf_pct": 1.92,
                        "perf_pct_of": "tot_hitm",
                        "share_of_listed_total": 5.63,
                        "total_records": 310,
                        "loads": 200,
                        "stores": 110,
                        "node": "1",
                        "accessor_count": 1,
                        "line_cost_pct": null,
                        "class": null,
                        "class_secondary": null,
                        "class_confidence": null,
                        "class_evidence": null,
                        "victims": null,
                        "store_share": null,
                        "remote_share": null,
                        "max_cpus": null,
                        "nodes_touched": null,
                        "remedy": null,
                        "sim_command": null,
                        "accessors": [
                          {
                            "row_in_line": 0,
                            "offset": 8,
                            "offset_node": null,
                            "pa_count": null,
                            "pid": null,
                            "tid": null,
                            "code_address": null,
                            "symbol": "odd, \\"quoted\\" & <b>",
                            "privilege": "k",
                            "object": "kernel.vmlinux",
                            "source_line": null,
                            "remote_pct": 100.0,
                            "local_pct": 0.0,
                            "store_l1hit_pct": 0.0,
                            "store_l1miss_pct": 100.0,
                            "store_na_pct": null,
                            "cycles_rmt": null,
                            "cycles_lcl": null,
                            "cycles_load": null,
                            "accessor_records": null,
                            "cpu_count": 1,
                            "nodes": "1",
                            "est_samples": 50.0,
                            "source_line_no": 130,
                            "profile_self_pct": null,
                            "profile_children_pct": null,
                            "est_cost_pct": null
                          }
                        ]
                      }
                    ]
                  }
                ]
                """, render(List.of(SECOND), TableFormat.JSON));
    }

    @Test
    void writesOneCsvRowPerAccessorWithTheLineRepeated() {
        assertEquals("capture_id,path,metric,rank,line_index,address,total,remote,local,perf_pct,perf_pct_of,"
                + "share_of_listed_total,total_records,loads,stores,node,accessor_count,line_cost_pct,class,class_secondary,class_confidence,"
                + "class_evidence,victims,store_share,remote_share,max_cpus,nodes_touched,remedy,sim_command,row_in_line,offset,offset_node,"
                + "pa_count,pid,tid,code_address,symbol,privilege,object,source_line,remote_pct,local_pct,"
                + "store_l1hit_pct,store_l1miss_pct,store_na_pct,cycles_rmt,cycles_lcl,cycles_load,accessor_records,"
                + "cpu_count,nodes,est_samples,source_line_no,profile_self_pct,profile_children_pct,est_cost_pct\r\n"
                + "1,before.c2c.txt,hitm,1,0,0xffff888100a3c0c0,1440,412,1028,28.14,tot_hitm,82.71,"
                + "5234,4000,1234,0,3,,,,,,,,,,,,,"
                + "0,40,0,1,4711,,0x4011a6,std::vector<int>::push_back,.,libfoo.so,vector.h:1187,41.5,42.22,"
                + "10.0,0.5,,854.0,620.0,429.0,737,12,0 1,301.2,120,,,\r\n"
                + "1,before.c2c.txt,hitm,1,0,0xffff888100a3c0c0,1440,412,1028,28.14,tot_hitm,82.71,"
                + "5234,4000,1234,0,3,,,,,,,,,,,,,"
                + "1,0,0,1,,,0xffffffff81157a37,revert_creds,k,kernel.vmlinux,atomic64_64.h:39,15.05,10.6,"
                + ",,,520.5,,327.0,587,4,0,170.9,121,,,\r\n"
                + "1,before.c2c.txt,hitm,2,5,0xffff888100a3c100,98,50,48,1.92,tot_hitm,5.63,310,200,110,1,1,,,,,,,,,,,,,"
                + "0,8,,,,,,\"odd, \"\"quoted\"\" & <b>\",k,kernel.vmlinux,,100.0,0.0,"
                + "0.0,100.0,,,,,,1,1,50.0,130,,,\r\n",
                render(List.of(FIRST, SECOND), TableFormat.CSV));
    }

    @Test
    void writesLineWithoutAccessorsAsOneCsvRow() {
        RankedLine bare = new RankedLine(3, "x.txt", "hitm", 1, 0, null, 7L, 3L, 4L, null, null, 100.0, null, null,
                null, null, 0, List.of());
        assertEquals(LinesWriter.LINE_COLUMNS.size() + LinesWriter.ACCESSOR_COLUMNS.size(),
                render(List.of(bare), TableFormat.CSV).split("\r\n")[1].split(",", -1).length);
        assertEquals("""
                capture 3  x.txt  (top 1 line by HITM)

                #1  line 0
                    HITM 7 (100.00% of the listed lines)  remote 3  local 4  accessors 0
                """, render(List.of(bare), TableFormat.TEXT));
    }

    @Test
    void symbolWithSpacesAndMarkupSurvivesJson() throws Exception {
        String nasty = "operator<< <std::pair<int, long>> & \"x\"\n(clone)";
        RankedLine l = new RankedLine(1, "p", "hitm", 1, 0, null, 1L, 1L, 0L, null, null, 100.0, null, null, null,
                null, 1, List.of(new RankedAccessor(0, 0, null, null, null, null, null, nasty, ".", "a.out", null,
                        100.0, 0.0, null, null, null, null, null, null, null, 1L, "0", 1.0, 5)));
        JsonNode back = new ObjectMapper().readTree(render(List.of(l), TableFormat.JSON));
        assertEquals(nasty, back.get(0).get("lines").get(0).get("accessors").get(0).get("symbol").asText());
        String csv = render(List.of(l), TableFormat.CSV);
        assertTrue(csv.contains(",\"operator<< <std::pair<int, long>> & \"\"x\"\"\n(clone)\","), csv);
    }

    @Test
    void cutsLongSymbolSourceLineAndNodesInTextOnly() throws Exception {
        // 300 characters, as 'perf c2c report --full-symbols' prints a libstdc++ hash-map lookup
        String symbol = "std::_Hashtable<std::__cxx11::basic_string<char>, std::pair<std::__cxx11::basic_string<char> "
                + "const, std::shared_ptr<Session> >, std::allocator<std::pair<std::__cxx11::basic_string<char> const, "
                + "std::shared_ptr<Session> > > >::_M_find_before_node(unsigned long, "
                + "std::__cxx11::basic_string<char> const&)";
        assertEquals(300, symbol.length());
        String source = "/usr/include/c++/13/bits/hashtable.h:1643"; // 41 characters
        String nodes = "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"; // 37 characters
        RankedAccessor find = new RankedAccessor(0, 0x30, null, null, null, null, "0x55d0c1a2b3c4", symbol, ".",
                "server", source, 60.0, 40.0, null, null, null, null, null, null, null, null, nodes, 5.2, 50);
        RankedAccessor unref = new RankedAccessor(1, 0x38, null, null, null, null, null, "session_unref", ".",
                "server", "session.c:88", 40.0, 60.0, null, null, null, null, null, null, null, null, "0", 4.8, 51);
        RankedLine l = new RankedLine(7, "session.c2c.txt", "hitm", 1, 0, null, 10L, 6L, 4L, null, null, 100.0, null,
                null, null, null, 2, List.of(find, unref));
        // symbol: its first 39 characters and '…' (40); source:line 29 + '…' (30); nodes 23 + '…' (24)
        assertEquals("""
                capture 7  session.c2c.txt  (top 1 line by HITM)

                #1  line 0
                    HITM 10 (100.00% of the listed lines)  remote 6  local 4  accessors 2
                    offset  code-addr       symbol                                    source:line                     rmt-hitm  lcl-hitm  nodes
                    0x30    0x55d0c1a2b3c4  std::_Hashtable<std::__cxx11::basic_str…  /usr/include/c++/13/bits/hash…    60.00%    40.00%  0 1 2 3 4 5 6 7 8 9 10 …
                    0x38    -               session_unref                             session.c:88                      40.00%    60.00%  0
                """, render(List.of(l), TableFormat.TEXT));
        JsonNode json = new ObjectMapper().readTree(render(List.of(l), TableFormat.JSON));
        JsonNode first = json.get(0).get("lines").get(0).get("accessors").get(0);
        assertEquals(symbol, first.get("symbol").asText());
        assertEquals(source, first.get("source_line").asText());
        assertEquals(nodes, first.get("nodes").asText());
        String csv = render(List.of(l), TableFormat.CSV);
        assertTrue(csv.contains(",\"" + symbol + "\",.,server," + source + ",60.0,40.0,,,,,,,,," + nodes + ",5.2,50,,,\r\n"),
                csv);
    }

    @Test
    void cutsByCodePointsAndLeavesShortCellsAlone() {
        assertEquals("abc", Cells.cut("abc", 3));
        assertEquals("ab…", Cells.cut("abcd", 3));
        // U+1F600 is two chars in Java: it stays whole
        assertEquals("a\uD83D\uDE00…", Cells.cut("a\uD83D\uDE00bc", 3));
        assertEquals("a\uD83D\uDE00b", Cells.cut("a\uD83D\uDE00b", 3));
    }

    @Test
    void roundsWhatHitmapComputesAndKeepsWhatPerfPrinted() {
        // est_samples 662.0776000000001 -> 662.1 and 0.25 -> 0.3 (half up); share_of_listed_total
        // 66.14173228346456 -> 66.14; perf's 12.345% and 1033.456 cycles stay as they are
        RankedAccessor a = new RankedAccessor(0, 0, null, null, null, null, null, "f", ".", "a.out", null, 12.345,
                0.0, null, null, null, null, null, 1033.456, null, null, null, 662.0776000000001, 9);
        RankedAccessor b = new RankedAccessor(1, 8, null, null, null, null, null, "g", ".", "a.out", null, 0.0,
                0.0, null, null, null, null, null, null, null, null, null, 0.25, 10);
        RankedLine l = new RankedLine(1, "p", "hitm", 1, 0, null, 840L, 840L, 0L, 12.345, "rmt_hitm",
                66.14173228346456, null, null, null, null, 2, List.of(a, b));
        String csv = render(List.of(l), TableFormat.CSV);
        assertTrue(csv.contains(",12.345,rmt_hitm,66.14,"), csv);
        assertTrue(csv.contains(",12.345,0.0,,,,,,1033.456,,,,662.1,9,,,\r\n"), csv);
        assertTrue(csv.endsWith(",,,,0.3,10,,,\r\n"), csv);
        String json = render(List.of(l), TableFormat.JSON);
        assertTrue(json.contains("\"share_of_listed_total\": 66.14,"), json);
        assertTrue(json.contains("\"est_samples\": 662.1,") && json.contains("\"est_samples\": 0.3,"), json);
        assertTrue(json.contains("\"perf_pct\": 12.345,") && json.contains("\"cycles_load\": 1033.456,"), json);
    }

    @Test
    void writesNoLinesPlainly() {
        assertEquals("no contended cache lines found\n", render(List.of(), TableFormat.TEXT));
        assertEquals("[ ]\n", render(List.of(), TableFormat.JSON));
    }
}
