// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * CPUs keyed by the time of their next step -> the earliest first; ties go to the lower CPU index so a
 * run is deterministic. A binary heap over primitive arrays: the engine's hot loop allocates nothing.
 */
final class EventHeap {
    private final int[] cpu;
    private final double[] time;
    /** cpu -> its index in the heap arrays. */
    private final int[] pos;
    private int size;

    EventHeap(int capacity) {
        cpu = new int[capacity];
        time = new double[capacity];
        pos = new int[capacity];
    }

    void push(int c, double t) {
        int i = size++;
        cpu[i] = c;
        time[i] = t;
        pos[c] = i;
        up(i);
    }

    /** CPU {@code c}'s next step is at {@code t} (it may be anywhere in the heap, e.g. parked at infinity). */
    void update(int c, double t) {
        int i = pos[c];
        double old = time[i];
        time[i] = t;
        if (t < old) {
            up(i);
        } else {
            down(i);
        }
    }

    int peekCpu() {
        return cpu[0];
    }

    double peekTime() {
        return time[0];
    }

    /** The top CPU's next step is at {@code t}. */
    void replaceTop(double t) {
        time[0] = t;
        down(0);
    }

    private boolean less(int a, int b) {
        return time[a] < time[b] || (time[a] == time[b] && cpu[a] < cpu[b]);
    }

    private void up(int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(i, p)) {
                return;
            }
            swap(i, p);
            i = p;
        }
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int m = l + 1 < size && less(l + 1, l) ? l + 1 : l;
            if (!less(m, i)) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    private void swap(int a, int b) {
        int c = cpu[a];
        cpu[a] = cpu[b];
        cpu[b] = c;
        pos[cpu[a]] = a;
        pos[cpu[b]] = b;
        double t = time[a];
        time[a] = time[b];
        time[b] = t;
    }
}
