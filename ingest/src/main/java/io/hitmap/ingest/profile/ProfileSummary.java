// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import io.hitmap.ingest.Digested;
import java.util.List;

/**
 * What a streamed {@code perf report} parse knows at its end besides the rows and nodes it sent to
 * its {@link ProfileSink}: line accounting, sections, machine, warnings and how many rows and nodes
 * there were. See {@link ProfileCapture} for the fields.
 */
public record ProfileSummary(String path, String formatVariant, String perfVersion, long linesRead,
                             long linesUsed, long linesStructural, long linesSkipped,
                             List<Integer> skippedLineNos, List<ProfileSection> sections, long entryCount,
                             long nodeCount, MachineInfo machine, List<HeaderLine> header, String sha256,
                             List<String> warnings) implements Digested {
    public ProfileSummary withSha256(String sha) {
        return new ProfileSummary(path, formatVariant, perfVersion, linesRead, linesUsed, linesStructural,
                linesSkipped, skippedLineNos, sections, entryCount, nodeCount, machine, header, sha, warnings);
    }

    /** With the rows and nodes a collecting sink kept. */
    public ProfileCapture with(List<ProfileEntry> entries, List<ChainNode> chains) {
        return new ProfileCapture(path, formatVariant, perfVersion, linesRead, linesUsed, linesStructural,
                linesSkipped, skippedLineNos, sections, entries, chains, machine, header, sha256, warnings);
    }
}
