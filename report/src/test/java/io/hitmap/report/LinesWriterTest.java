// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hitmap.analysis.RankedAccessor;
import io.hitmap.analysis.RankedLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinesWriterTest {
    private static final String CXX = "std::vector<int>::push_back";
    private static final RankedAccessor PUSH_BACK = new RankedAccessor(0, 0x28, CXX, ".", "libfoo.so",
            "vector.h:1187", 41.5, 42.22, 10.0, 0.5, 12L, "0 1", 4711L, null);
    private static final RankedAccessor REVERT_CREDS = new RankedAccessor(1, 0, "revert_creds", "k",
            "kernel.vmlinux", "atomic64_64.h:39", 15.05, 10.6, null, null, 4L, "0", null, null);
    private static final RankedAccessor ODD = new RankedAccessor(0, 8, "odd, \"quoted\" & <b>", "k",
            "kernel.vmlinux", null, 100.0, 0.0, 0.0, 100.0, 1L, "1", null, null);
    private static final RankedLine FIRST = new RankedLine(1, "before.c2c.txt", "hitm", 1, 0,
            "0xffff888100a3c0c0", 1440L, 412L, 1028L, 82.71108558299827, 5234L, 4000L, 1234L, "0", 3,
            List.of(PUSH_BACK, REVERT_CREDS));
    private static final RankedLine SECOND = new RankedLine(1, "before.c2c.txt", "hitm", 2, 5,
            "0xffff888100a3c100", 98L, 50L, 48L, 5.629, 310L, 200L, 110L, "1", 1, List.of(ODD));
    /** A Pareto-only peer capture: no address, records, offsets, store shares or CPU counts. */
    private static final RankedLine PEER = new RankedLine(2, "after peer.c2c.txt", "peer", 1, 2, null,
            148L, 50L, 98L, 100.0, null, null, null, null, 4,
            List.of(new RankedAccessor(0, null, "update_cfs_group", "k", "kernel.vmlinux", "atomic64_64.h:15",
                    96.0, 96.94, null, null, null, "0 1", null, null)));

    static String render(List<RankedLine> lines, TableFormat f) {
        StringWriter s = new StringWriter();
        LinesWriter.write(lines, f, new PrintWriter(s));
        return s.toString();
    }

    @Test
    void writesTextBlockPerLineWithAccessorColumnsAlignedAcrossTheCapture() {
        assertEquals("""
                capture 1  before.c2c.txt  (top 2 lines by HITM)

                #1  line 0  address 0xffff888100a3c0c0  node 0
                    HITM 1440  remote 412  local 1028  share 82.71%  records 5234  loads 4000  stores 1234  accessors 3
                    offset   pid  symbol                       source:line       rmt-hitm  lcl-hitm  st-l1hit  st-l1miss  cpus  nodes
                    0x28    4711  std::vector<int>::push_back  vector.h:1187       41.50%    42.22%    10.00%      0.50%    12  0 1
                    0x0        -  revert_creds                 atomic64_64.h:39    15.05%    10.60%         -          -     4  0
                    ... 1 more accessor

                #2  line 5  address 0xffff888100a3c100  node 1
                    HITM 98  remote 50  local 48  share 5.63%  records 310  loads 200  stores 110  accessors 1
                    offset   pid  symbol                       source:line       rmt-hitm  lcl-hitm  st-l1hit  st-l1miss  cpus  nodes
                    0x8        -  odd, "quoted" & <b>          -                  100.00%     0.00%     0.00%    100.00%     1  1
                """, render(List.of(FIRST, SECOND), TableFormat.TEXT));
    }

    @Test
    void dropsAccessorColumnsAbsentFromTheWholeCaptureAndNamesPeerMetric() {
        assertEquals("""
                capture 2  after peer.c2c.txt  (top 1 line by Peer)

                #1  line 2
                    Peer 148  remote 50  local 98  share 100.00%  accessors 4
                    symbol            source:line       rmt-peer  lcl-peer  nodes
                    update_cfs_group  atomic64_64.h:15    96.00%    96.94%  0 1
                    ... 3 more accessors
                """, render(List.of(PEER), TableFormat.TEXT));
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
                    "rank": 2,
                    "line_index": 5,
                    "address": "0xffff888100a3c100",
                    "total": 98,
                    "remote": 50,
                    "local": 48,
                    "share_of_capture": 5.629,
                    "total_records": 310,
                    "loads": 200,
                    "stores": 110,
                    "node": "1",
                    "accessor_count": 1,
                    "accessors": [
                      {
                        "row_in_line": 0,
                        "offset": 8,
                        "symbol": "odd, \\"quoted\\" & <b>",
                        "privilege": "k",
                        "object": "kernel.vmlinux",
                        "source_line": null,
                        "remote_pct": 100.0,
                        "local_pct": 0.0,
                        "store_l1hit_pct": 0.0,
                        "store_l1miss_pct": 100.0,
                        "cpu_count": 1,
                        "nodes": "1",
                        "pid": null,
                        "tid": null
                      }
                    ]
                  }
                ]
                """, render(List.of(SECOND), TableFormat.JSON));
    }

    @Test
    void writesOneCsvRowPerAccessorWithTheLineRepeated() {
        assertEquals("capture_id,path,metric,rank,line_index,address,total,remote,local,share_of_capture,"
                + "total_records,loads,stores,node,accessor_count,row_in_line,offset,symbol,privilege,object,"
                + "source_line,remote_pct,local_pct,store_l1hit_pct,store_l1miss_pct,cpu_count,nodes,pid,tid\r\n"
                + "1,before.c2c.txt,hitm,1,0,0xffff888100a3c0c0,1440,412,1028,82.71108558299827,5234,4000,1234,0,3,"
                + "0,40,std::vector<int>::push_back,.,libfoo.so,vector.h:1187,41.5,42.22,10.0,0.5,12,0 1,4711,\r\n"
                + "1,before.c2c.txt,hitm,1,0,0xffff888100a3c0c0,1440,412,1028,82.71108558299827,5234,4000,1234,0,3,"
                + "1,0,revert_creds,k,kernel.vmlinux,atomic64_64.h:39,15.05,10.6,,,4,0,,\r\n"
                + "1,before.c2c.txt,hitm,2,5,0xffff888100a3c100,98,50,48,5.629,310,200,110,1,1,"
                + "0,8,\"odd, \"\"quoted\"\" & <b>\",k,kernel.vmlinux,,100.0,0.0,0.0,100.0,1,1,,\r\n",
                render(List.of(FIRST, SECOND), TableFormat.CSV));
    }

    @Test
    void writesLineWithoutAccessorsAsOneCsvRow() {
        RankedLine bare = new RankedLine(3, "x.txt", "hitm", 1, 0, null, 7L, 3L, 4L, 100.0, null, null, null,
                null, 0, List.of());
        assertEquals(LinesWriter.LINE_COLUMNS.size() + LinesWriter.ACCESSOR_COLUMNS.size(),
                render(List.of(bare), TableFormat.CSV).split("\r\n")[1].split(",", -1).length);
        assertEquals("""
                capture 3  x.txt  (top 1 line by HITM)

                #1  line 0
                    HITM 7  remote 3  local 4  share 100.00%  accessors 0
                """, render(List.of(bare), TableFormat.TEXT));
    }

    @Test
    void symbolWithSpacesAndMarkupSurvivesJson() throws Exception {
        String nasty = "operator<< <std::pair<int, long>> & \"x\"\n(clone)";
        RankedLine l = new RankedLine(1, "p", "hitm", 1, 0, null, 1L, 1L, 0L, 100.0, null, null, null, null, 1,
                List.of(new RankedAccessor(0, 0, nasty, ".", "a.out", null, 100.0, 0.0, null, null, 1L, "0",
                        null, null)));
        JsonNode back = new ObjectMapper().readTree(render(List.of(l), TableFormat.JSON));
        assertEquals(nasty, back.get(0).get("accessors").get(0).get("symbol").asText());
        String csv = render(List.of(l), TableFormat.CSV);
        assertTrue(csv.contains(",\"operator<< <std::pair<int, long>> & \"\"x\"\"\n(clone)\","), csv);
    }

    @Test
    void writesNoLinesPlainly() {
        assertEquals("no contended cache lines found\n", render(List.of(), TableFormat.TEXT));
        assertEquals("[ ]\n", render(List.of(), TableFormat.JSON));
    }
}
