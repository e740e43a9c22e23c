// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.ingest.ReadMeter;
import io.hitmap.report.TerminalText;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Bytes read of each input file -> one line on stderr, redrawn in place with {@code \r} when a file
 * opens and then at most ten times a second, and blanked out when the file is read:
 * {@code hitmap: big.c2c.txt  42%  430/1024 MB  85 MB/s  ETA 0:07}. Without a size (a pipe) it shows
 * the megabytes read and the rate. MB = 10^6 bytes, as stored (a gzip file's compressed bytes).
 */
final class ProgressBar implements ReadMeter, AutoCloseable {
    static final long INTERVAL_NANOS = 100_000_000L;
    private static final int WIDTH = 79;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    /** The file the line shows: the one opened or read last. */
    private Reading shown;
    /** When {@code shown} was put on the line, and how much of it was read then (for its rate). */
    private long start;
    private long startRead;
    private long lastDraw;
    private int drawn;

    ProgressBar(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
    }

    @Override
    public ReadMeter.File opened(String file, long bytes) {
        Reading r = new Reading(file, bytes);
        show(r);
        return r;
    }

    /** One file's bytes read; reading a file the line does not show puts it on the line. */
    private final class Reading implements ReadMeter.File {
        final String label;
        final long size;
        long read;

        Reading(String label, long size) {
            this.label = label;
            this.size = size;
        }

        @Override
        public void read(long bytes) {
            read += bytes;
            if (shown != this) {
                show(this);
                return;
            }
            long now = nanoClock.getAsLong();
            if (now - lastDraw >= INTERVAL_NANOS) {
                draw(now);
            }
        }

        @Override
        public void closed() {
            if (shown == this) {
                clear();
                shown = null;
            }
        }
    }

    private void show(Reading r) {
        clear();
        shown = r;
        start = nanoClock.getAsLong();
        startRead = r.read;
        draw(start);
    }

    @Override
    public void close() {
        clear();
    }

    private void draw(long now) {
        String text = line(now);
        err.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
        err.flush();
        drawn = text.length();
        lastDraw = now;
    }

    private void clear() {
        if (drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            err.flush();
            drawn = 0;
        }
    }

    /** {@code hitmap: FILE  42%  430/1024 MB  85 MB/s  ETA 0:07}, the file name cut on the left to fit 79 columns. */
    String line(long now) {
        String label = shown.label;
        long size = shown.size;
        long read = shown.read;
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? (read - startRead) / seconds : 0;
        String figures;
        if (size >= 0) {
            long pct = size == 0 ? 100 : Math.min(100, read * 100 / size);
            String eta = rate > 0 ? duration((size - read) / rate) : "--:--";
            figures = String.format(Locale.ROOT, "%3d%%  %s/%s MB  %s MB/s  ETA %s", pct, mb(read), mb(size),
                    mb(rate), eta);
        } else {
            figures = String.format(Locale.ROOT, "%s MB  %s MB/s", mb(read), mb(rate));
        }
        String name = TerminalText.escape(label);
        int room = Math.max(8, WIDTH - "hitmap: ".length() - 2 - figures.length());
        if (name.length() > room) {
            name = "..." + name.substring(name.length() - room + 3);
        }
        return "hitmap: " + name + "  " + figures;
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1e6);
    }

    /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
