// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

/** What a streamed parse reports once the bytes are read: their SHA-256 among the rest. */
public interface Digested {
    /** SHA-256 of the bytes read, hex; null when not computed. */
    String sha256();
}
