// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real perf report in sample-traces parses strictly, every line accounted for, every share kept. */
class ProfileSampleTracesTest {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    // a printed share: "62.87%" (rows, branches, flat and folded chains)
    private static final Pattern PCT = Pattern.compile("(?<![\\d.])-?\\d+\\.\\d\\d%");

    static Stream<Path> reports() throws IOException {
        try (Stream<Path> s = Files.list(TRACES)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".perf-report.txt")
                        || n.matches("(refbench|java-version).*\\.(flat|callgraph|caller|sort-dso-sym|with-header)\\.txt");
            }).sorted().toList().stream();
        }
    }

    /** Complete reports (no --percent-limit, not an excerpt): self shares add up to 100% per section. */
    static Stream<Path> complete() throws IOException {
        return reports().filter(p -> !p.getFileName().toString().matches(
                "nginx-.*|bpf-.*|refbench-shared\\.caller\\.txt"));
    }

    @ParameterizedTest
    @MethodSource("reports")
    void parsesEveryLine(Path file) throws Exception {
        ProfileCapture c = PerfReportParser.parse(file, false);
        long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
        assertEquals(lines, c.linesRead(), "lines read");
        assertEquals(c.linesRead(), c.linesUsed() + c.linesStructural() + c.linesSkipped());
        assertEquals(0, c.linesSkipped(), () -> "skipped " + c.skippedLineNos());
        assertTrue(c.warnings().isEmpty(), () -> c.warnings().toString());
        assertTrue(!c.entries().isEmpty());
    }

    /** Every percentage on a row or tree line comes back, digit for digit, from the record of that line. */
    @ParameterizedTest
    @MethodSource("reports")
    void keepsEveryPercentage(Path file) throws Exception {
        ProfileCapture c = PerfReportParser.parse(file, false);
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        int checked = 0;
        for (ProfileEntry e : c.entries()) {
            String line = text.get(e.sourceLineNo() - 1);
            List<String> printed = PCT.matcher(line).results().map(java.util.regex.MatchResult::group).toList();
            List<String> parsed = Stream.of(e.overhead(), e.children(), e.self())
                    .filter(v -> v != null).map(v -> String.format(Locale.ROOT, "%.2f%%", v)).toList();
            if (e.other() != null && e.other().startsWith("Overhead=")) { // --group: one share per event
                parsed = List.of(e.other().split("\t")[0].substring("Overhead=".length()).split(" "));
            }
            assertEquals(printed, parsed, "line " + e.sourceLineNo());
            checked += parsed.size();
        }
        for (ChainNode n : c.chains()) {
            if (n.percent() != null) {
                // -g flat prints the share alone on the line above the chain's first frame
                String line = text.get(n.sourceLineNo() - (n.style().equals("flat") ? 2 : 1));
                assertTrue(line.contains(String.format(Locale.ROOT, "%.2f%%", n.percent())), "line " + n.sourceLineNo());
                checked++;
            }
        }
        // every share printed outside the '#' lines belongs to a row or a tree line
        long printed = text.stream().filter(l -> !l.startsWith("#")).mapToLong(l -> PCT.matcher(l).results().count()).sum();
        assertEquals(printed, checked);
    }

    @ParameterizedTest
    @MethodSource("complete")
    void selfSharesAddUpToAHundred(Path file) throws Exception {
        ProfileCapture c = PerfReportParser.parse(file, false);
        for (ProfileSection s : c.sections()) {
            List<ProfileEntry> rows = c.entries().stream().filter(e -> e.sectionNo() == s.sectionNo()).toList();
            double sum = rows.stream().mapToDouble(e -> e.self() != null ? e.self() : e.overhead()).sum();
            // each share is rounded to 0.01: off by at most 0.005 per row
            assertEquals(100.0, sum, 0.005 * rows.size() + 1e-9, file + " section " + s.sectionNo());
        }
    }
}
