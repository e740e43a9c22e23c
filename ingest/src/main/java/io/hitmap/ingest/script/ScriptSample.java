// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import java.util.List;

/**
 * One {@code perf script} sample: its header line's fields and its frames, leaf first. A field
 * is null when perf did not print it (the {@code -F} field set left it out).
 */
public record ScriptSample(
        /** 0-based position among the samples kept, in file order. */
        long sampleNo,
        String comm,
        /** Only with {@code pid/tid} (perf prints the tid alone by default). */
        Integer pid,
        Integer tid,
        Integer cpu,
        /** Seconds as printed ({@code 971.966939}). */
        Double time,
        /** Without the final colon: {@code cpu-clock:ppp}. */
        String event,
        Long period,
        /** Text after the event that is not a frame (eg, a tracepoint's fields); null when none. */
        String trailing,
        int sourceLineNo,
        /** The frames, shared with every sample that printed the same ones on the same relative lines. */
        ScriptStack stack) {

    /** The frames with their line numbers; depth 0 is the leaf, the first frame printed. */
    public List<ScriptFrame> frames() {
        return stack.frames(sourceLineNo);
    }
}
