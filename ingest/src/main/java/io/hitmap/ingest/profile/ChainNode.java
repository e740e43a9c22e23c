// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

/**
 * One frame of a call-graph tree printed under a {@code perf report} entry. Nodes are numbered
 * per capture in the order printed; a root has no parent. {@code percent} is what perf printed on
 * the node's branch ({@code |--27.58%--do_request}), null for a frame that continues its parent's
 * chain without a branch; it is of the whole profile in graph mode, of the parent in fractal mode.
 *
 * @param style graph (the tree drawn with {@code |} and {@code --}), flat or folded ({@code -g})
 */
public record ChainNode(int sectionNo, int entryNo, int nodeId, Integer parentId, int depth, String symbol,
                        Double percent, String style, int sourceLineNo) {
}
