// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

/**
 * One event's part of a {@code perf report}: perf prints a preamble and a table per event.
 *
 * @param samplesText  the count as printed, eg, {@code 2K} ({@code # Samples: 2K of event ...})
 * @param samples      that count as a number: exact below 1000, else rounded by perf to K/M/G
 * @param eventCount   {@code # Event count (approx.)}, or {@code # Total weight} of perf mem
 * @param columns      the table's column names joined by {@code |}, eg, {@code Overhead|Command|Shared Object|Symbol}
 */
public record ProfileSection(int sectionNo, String event, String samplesText, Long samples, Long eventCount,
                             Long lostSamples, String columns, int sourceLineNo) {
}
