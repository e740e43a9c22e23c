// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

/**
 * One {@code label : value} line of the statistics sections (Trace Event Information, Global
 * Shared Cache Line Event Information, c2c details). {@code valueNum} is null for text values
 * and for {@code -nan%}.
 */
public record C2cSummaryEntry(String section, String key, String value, Double valueNum, int sourceLineNo) {
}
