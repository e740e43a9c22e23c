// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.util.Arrays;

/**
 * Cache line indexes -> dense slot numbers 0, 1, 2, ... in the order first seen, by open addressing
 * on ints: 12 to 16 bytes a line and no boxing, so per-line facts can live in primitive arrays
 * indexed by slot however many lines a report has.
 */
final class C2cLineSlots {
    private int[] table = new int[64]; // slot + 1; 0 is empty
    private int[] keys = new int[32];
    private int size;

    int size() {
        return size;
    }

    /** The line index held in {@code slot}. */
    int key(int slot) {
        return keys[slot];
    }

    /** The slot of {@code lineIndex}, or -1. */
    int find(int lineIndex) {
        int mask = table.length - 1;
        for (int i = mix(lineIndex) & mask; ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                return -1;
            }
            if (keys[v - 1] == lineIndex) {
                return v - 1;
            }
        }
    }

    /** The slot of {@code lineIndex}, a new one (the next number) when it has none. */
    int add(int lineIndex) {
        int found = find(lineIndex);
        if (found >= 0) {
            return found;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        keys[size] = lineIndex;
        put(table, lineIndex, size + 1);
        return size++;
    }

    private void grow() {
        int[] bigger = new int[table.length * 2];
        for (int s = 0; s < size; s++) {
            put(bigger, keys[s], s + 1);
        }
        table = bigger;
    }

    private static void put(int[] t, int lineIndex, int value) {
        int mask = t.length - 1;
        int i = mix(lineIndex) & mask;
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        t[i] = value;
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
