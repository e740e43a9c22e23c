// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

/**
 * Told how far {@link PerfText} has read each file, for a progress display. The bytes are those
 * of the file as stored: a gzip file counts its compressed bytes, so they reach its size. A command
 * installs one for its thread with {@link PerfText#meter(ReadMeter)}; by default nothing listens.
 */
public interface ReadMeter {
    ReadMeter NONE = new ReadMeter() {
        @Override
        public void opened(String label, long size) {
        }

        @Override
        public void read(long bytes) {
        }

        @Override
        public void closed() {
        }
    };

    /** A file is opened for reading; {@code size} is -1 when unknown (a pipe, standard input). */
    void opened(String label, long size);

    /** {@code bytes} more were read from the file opened last. */
    void read(long bytes);

    /** The file opened last is read or closed. */
    void closed();

    /** A meter installed for a thread; closing it puts back the one before. */
    interface Installed extends AutoCloseable {
        @Override
        void close();
    }
}
