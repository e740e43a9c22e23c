// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.script.ScriptFrame;
import io.hitmap.ingest.script.ScriptSample;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Samples -> rows of {@code samples} and {@code sample_frames} in two VectorSchemaRoots that are
 * filled, handed to a {@link TableSink} and refilled, so a capture of any size needs the memory
 * of one batch.
 */
final class SampleBatch implements AutoCloseable {
    static final int MAX_SAMPLES = 8192;
    static final int MAX_FRAMES = 1 << 17;

    private final int captureId;
    private final TableSink sink;
    private final VectorSchemaRoot samples;
    private final VectorSchemaRoot frames;
    private final IntVector sCapture;
    private final IntVector sNo;
    private final VarCharVector sComm;
    private final IntVector sPid;
    private final IntVector sTid;
    private final IntVector sCpu;
    private final Float8Vector sTime;
    private final VarCharVector sEvent;
    private final BigIntVector sPeriod;
    private final IntVector sFrames;
    private final VarCharVector sTrailing;
    private final IntVector sLine;
    private final IntVector fCapture;
    private final IntVector fNo;
    private final IntVector fDepth;
    private final VarCharVector fAddress;
    private final VarCharVector fSymbol;
    private final BigIntVector fOffset;
    private final VarCharVector fDso;
    private final IntVector fLine;
    private int sampleRows;
    private int frameRows;

    SampleBatch(BufferAllocator a, int captureId, TableSink sink) {
        this.captureId = captureId;
        this.sink = sink;
        samples = VectorSchemaRoot.create(HitmapTables.schema(ScriptSchemas.SAMPLES), a);
        frames = VectorSchemaRoot.create(HitmapTables.schema(ScriptSchemas.FRAMES), a);
        try {
            samples.allocateNew();
            frames.allocateNew();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        sCapture = (IntVector) samples.getVector("capture_id");
        sNo = (IntVector) samples.getVector("sample_no");
        sComm = (VarCharVector) samples.getVector("comm");
        sPid = (IntVector) samples.getVector("pid");
        sTid = (IntVector) samples.getVector("tid");
        sCpu = (IntVector) samples.getVector("cpu");
        sTime = (Float8Vector) samples.getVector("time");
        sEvent = (VarCharVector) samples.getVector("event");
        sPeriod = (BigIntVector) samples.getVector("period");
        sFrames = (IntVector) samples.getVector("frames");
        sTrailing = (VarCharVector) samples.getVector("trailing");
        sLine = (IntVector) samples.getVector("source_line_no");
        fCapture = (IntVector) frames.getVector("capture_id");
        fNo = (IntVector) frames.getVector("sample_no");
        fDepth = (IntVector) frames.getVector("depth");
        fAddress = (VarCharVector) frames.getVector("address");
        fSymbol = (VarCharVector) frames.getVector("symbol");
        fOffset = (BigIntVector) frames.getVector("sym_offset");
        fDso = (VarCharVector) frames.getVector("dso");
        fLine = (IntVector) frames.getVector("source_line_no");
    }

    /** Adds one sample and its frames; sends both tables when the batch is full. */
    void add(ScriptSample s) throws SQLException {
        int i = sampleRows++;
        int no = Math.toIntExact(s.sampleNo());
        sCapture.setSafe(i, captureId);
        sNo.setSafe(i, no);
        text(sComm, i, s.comm());
        integer(sPid, i, s.pid());
        integer(sTid, i, s.tid());
        integer(sCpu, i, s.cpu());
        if (s.time() == null) sTime.setNull(i); else sTime.setSafe(i, s.time());
        text(sEvent, i, s.event());
        if (s.period() == null) sPeriod.setNull(i); else sPeriod.setSafe(i, s.period());
        List<ScriptFrame> fs = s.frames();
        sFrames.setSafe(i, fs.size());
        text(sTrailing, i, s.trailing());
        sLine.setSafe(i, s.sourceLineNo());
        for (int d = 0; d < fs.size(); d++) {
            ScriptFrame f = fs.get(d);
            int j = frameRows++;
            fCapture.setSafe(j, captureId);
            fNo.setSafe(j, no);
            fDepth.setSafe(j, d);
            text(fAddress, j, f.address());
            text(fSymbol, j, f.symbol());
            if (f.symOffset() == null) fOffset.setNull(j); else fOffset.setSafe(j, f.symOffset());
            text(fDso, j, f.dso());
            fLine.setSafe(j, f.sourceLineNo());
        }
        if (sampleRows >= MAX_SAMPLES || frameRows >= MAX_FRAMES) {
            flush();
        }
    }

    /** Sends what the batch holds (nothing when it is empty) and empties it. */
    void flush() throws SQLException {
        if (sampleRows == 0) {
            return;
        }
        samples.setRowCount(sampleRows);
        frames.setRowCount(frameRows);
        sink.accept(ScriptSchemas.SAMPLES, samples);
        sink.accept(ScriptSchemas.FRAMES, frames);
        // reset keeps the buffers: the next batch writes over them without allocating
        samples.getFieldVectors().forEach(FieldVector::reset);
        frames.getFieldVectors().forEach(FieldVector::reset);
        sampleRows = 0;
        frameRows = 0;
    }

    private static void text(VarCharVector v, int i, String s) {
        if (s == null) {
            v.setNull(i);
        } else {
            v.setSafe(i, s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void integer(IntVector v, int i, Integer x) {
        if (x == null) {
            v.setNull(i);
        } else {
            v.setSafe(i, x);
        }
    }

    @Override
    public void close() {
        samples.close();
        frames.close();
    }
}
