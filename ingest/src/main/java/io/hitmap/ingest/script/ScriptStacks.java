// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Builds each sample's {@link ScriptStack} and stores each distinct one once, with two caches:
 * frame line text -> parsed frame (a frame line that was seen before is not parsed again) and
 * stack -> the stack with its id. Both are bounded by an estimate of the heap they hold
 * ({@link #DEFAULT_CACHE_BYTES} in all); when one is full it is cleared and filling starts over.
 * Clearing the frames clears the stacks too, so no stack keeps a frame the cache has let go, and
 * the memory held is at most the bound whatever the size of the input. A stack seen again after a
 * clear gets a new id: still correct, only stored twice.
 */
final class ScriptStacks {
    /** Heap the two caches may hold together, estimated; a quarter of it goes to frames. */
    static final long DEFAULT_CACHE_BYTES = 32L << 20;
    // estimated heap of a cached frame line besides its characters: the key String, the frame,
    // its address, symbol and dso Strings, a Long offset, the map entry
    private static final int FRAME_OVERHEAD = 7 * 40;
    // estimated heap of a cached stack besides 8 bytes a frame: the stack, two arrays, the map entry
    private static final int STACK_OVERHEAD = 128;
    private static final int[] NO_LINES = {};
    private static final ScriptFrame[] NO_FRAMES = {};

    private final long maxFrameBytes;
    private final long maxStackBytes;
    private final HashMap<String, ScriptFrame> frameByLine = new HashMap<>();
    private final HashMap<ScriptStack, ScriptStack> stacks = new HashMap<>();
    private long frameBytes;
    private long stackBytes;
    private int nextId;
    private int clears;
    // the stack of the sample being read
    private ScriptFrame[] frames = new ScriptFrame[64];
    private int[] lines = new int[64];
    private int size;

    ScriptStacks(long cacheBytes) {
        maxFrameBytes = cacheBytes / 4;
        maxStackBytes = cacheBytes - maxFrameBytes;
    }

    /** The frame parsed before from the same line text, or null. */
    ScriptFrame cached(String line) {
        return frameByLine.get(line);
    }

    /** Caches the frame (sourceLineNo 0) parsed from {@code line}. */
    void cache(String line, ScriptFrame frame) {
        long bytes = FRAME_OVERHEAD + 2L * line.length();
        if (frameBytes + bytes > maxFrameBytes && !frameByLine.isEmpty()) {
            frameByLine.clear();
            frameBytes = 0;
            clearStacks();
        }
        frameByLine.put(line, frame);
        frameBytes += bytes;
    }

    /** Appends a frame (sourceLineNo 0) to the current sample's stack. */
    void add(ScriptFrame frame, int lineInSample) {
        if (size == frames.length) {
            frames = Arrays.copyOf(frames, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        frames[size] = frame;
        lines[size++] = lineInSample;
    }

    /** Frames added since the last {@link #take} or {@link #drop}. */
    int size() {
        return size;
    }

    /** The current sample's stack: the one stored before with the same frames and lines, else a new one. */
    ScriptStack take() {
        int h = ScriptStack.hash(frames, lines, size);
        ScriptStack probe = new ScriptStack(-1, size == 0 ? NO_FRAMES : Arrays.copyOf(frames, size),
                size == 0 ? NO_LINES : Arrays.copyOf(lines, size), h);
        drop();
        ScriptStack known = stacks.get(probe);
        if (known != null) {
            return known;
        }
        ScriptStack s = probe.withId(nextId++);
        long bytes = STACK_OVERHEAD + 8L * s.size();
        if (stackBytes + bytes > maxStackBytes && !stacks.isEmpty()) {
            clearStacks();
        }
        stacks.put(s, s);
        stackBytes += bytes;
        return s;
    }

    /** Forgets the current sample's frames (a sample skipped under --lenient). */
    void drop() {
        Arrays.fill(frames, 0, size, null);
        size = 0;
    }

    /** How many times a cache was full and cleared (for tests and benchmarks). */
    int clears() {
        return clears;
    }

    private void clearStacks() {
        stacks.clear();
        stackBytes = 0;
        clears++;
    }
}
