// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

/**
 * The machine a profile was recorded on, from the {@code perf report --header} block. Counts of
 * sockets, dies and cores come from the {@code sibling ...} lines that {@code --header -I} prints
 * (one line per socket, die, core); they are null when the header lacks them. The simulator takes
 * its topology from here.
 */
public record MachineInfo(String hostname, String osRelease, String perfVersion, String arch,
                          Integer cpusOnline, Integer cpusAvailable, String cpuDescription, String cpuId,
                          Long totalMemoryKb, String cmdline, String capturedOn, Double sampleDurationMs,
                          Integer sockets, Integer dies, Integer cores, Integer threadsPerCore,
                          Integer numaNodes) {
}
