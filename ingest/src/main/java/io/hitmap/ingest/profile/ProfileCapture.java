// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import java.util.List;

/**
 * A parsed {@code perf report --stdio} file. Every input line is counted once: used (a row, a
 * call-graph line, a preamble or header value), structural (comments, rules, blanks) or skipped
 * (unrecognised, only under --lenient), so {@code linesRead == linesUsed + linesStructural + linesSkipped}.
 *
 * @param formatVariant how the text was laid out, eg, {@code stdio}, {@code stdio+children+graph},
 *                      {@code quiet}, {@code field-separator}, {@code no-header}
 * @param machine       null without a {@code --header} block
 */
public record ProfileCapture(String path, String formatVariant, String perfVersion, long linesRead,
                             long linesUsed, long linesStructural, long linesSkipped,
                             List<Integer> skippedLineNos, List<ProfileSection> sections,
                             List<ProfileEntry> entries, List<ChainNode> chains, MachineInfo machine,
                             List<HeaderLine> header, String sha256, List<String> warnings) {
    public ProfileCapture withSha256(String sha) {
        return new ProfileCapture(path, formatVariant, perfVersion, linesRead, linesUsed, linesStructural,
                linesSkipped, skippedLineNos, sections, entries, chains, machine, header, sha, warnings);
    }
}
