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
 *
 * <p>Both caches are open-addressing tables, built for the 6.5 M frame lines and 578 K samples of
 * a 500 MB file (BENCHMARKS.md). A frame line is hashed on its length and first
 * {@link #HASHED_CHARS} characters (indentation and address) only, and {@link String#equals}
 * decides: hashing every character with {@link String#hashCode} cost more than the lookups. Each
 * cached frame gets a number, and a stack's key is an {@code int[]} of frame numbers and lines, so
 * looking a stack up compares two int arrays instead of following a pointer per frame.
 */
final class ScriptStacks {
    /** Heap the two caches may hold together, estimated; a quarter of it goes to frames. */
    static final long DEFAULT_CACHE_BYTES = 32L << 20;
    // estimated heap of a cached frame line besides its characters: the key String, the frame,
    // its address, symbol and dso Strings, a Long offset, the table slots at half load
    private static final int FRAME_OVERHEAD = 8 * 40;
    // estimated heap of a cached stack besides 16 bytes a frame (key, frames, lines): the stack,
    // three array headers, the table slots at half load
    private static final int STACK_OVERHEAD = 160;
    private static final int HASHED_CHARS = 20;

    private final long maxFrameBytes;
    private final long maxStackBytes;
    private long frameBytes;
    private long stackBytes;
    private int nextId;
    private int clears;

    // frame cache: line text -> frame number; frames by number (line frames and header frames)
    private String[] lines = new String[1024];
    private int[] lineFrameNos = new int[1024];
    private int lineCount;
    private final HashMap<ScriptFrame, Integer> otherFrameNos = new HashMap<>();
    private ScriptFrame[] frameByNo = new ScriptFrame[512];
    private int frameCount;
    // where the last addCached looked: the slot to fill if it missed
    private int slot;

    // stack cache: key (frame number, line in sample, ...) -> stack
    private int[][] stackKeys = new int[1024][];
    private int[] stackHashes = new int[1024];
    private ScriptStack[] stackValues = new ScriptStack[1024];
    private int stackCount;

    // the key of the sample being read
    private int[] key = new int[128];
    private int size;
    private int hash;

    ScriptStacks(long cacheBytes) {
        maxFrameBytes = cacheBytes / 4;
        maxStackBytes = cacheBytes - maxFrameBytes;
    }

    /**
     * Appends the frame parsed before from the same line text to the current sample's stack and
     * returns true; false when the line was not seen (parse it, then {@link #addNew}).
     */
    boolean addCached(String line, int lineInSample) {
        int mask = lines.length - 1;
        int i = lineHash(line) & mask;
        String k;
        while ((k = lines[i]) != null) {
            if (k.equals(line)) {
                add(lineFrameNos[i], lineInSample);
                return true;
            }
            i = (i + 1) & mask;
        }
        slot = i;
        return false;
    }

    /** Caches the frame (sourceLineNo 0) parsed from the line {@link #addCached} did not find, and appends it. */
    void addNew(String line, ScriptFrame frame, int lineInSample) {
        if (!roomForFrame(line.length())) {
            slot = lineHash(line) & (lines.length - 1);
        }
        int no = number(frame);
        lines[slot] = line;
        lineFrameNos[slot] = no;
        if (++lineCount * 2 > lines.length) {
            growLines();
        }
        add(no, lineInSample);
    }

    /** Appends a frame (sourceLineNo 0) that is not from a frame line, eg, the one on a header line. */
    void add(ScriptFrame frame, int lineInSample) {
        Integer no = otherFrameNos.get(frame);
        if (no == null) {
            roomForFrame(0);
            no = number(frame);
            otherFrameNos.put(frame, no);
        }
        add(no, lineInSample);
    }

    /** Frames added since the last {@link #take} or {@link #drop}. */
    int size() {
        return size / 2;
    }

    /** The current sample's stack: the one stored before with the same frames and lines, else a new one. */
    ScriptStack take() {
        int n = size;
        int h = hash;
        drop();
        int mask = stackKeys.length - 1;
        int i = mix(h) & mask;
        int[] k;
        while ((k = stackKeys[i]) != null) {
            if (stackHashes[i] == h && Arrays.equals(k, 0, k.length, key, 0, n)) {
                return stackValues[i];
            }
            i = (i + 1) & mask;
        }
        ScriptStack s = newStack(n);
        long bytes = STACK_OVERHEAD + 8L * n;
        if (stackBytes + bytes > maxStackBytes && stackCount > 0) {
            clearStacks();
            i = mix(h) & (stackKeys.length - 1);
        }
        stackKeys[i] = Arrays.copyOf(key, n);
        stackHashes[i] = h;
        stackValues[i] = s;
        stackBytes += bytes;
        if (++stackCount * 2 > stackKeys.length) {
            growStacks();
        }
        return s;
    }

    /** Forgets the current sample's frames (a sample skipped under --lenient). */
    void drop() {
        size = 0;
        hash = 0;
    }

    /** How many times the stacks were forgotten because a cache was full (for tests and benchmarks). */
    int clears() {
        return clears;
    }

    /** The heap the caches hold now, by the estimate they are bounded by (for tests). */
    long heldBytes() {
        return frameBytes + stackBytes;
    }

    private void add(int frameNo, int lineInSample) {
        if (size + 2 > key.length) {
            key = Arrays.copyOf(key, key.length * 2);
        }
        key[size++] = frameNo;
        key[size++] = lineInSample;
        hash = 31 * (31 * hash + frameNo) + lineInSample;
    }

    private ScriptStack newStack(int n) {
        ScriptFrame[] frames = new ScriptFrame[n / 2];
        int[] lineInSample = new int[n / 2];
        int h = 0;
        for (int d = 0; d < frames.length; d++) {
            frames[d] = frameByNo[key[2 * d]];
            lineInSample[d] = key[2 * d + 1];
            h = ScriptStack.hashStep(h, frames[d].hashCode(), lineInSample[d]);
        }
        return new ScriptStack(nextId++, frames, lineInSample, h);
    }

    // clears the frames (and so the stacks) when a frame of this many characters does not fit;
    // false when it cleared
    private boolean roomForFrame(int chars) {
        long bytes = FRAME_OVERHEAD + 2L * chars;
        boolean room = frameBytes + bytes <= maxFrameBytes || frameCount == 0;
        if (!room) {
            // the current sample's frames have numbers of the cache being cleared: keep them
            int n = size / 2;
            ScriptFrame[] pending = new ScriptFrame[n];
            int[] pendingLines = new int[n];
            for (int d = 0; d < n; d++) {
                pending[d] = frameByNo[key[2 * d]];
                pendingLines[d] = key[2 * d + 1];
            }
            Arrays.fill(lines, null);
            lineCount = 0;
            otherFrameNos.clear();
            Arrays.fill(frameByNo, 0, frameCount, null);
            frameCount = 0;
            frameBytes = 0;
            clearStacks();
            drop();
            for (int d = 0; d < n; d++) {
                add(number(pending[d]), pendingLines[d]);
            }
        }
        frameBytes += bytes;
        return room;
    }

    private int number(ScriptFrame frame) {
        if (frameCount == frameByNo.length) {
            frameByNo = Arrays.copyOf(frameByNo, frameCount * 2);
        }
        frameByNo[frameCount] = frame;
        return frameCount++;
    }

    private void clearStacks() {
        Arrays.fill(stackKeys, null);
        Arrays.fill(stackValues, null);
        stackCount = 0;
        stackBytes = 0;
        clears++;
    }

    private void growLines() {
        String[] oldLines = lines;
        int[] oldNos = lineFrameNos;
        lines = new String[oldLines.length * 2];
        lineFrameNos = new int[lines.length];
        int mask = lines.length - 1;
        for (int j = 0; j < oldLines.length; j++) {
            if (oldLines[j] != null) {
                int i = lineHash(oldLines[j]) & mask;
                while (lines[i] != null) {
                    i = (i + 1) & mask;
                }
                lines[i] = oldLines[j];
                lineFrameNos[i] = oldNos[j];
            }
        }
    }

    private void growStacks() {
        int[][] oldKeys = stackKeys;
        int[] oldHashes = stackHashes;
        ScriptStack[] oldValues = stackValues;
        stackKeys = new int[oldKeys.length * 2][];
        stackHashes = new int[stackKeys.length];
        stackValues = new ScriptStack[stackKeys.length];
        int mask = stackKeys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = mix(oldHashes[j]) & mask;
                while (stackKeys[i] != null) {
                    i = (i + 1) & mask;
                }
                stackKeys[i] = oldKeys[j];
                stackHashes[i] = oldHashes[j];
                stackValues[i] = oldValues[j];
            }
        }
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    // the length and the first HASHED_CHARS characters (indentation, address), in two lanes so
    // that the multiply-free steps of one do not wait for the other's
    static int lineHash(String line) {
        int n = line.length();
        int end = Math.min(n, HASHED_CHARS);
        long a = n;
        long b = 0;
        int i = 0;
        for (; i + 1 < end; i += 2) {
            a = Long.rotateLeft(a, 7) ^ line.charAt(i);
            b = Long.rotateLeft(b, 7) ^ line.charAt(i + 1);
        }
        if (i < end) {
            a = Long.rotateLeft(a, 7) ^ line.charAt(i);
        }
        long h = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }
}
