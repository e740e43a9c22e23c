// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

/**
 * One row of a {@code perf report} table, as printed. Percentages as printed (62.87 for 62.87%);
 * a column the report did not have is null. Columns hitmap has no field for are kept in
 * {@code other} as {@code name=value} pairs joined by tabs.
 *
 * @param symbolKind the marker before the symbol: {@code k} kernel, {@code .} user, {@code g}
 *                   guest kernel, {@code u} guest user, {@code H} hypervisor; null without one
 */
public record ProfileEntry(int sectionNo, int entryNo, Double overhead, Double children, Double self,
                           Long samples, Long period, String command, Long pid, String sharedObject,
                           String symbol, String symbolKind, String sourceLine, String cpu, String other,
                           int sourceLineNo) {
}
