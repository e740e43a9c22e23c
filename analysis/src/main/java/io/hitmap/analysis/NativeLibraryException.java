// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

/**
 * DuckDB's native library failed to load (most often because java.io.tmpdir, where the JDBC
 * driver unpacks it, is not writable) -> a one-line message that says where it goes and how to
 * point it elsewhere. Unchecked: nothing but the top level can do anything about it.
 */
public final class NativeLibraryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NativeLibraryException(Throwable cause) {
        super("cannot load DuckDB's native library (it is unpacked into java.io.tmpdir="
                + System.getProperty("java.io.tmpdir") + "; make that directory writable or pass "
                + "-Djava.io.tmpdir=DIR)", cause);
    }
}
