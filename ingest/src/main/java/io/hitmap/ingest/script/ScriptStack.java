// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import java.util.Arrays;
import java.util.List;

/**
 * The call chain of a sample as printed: its frames, leaf first, and the line each was printed
 * on, counted from the sample's header line (0: the header line itself, as without call chains;
 * then 1, 2, ... for the tab-indented lines under it, more when mail broke a line in two). Samples
 * that print the same frames on the same relative lines share one {@code ScriptStack}.
 *
 * <p>{@link #id} numbers the distinct stacks of one parse 0, 1, 2, ... in the order they first
 * appear, and a stack's first sample reaches the sink before any later sample with that id. To
 * keep memory bounded the parser forgets the stacks it has seen when its cache is full: a stack
 * seen again after that gets a new id, so two ids may hold the same frames.
 */
public final class ScriptStack {
    private final int id;
    // frames without a line number (sourceLineNo 0), shared with the parser's frame cache
    private final ScriptFrame[] frames;
    private final int[] lineInSample;
    private final int hash;

    ScriptStack(int id, ScriptFrame[] frames, int[] lineInSample, int hash) {
        this.id = id;
        this.frames = frames;
        this.lineInSample = lineInSample;
        this.hash = hash;
    }

    /** The hash of a stack is built frame by frame, leaf first, from 0: of the frame's hashCode and line. */
    static int hashStep(int h, int frameHash, int lineInSample) {
        return 31 * (31 * h + frameHash) + lineInSample;
    }

    ScriptStack withId(int newId) {
        return new ScriptStack(newId, frames, lineInSample, hash);
    }

    /** 0, 1, 2, ... within one parse, in order of first appearance. */
    public int id() {
        return id;
    }

    /** The number of frames; 0 when perf printed none ({@code -F} without ip). */
    public int size() {
        return frames.length;
    }

    /** The frame at {@code depth} (0 = the leaf) with {@code sourceLineNo} 0: see {@link #lineInSample}. */
    public ScriptFrame frame(int depth) {
        return frames[depth];
    }

    /** The frame's line minus the sample's header line. */
    public int lineInSample(int depth) {
        return lineInSample[depth];
    }

    /** The frames with their line numbers in the file, for a sample whose header is on {@code headerLine}. */
    public List<ScriptFrame> frames(int headerLine) {
        ScriptFrame[] out = new ScriptFrame[frames.length];
        for (int i = 0; i < out.length; i++) {
            ScriptFrame f = frames[i];
            out[i] = new ScriptFrame(f.address(), f.symbol(), f.symOffset(), f.dso(), headerLine + lineInSample[i]);
        }
        return List.of(out);
    }

    /** Same frames on the same relative lines (the id is not compared). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScriptStack s) || s.hash != hash || !Arrays.equals(s.lineInSample, lineInSample)) {
            return false;
        }
        for (int i = 0; i < frames.length; i++) {
            if (s.frames[i] != frames[i] && !s.frames[i].equals(frames[i])) { // usually the same cached frame
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ScriptStack[id=" + id + ", frames=" + frames(0) + "]";
    }
}
