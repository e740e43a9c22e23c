// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/** A model number -> the number with where it comes from (a measurement, a paper, or "assumption: ..."). */
public record Sourced(double value, String source) {
    public Sourced {
        if (!(value >= 0) || source == null || source.isBlank()) {
            throw new IllegalArgumentException("a model number needs a value >= 0 and a source");
        }
    }
}
