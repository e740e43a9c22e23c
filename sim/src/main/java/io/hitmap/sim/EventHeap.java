// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * CPUs keyed by the time of their next step -> the earliest first; ties go to the lower CPU index so a
 * run is deterministic. A binary heap over primitive arrays: the engine's hot loop allocates nothing.
 */
final class EventHeap {
    private final int[] cpu;
    private final double[] time;
    private int size;

    EventHeap(int capacity) {
        cpu = new int[capacity];
        time = new double[capacity];
    }

    void push(int c, double t) {
        int i = size++;
        cpu[i] = c;
        time[i] = t;
        up(i);
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
        double t = time[a];
        time[a] = time[b];
        time[b] = t;
    }
}
