// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

/**
 * One line of a call graph printed under a Pareto row by {@code perf c2c report -g},
 * kept verbatim (trailing blanks removed) in the order printed.
 */
public record C2cCallgraphLine(int lineIndex, int rowInLine, int seq, String text, int sourceLineNo) {
}
