// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

/**
 * A fingerprint item (symbol, source:line, offset) of a matched line pair -> how it changed:
 * {@code gone}, {@code new}, {@code changed} or {@code same}, with its weight (share of the line's
 * estimated samples) and estimated samples on each side (null on the side that lacks it).
 */
public record AccessorChange(String status, String symbol, String beforeSourceLine, String afterSourceLine,
                             Integer offset, Double beforeWeight, Double afterWeight,
                             Double beforeEstSamples, Double afterEstSamples) {

    /** The source:line as printed, the before side's when both have one. */
    public String sourceLine() {
        return beforeSourceLine != null ? beforeSourceLine : afterSourceLine;
    }
}
