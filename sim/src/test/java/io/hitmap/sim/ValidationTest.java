// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validate table is computed, not asserted to pass: the errors must be what the cells say. */
class ValidationTest {
    @Test
    void computesEveryPublishedCellWithOneCalibrationPoint() throws Exception {
        Validation.Report r = Validation.run(ScenarioJson.load("nginx-apparmor"));
        assertEquals(15, r.cells().size());
        assertEquals(1, r.cells().stream().filter(Validation.Cell::calibrated).count());
        double max = 0;
        for (Validation.Cell c : r.cells()) {
            assertEquals(Validation.published(c.strategy(), c.cpus()), c.published());
            assertEquals(c.predicted() - c.published(), c.errorPts(), 1e-12);
            if (c.calibrated()) {
                assertEquals(c.published(), c.predicted(), 0.5, "the fit reaches its cell");
            } else {
                max = Math.max(max, Math.abs(c.errorPts()));
            }
            if (c.cpus() == 16) {
                assertEquals(100, c.predicted(), 1e-9, "the baseline is 100 by definition");
            }
        }
        assertEquals(max, r.maxAbsErrorPts(), 1e-12);
        assertTrue(r.orderMismatches().size() <= Validation.CPUS.size());
    }

    @Test
    void otherChecksSplitTheCredLineAndLoseItUnderNoRef() throws Exception {
        List<Validation.Check> checks = Validation.otherChecks();
        assertEquals(5, checks.size());
        // the two shares are of the same line's HITMs: they add up to 100 whatever the model predicts
        assertEquals(100, checks.get(0).predicted() + checks.get(1).predicted(), 1e-9);
        // with no refcount nobody writes the cred line, so generic_permission's loads never find it Modified
        assertEquals(0, checks.get(2).predicted());
        assertEquals(1, checks.stream().filter(Validation.Check::calibrated).count(), "only the CAS figure is fitted");
        assertTrue(checks.get(3).predicted() > 0, "no-ref must beat kref on the contended cred line");
    }
}
