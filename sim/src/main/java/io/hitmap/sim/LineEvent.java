// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * One access the engine served on a shared line -> who held it before and what it cost; for tests and
 * tracing (the engine reports these only to a listener).
 *
 * @param previousOwner    CPU that last wrote the line, -1 if none yet
 * @param previousModified whether that CPU still held it Modified when this access began
 */
public record LineEvent(int line, int cpu, Step.Kind kind, double startNs, double endNs, boolean hitm,
                        boolean remote, int previousOwner, boolean previousModified, boolean casFailed) {

    /** Receives every access in service order. */
    public interface Listener {
        void served(LineEvent e);
    }
}
