// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

/** One line of the {@code --header} block, split at its first {@code :}; a line without one has a null value. */
public record HeaderLine(String key, String value, int sourceLineNo) {
}
