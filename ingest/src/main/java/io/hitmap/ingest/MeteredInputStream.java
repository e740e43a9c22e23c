// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that tells its {@link ReadMeter.File} how many bytes each read returned, and when it closes. */
final class MeteredInputStream extends FilterInputStream {
    private final ReadMeter.File meter;
    private boolean closed;

    MeteredInputStream(InputStream in, ReadMeter.File meter) {
        super(in);
        this.meter = meter;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            meter.read(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            meter.read(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        meter.read(skipped);
        return skipped;
    }

    @Override
    public void close() throws IOException {
        super.close();
        if (!closed) {
            closed = true;
            meter.closed();
        }
    }
}
