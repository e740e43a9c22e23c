// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cReportParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * c2c files streamed in small batches -> the same rows, table by table and in the same order, as
 * the capture parsed into memory and converted at once; no batch over its size.
 */
class C2cStreamTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    private static final int BATCH = 16;
    private BufferAllocator allocator;

    @TempDir
    Path tmp;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        assertEquals(0, allocator.getAllocatedMemory(), "every vector was released");
        allocator.close();
    }

    static Stream<Path> allC2cTraces() throws IOException {
        return Files.list(TRACES).filter(p -> p.getFileName().toString().endsWith(".c2c.txt")).sorted();
    }

    /** Table -> its rows as TSV (header dropped), batch after batch, and the largest batch seen. */
    private record Sent(Map<String, StringBuilder> rows, Map<String, Integer> largest) {
        static Sent of() {
            return new Sent(new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        void add(String table, VectorSchemaRoot batch) {
            String tsv = batch.contentToTSVString();
            rows.computeIfAbsent(table, t -> new StringBuilder()).append(tsv, tsv.indexOf('\n') + 1, tsv.length());
            largest.merge(table, batch.getRowCount(), Math::max);
        }

        String rows(String table) {
            return rows.getOrDefault(table, new StringBuilder()).toString();
        }
    }

    @ParameterizedTest
    @MethodSource("allC2cTraces")
    void streamsTheRowsTheInMemoryParseConverts(Path file) throws Exception {
        Sent streamed = Sent.of();
        C2cStream stream = C2cToArrow.stream(file, true, BATCH);
        stream.write(allocator, 7, streamed::add);
        C2cCapture parsed = C2cReportParser.parse(file, true);
        Sent converted = Sent.of();
        try (CaptureTables tables = C2cToArrow.convert(allocator, 7, parsed)) {
            tables.tables().forEach(converted::add);
        }
        for (String table : C2cSchemas.TABLES.keySet()) {
            assertEquals(converted.rows(table), streamed.rows(table), file.getFileName() + " " + table);
            assertTrue(streamed.largest().getOrDefault(table, 0) <= BATCH, table);
        }
        assertEquals(parsed.parseSummary(), stream.summary());
        assertEquals(parsed.sha256(), stream.sha256());
    }

    @Test
    void sendsEveryTableRowOfTheWillItScaleCaptureInBatches() throws Exception {
        // sample-traces/will-it-scale-mmap-5.13-intel-new.c2c.txt: 120 rows in its Shared Data Cache
        // Line Table (lines 62-189), then Pareto blocks for some of them
        Sent streamed = Sent.of();
        C2cStream stream = C2cToArrow.stream(TRACES.resolve("will-it-scale-mmap-5.13-intel-new.c2c.txt"), false, BATCH);
        stream.write(allocator, 1, streamed::add);
        assertEquals(120, streamed.rows(C2cSchemas.LINES).lines().count());
        assertEquals(120, stream.summary().lineCount());
        assertEquals(BATCH, streamed.largest().get(C2cSchemas.LINES));
    }

    @Test
    void failsAtTheBadLineAfterSendingTheRowsBeforeIt() throws IOException {
        // table row 100 (file line 168) renumbered 99, the index of the row above it
        Path file = Files.writeString(tmp.resolve("edited.c2c.txt"), Files.readString(
                TRACES.resolve("will-it-scale-mmap-5.13-intel-new.c2c.txt")).replaceFirst("\\n(\\s+)100(\\s+0x)", "\n$1 99$2"));
        Sent streamed = Sent.of();
        PerfParseException e = assertThrows(PerfParseException.class,
                () -> C2cToArrow.stream(file, false, BATCH).write(allocator, 1, streamed::add));
        assertEquals(file + ":168: expected a new cacheline index, found 99 again (first on line 167); are two reports"
                + " in one file? split them, or pass --lenient", e.getMessage());
        assertEquals(96, streamed.rows(C2cSchemas.LINES).lines().count(), "the 6 full batches of rows 0-95");
        assertEquals(List.of(), List.of(streamed.rows(C2cSchemas.CAPTURES)).stream().filter(r -> !r.isEmpty()).toList(),
                "no captures row for a failed parse");
    }

    @Test
    void failsWhenTheFileChangedSinceItWasHashed() throws IOException {
        Path file = Files.copy(TRACES.resolve("overlayfs-creds-before.c2c.txt"), tmp.resolve("before.c2c.txt"));
        IOException e = assertThrows(IOException.class, () -> C2cToArrow.stream(file, false, "0".repeat(64))
                .write(allocator, 1, (table, batch) -> { }));
        assertEquals(file + ": changed while it was read (its SHA-256 differs from the first read)", e.getMessage());
    }
}
