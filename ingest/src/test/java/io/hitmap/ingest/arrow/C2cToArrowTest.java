// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.ingest.c2c.C2cAccess;
import io.hitmap.ingest.c2c.C2cCallgraphLine;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cLine;
import io.hitmap.ingest.c2c.C2cSummaryEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-built captures -> Arrow vectors: names, row counts, values and nulls. */
class C2cToArrowTest {
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        assertEquals(0, allocator.getAllocatedMemory(), "every vector was released");
        allocator.close();
    }

    // perf c2c on x86 with HITM: line 0 has two accessors, line 1 one; line 1 has no Node cell.
    static C2cCapture hitmCapture() {
        C2cLine l0 = new C2cLine(0, "0x55c8971f0080", "0", 1967L, 66.14, null, 252L, 252L, 0L, null, null, null,
                6044L, 3550L, 2494L, 2024L, 470L, 0L, 528L, 2672L, 78L, 20L, 0L, null, 0L, 0L, "table", 9);
        C2cLine l1 = new C2cLine(1, "0x55c8971f00c0", null, 1L, 33.86, null, 129L, 129L, 0L, null, null, null,
                914L, 914L, 0L, 0L, 0L, 0L, 272L, 374L, 52L, 87L, 0L, null, 0L, 0L, "table", 10);
        C2cAccess a00 = new C2cAccess(0, 0, 0x0, "0", 1L, 1234L, null, "0x55c8971ed3e9", 0.0, 12.30, null, null,
                0.0, 0.0, 0.0, 0.0, 1313.0, 863.0, 1222L, 3L, "0x00000000000013e9", ".", "false_sharing.exe",
                "false_sharing.exe[13e9]", "0", null, null, 21);
        C2cAccess a01 = new C2cAccess(0, 1, 0x20, "0", 1L, 1234L, null, "0x55c8971ed447", 0.0, 86.90, null, null,
                0.0, 0.0, 0.0, null, 141.0, 103.0, 1131L, 2L, "worker", "k", "[kernel.vmlinux]",
                "atomic64_64.h:39", "0 1", null, null, 22);
        C2cAccess a10 = new C2cAccess(1, 0, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 26);
        List<C2cSummaryEntry> summary = List.of(
                new C2cSummaryEntry("Trace Event Information", "Load Local HITM", "5926", 5926.0, 14),
                new C2cSummaryEntry("c2c details", "Cachelines sort on", "Total HITMs", null, 53));
        List<C2cCallgraphLine> callgraph = List.of(new C2cCallgraphLine(0, 1, 0, "---worker", 23));
        return new C2cCapture("fs.c2c.txt", "table-6.x", ">=6.0", "hitm", 30, 20, 8, 2, List.of(17, 23),
                List.of(l0, l1), List.of(a00, a01, a10), summary, callgraph);
    }

    @Test
    void namesTablesAndColumnsAsTheSqlContract() {
        assertEquals(List.of("captures", "c2c_lines", "c2c_accesses", "c2c_summary", "c2c_callgraph"),
                List.copyOf(C2cSchemas.TABLES.keySet()));
        assertEquals("capture_id path kind format_variant perf_version metric lines_read lines_used "
                + "lines_structural lines_skipped skipped_line_nos sha256 warnings", columns("captures"));
        assertEquals("capture_id line_index address node pa_count hitm_pct peer_pct tot_hitm lcl_hitm rmt_hitm "
                + "tot_peer lcl_peer rmt_peer total_records loads stores store_l1hit store_l1miss store_na "
                + "ld_fbhit ld_l1hit ld_l2hit ld_llchit ld_rmthit ld_llcmiss dram_lcl dram_rmt source "
                + "source_line_no", columns("c2c_lines"));
        assertEquals("capture_id line_index row_in_line offset offset_node pa_count pid tid code_address "
                + "rmt_hitm_pct lcl_hitm_pct rmt_peer_pct lcl_peer_pct store_l1hit_pct store_l1miss_pct "
                + "store_na_pct cycles_rmt cycles_lcl cycles_load tot_peer_pct cycles_peer total_records cpu_count symbol privilege "
                + "object source_line nodes source_line_no", columns("c2c_accesses"));
        assertEquals("capture_id section key value value_num source_line_no", columns("c2c_summary"));
        assertEquals("capture_id line_index row_in_line seq text source_line_no", columns("c2c_callgraph"));
    }

    @Test
    void rejectsUnknownTableNameListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HitmapTables.schema("lines"));
        assertEquals("unknown table \"lines\", expected one of [captures, c2c_lines, c2c_accesses, c2c_summary, "
                + "c2c_callgraph, profile_sections, profile_entries, profile_callchains, machine, machine_header, "
                + "samples, sample_stacks]", e.getMessage());
    }

    @Test
    void writesOneRowPerRecordInFixedTableOrder() {
        try (CaptureTables t = C2cToArrow.convert(allocator, 7, hitmCapture())) {
            assertEquals(List.copyOf(C2cSchemas.TABLES.keySet()), List.copyOf(t.tables().keySet()));
            assertEquals(7, t.captureId());
            assertEquals(1, t.table("captures").getRowCount());
            assertEquals(2, t.table("c2c_lines").getRowCount());
            assertEquals(3, t.table("c2c_accesses").getRowCount());
            assertEquals(2, t.table("c2c_summary").getRowCount());
            assertEquals(1, t.table("c2c_callgraph").getRowCount());
            for (VectorSchemaRoot root : t.tables().values()) {
                IntVector ids = (IntVector) root.getVector("capture_id");
                for (int i = 0; i < root.getRowCount(); i++) {
                    assertEquals(7, ids.get(i));
                }
            }
        }
    }

    @Test
    void writesCaptureAccountingAndSkippedLineNumbers() {
        try (CaptureTables t = C2cToArrow.convert(allocator, 1, hitmCapture())) {
            VectorSchemaRoot c = t.table("captures");
            assertEquals("fs.c2c.txt", text(c, "path", 0));
            assertEquals("c2c", text(c, "kind", 0));
            assertEquals("table-6.x", text(c, "format_variant", 0));
            assertEquals(">=6.0", text(c, "perf_version", 0));
            assertEquals("hitm", text(c, "metric", 0));
            assertEquals(30L, ((BigIntVector) c.getVector("lines_read")).get(0));
            assertEquals(20L, ((BigIntVector) c.getVector("lines_used")).get(0));
            assertEquals(8L, ((BigIntVector) c.getVector("lines_structural")).get(0));
            assertEquals(2L, ((BigIntVector) c.getVector("lines_skipped")).get(0));
            assertEquals("17,23", text(c, "skipped_line_nos", 0));
        }
    }

    @Test
    void writesNullForAbsentValues() {
        try (CaptureTables t = C2cToArrow.convert(allocator, 1, hitmCapture())) {
            VectorSchemaRoot lines = t.table("c2c_lines");
            assertEquals(252L, ((BigIntVector) lines.getVector("tot_hitm")).get(0));
            assertEquals(66.14, ((Float8Vector) lines.getVector("hitm_pct")).get(0));
            assertTrue(lines.getVector("tot_peer").isNull(0), "no Peer column in a HITM capture");
            assertTrue(lines.getVector("peer_pct").isNull(1));
            assertTrue(lines.getVector("node").isNull(1));
            assertEquals("0", text(lines, "node", 0));
            assertEquals("table", text(lines, "source", 1));
            assertEquals(10, ((IntVector) lines.getVector("source_line_no")).get(1));

            VectorSchemaRoot acc = t.table("c2c_accesses");
            assertEquals(0x20, ((IntVector) acc.getVector("offset")).get(1));
            assertEquals("worker", text(acc, "symbol", 1));
            assertEquals("k", text(acc, "privilege", 1));
            assertEquals("0 1", text(acc, "nodes", 1));
            assertEquals(86.90, ((Float8Vector) acc.getVector("lcl_hitm_pct")).get(1));
            assertTrue(acc.getVector("cycles_rmt").isNull(1));
            assertEquals(0.0, ((Float8Vector) acc.getVector("store_na_pct")).get(1));
            assertTrue(acc.getVector("tid").isNull(0));
            for (int col = 3; col < acc.getFieldVectors().size() - 1; col++) {
                assertTrue(acc.getVector(col).isNull(2), "row 2 is all null except keys: " + acc.getVector(col));
            }
            assertEquals(26, ((IntVector) acc.getVector("source_line_no")).get(2));

            VectorSchemaRoot sum = t.table("c2c_summary");
            assertEquals(5926.0, ((Float8Vector) sum.getVector("value_num")).get(0));
            assertTrue(sum.getVector("value_num").isNull(1), "text value has no number");
            assertEquals("Total HITMs", text(sum, "value", 1));
        }
    }

    @Test
    void writesEmptyTablesAndNullSkippedListForACleanCapture() {
        C2cCapture c = new C2cCapture("p.c2c.txt", "pareto-only", null, "peer", 3, 1, 2, 0, List.of(),
                List.of(), List.of(), List.of(), List.of());
        try (CaptureTables t = C2cToArrow.convert(allocator, 2, c)) {
            assertTrue(t.table("captures").getVector("skipped_line_nos").isNull(0));
            assertTrue(t.table("captures").getVector("perf_version").isNull(0));
            assertEquals(0, t.table("c2c_lines").getRowCount());
            assertEquals(0, t.table("c2c_callgraph").getRowCount());
            assertEquals(HitmapTables.schema("c2c_lines"), t.table("c2c_lines").getSchema());
        }
    }

    @Test
    void growsVectorsPastTheirDefaultCapacity() {
        List<C2cLine> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Long hitm = i % 2 == 0 ? (long) i : null;
            lines.add(new C2cLine(i, "0x" + Integer.toHexString(i * 64), null, null, null, null, hitm, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, "pareto", i + 1));
        }
        C2cCapture c = new C2cCapture("big", "pareto-only", null, "hitm", 5000, 5000, 0, 0, List.of(),
                lines, List.of(), List.of(), List.of());
        try (CaptureTables t = C2cToArrow.convert(allocator, 1, c)) {
            VectorSchemaRoot root = t.table("c2c_lines");
            assertEquals(5000, root.getRowCount());
            assertEquals(4998L, ((BigIntVector) root.getVector("tot_hitm")).get(4998));
            assertTrue(root.getVector("tot_hitm").isNull(4999));
            assertEquals("0x4e1c0", text(root, "address", 4999));
            assertFalse(root.getVector("source").isNull(4999));
        }
    }

    private static String columns(String table) {
        return String.join(" ", HitmapTables.schema(table).getFields().stream().map(Field::getName).toList());
    }

    private static String text(VectorSchemaRoot root, String column, int row) {
        VarCharVector v = (VarCharVector) root.getVector(column);
        return v.isNull(row) ? null : v.getObject(row).toString();
    }
}
