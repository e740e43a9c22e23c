// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

/**
 * Told how far {@link PerfText} has read each file, for a progress display. The bytes are those
 * of the file as stored: a gzip file counts its compressed bytes, so they reach its size. A command
 * installs one for its thread with {@link PerfText#meter(ReadMeter)}; by default nothing listens.
 */
public interface ReadMeter {
    ReadMeter NONE = (label, size) -> File.NONE;

    /**
     * A file is opened for reading; {@code size} is -1 when unknown (a pipe, standard input). Reads and the
     * close are told to the returned file, so files open at once (sniffed, then read) keep their own counts.
     */
    File opened(String label, long size);

    /** One opened file's reading. */
    interface File {
        File NONE = new File() {
            @Override
            public void read(long bytes) {
            }

            @Override
            public void closed() {
            }
        };

        /** {@code bytes} more were read from this file. */
        void read(long bytes);

        /** This file is read or closed. */
        void closed();
    }

    /** A meter installed for a thread; closing it puts back the one before. */
    interface Installed extends AutoCloseable {
        @Override
        void close();
    }
}
