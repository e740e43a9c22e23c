// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.script.PerfScriptParser;
import io.hitmap.ingest.script.ScriptSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A {@code perf script} file -> the {@code samples} and {@code sample_stacks} tables (which the
 * {@code sample_frames} view joins), streamed:
 * the parser fills a {@link SampleBatch} of a few thousand samples, the batch goes to the sink,
 * and so on to the end of the file; the {@code captures} row comes last, when the line counts and
 * the SHA-256 are known. A parse error can therefore surface after batches were sent: the caller
 * ({@code HitmapDb.insertCaptures}) writes in a transaction and rolls back.
 */
public final class ScriptToArrow extends TextStream<ScriptSummary> {
    private static final RowsToArrow.Columns<ScriptSummary> CAPTURE = new RowsToArrow.Columns<ScriptSummary>()
            .put("path", ScriptSummary::path)
            .put("kind", s -> "perf-script")
            .put("format_variant", ScriptSummary::formatVariant)
            .put("perf_version", s -> null)
            .put("metric", s -> null)
            .put("lines_read", ScriptSummary::linesRead)
            .put("lines_used", ScriptSummary::linesUsed)
            .put("lines_structural", ScriptSummary::linesStructural)
            .put("lines_skipped", ScriptSummary::linesSkipped)
            .put("skipped_line_nos", s -> RowsToArrow.joined(s.skippedLineNos()))
            .put("sha256", ScriptSummary::sha256)
            .put("warnings", s -> s.warnings().isEmpty() ? null : String.join("\n", s.warnings()));

    private long cacheBytes = PerfScriptParser.DEFAULT_CACHE_BYTES;

    private ScriptToArrow(String path, CaptureText text, boolean lenient) {
        super(path, text, lenient);
    }

    /** A file, opened when written; {@code sha256} is its digest if computed beforehand, else null. */
    public static ScriptToArrow of(Path file, boolean lenient, String sha256) {
        return new ScriptToArrow(file.toString(), CaptureText.of(file, sha256), lenient);
    }

    /** Text already open (standard input can be opened only once); read when written, then closed. */
    public static ScriptToArrow of(String path, PerfText text, boolean lenient) {
        return new ScriptToArrow(path, CaptureText.of(text), lenient);
    }

    /**
     * Sets the heap the parser's frame and stack caches may hold before they are cleared
     * ({@link PerfScriptParser#DEFAULT_CACHE_BYTES}); the rows are the same, only stored in more
     * stacks when it is small. For tests and benchmarks.
     */
    public ScriptToArrow cacheBytes(long bytes) {
        this.cacheBytes = bytes;
        return this;
    }

    @Override
    public void write(BufferAllocator a, int captureId, TableSink sink)
            throws IOException, PerfParseException, SQLException {
        try (PerfText in = text.open();
             SampleBatch batch = new SampleBatch(a, captureId, sink)) {
            ScriptSummary s = PerfScriptParser.parse(path, in, lenient, cacheBytes, batch::add);
            batch.flush();
            text.requireUnchanged(path, s.sha256());
            summarized(s);
            try (VectorSchemaRoot row = RowsToArrow.fill(a, C2cSchemas.CAPTURES, captureId, List.of(s), CAPTURE)) {
                sink.accept(C2cSchemas.CAPTURES, row);
            }
        } catch (IOException e) {
            throw CaptureText.named(path, e);
        }
    }
}
