// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers hitmap computed, rounded for output: the one rounding rule every writer uses. */
public final class Decimals {
    private Decimals() {
    }

    /**
     * {@code d} rounded half up to {@code places} as written in decimal, so the binary noise of its
     * arithmetic does not show: 662.0776000000001 -> 662.1 (1 place); null, NaN and infinities as they are.
     */
    public static Double round(Double d, int places) {
        if (d == null || d.isNaN() || d.isInfinite()) {
            return d;
        }
        return BigDecimal.valueOf(d).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
