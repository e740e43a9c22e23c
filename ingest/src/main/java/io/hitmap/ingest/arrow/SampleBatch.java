// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.script.ScriptFrame;
import io.hitmap.ingest.script.ScriptSample;
import io.hitmap.ingest.script.ScriptStack;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Samples -> rows of {@code samples} and {@code sample_stacks} in two VectorSchemaRoots that are
 * filled, handed to a {@link TableSink} and refilled, so a capture of any size needs the memory
 * of one batch. A stack's frames are written with the first sample that has its id (the parser
 * numbers distinct stacks in order of first appearance); later samples only refer to the id.
 */
final class SampleBatch implements AutoCloseable {
    static final int MAX_SAMPLES = 8192;
    static final int MAX_STACK_ROWS = 1 << 17;

    private final int captureId;
    private final TableSink sink;
    private final VectorSchemaRoot samples;
    private final VectorSchemaRoot stacks;
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
    private final IntVector sStack;
    private final IntVector fCapture;
    private final IntVector fStack;
    private final IntVector fDepth;
    private final VarCharVector fAddress;
    private final VarCharVector fSymbol;
    private final BigIntVector fOffset;
    private final VarCharVector fDso;
    private final IntVector fLine;
    private int sampleRows;
    private int stackRows;
    private int nextStackId;

    SampleBatch(BufferAllocator a, int captureId, TableSink sink) {
        this.captureId = captureId;
        this.sink = sink;
        samples = VectorSchemaRoot.create(HitmapTables.schema(ScriptSchemas.SAMPLES), a);
        stacks = VectorSchemaRoot.create(HitmapTables.schema(ScriptSchemas.STACKS), a);
        try {
            samples.allocateNew();
            stacks.allocateNew();
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
        sStack = (IntVector) samples.getVector("stack_id");
        fCapture = (IntVector) stacks.getVector("capture_id");
        fStack = (IntVector) stacks.getVector("stack_id");
        fDepth = (IntVector) stacks.getVector("depth");
        fAddress = (VarCharVector) stacks.getVector("address");
        fSymbol = (VarCharVector) stacks.getVector("symbol");
        fOffset = (BigIntVector) stacks.getVector("sym_offset");
        fDso = (VarCharVector) stacks.getVector("dso");
        fLine = (IntVector) stacks.getVector("line_in_sample");
    }

    /** Adds one sample, and its stack's frames when the stack is new; sends both tables when the batch is full. */
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
        ScriptStack stack = s.stack();
        sFrames.setSafe(i, stack.size());
        text(sTrailing, i, s.trailing());
        sLine.setSafe(i, s.sourceLineNo());
        sStack.setSafe(i, stack.id());
        if (stack.id() == nextStackId) {
            nextStackId++;
            for (int d = 0; d < stack.size(); d++) {
                ScriptFrame f = stack.frame(d);
                int j = stackRows++;
                fCapture.setSafe(j, captureId);
                fStack.setSafe(j, stack.id());
                fDepth.setSafe(j, d);
                text(fAddress, j, f.address());
                text(fSymbol, j, f.symbol());
                if (f.symOffset() == null) fOffset.setNull(j); else fOffset.setSafe(j, f.symOffset());
                text(fDso, j, f.dso());
                fLine.setSafe(j, stack.lineInSample(d));
            }
        } else if (stack.id() > nextStackId) {
            throw new IllegalStateException("stack " + stack.id() + " before stack " + nextStackId);
        }
        if (sampleRows >= MAX_SAMPLES || stackRows >= MAX_STACK_ROWS) {
            flush();
        }
    }

    /** Sends what the batch holds (nothing when it is empty) and empties it. */
    void flush() throws SQLException {
        if (sampleRows == 0) {
            return;
        }
        samples.setRowCount(sampleRows);
        stacks.setRowCount(stackRows);
        if (stackRows > 0) {
            sink.accept(ScriptSchemas.STACKS, stacks);
        }
        sink.accept(ScriptSchemas.SAMPLES, samples);
        // reset keeps the buffers: the next batch writes over them without allocating
        samples.getFieldVectors().forEach(FieldVector::reset);
        stacks.getFieldVectors().forEach(FieldVector::reset);
        sampleRows = 0;
        stackRows = 0;
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
        stacks.close();
    }
}
