// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report's bytes: golden, deterministic, CSP hashes that match, JSON that cannot end its element, size. */
class HtmlReportTest {
    private static final Pattern DATA = Pattern.compile("<script type=\"application/json\" id=\"hitmap-data\">(.*?)</script>", Pattern.DOTALL);

    static String small() {
        return HtmlReport.lines(ReportFixtures.smallCapture(), List.of(), ProfileData.NONE, null);
    }

    @Test
    void matchesTheGolden() throws IOException {
        Golden.check("small.html", small());
    }

    /** A real c2c capture beside a real perf script: lines, classes, byte maps, hotspots, flame graph. */
    @Test
    void aRealCaptureAndProfileMatchTheirGolden() throws Exception {
        Golden.check("overlayfs-creds-before+webcontent-callchain.html",
                SampleCaptures.report(null, "overlayfs-creds-before.c2c.txt", FlameGraphTest.WEB));
    }

    @Test
    void aRealDiffMatchesItsGolden() throws Exception {
        Golden.check("overlayfs-creds.diff.html", SampleCaptures.diff("overlayfs-creds-before.c2c.txt", "overlayfs-creds-after.c2c.txt"));
    }

    @Test
    void isTheSameForTheSameInput() throws Exception {
        assertEquals(small(), small());
        String[] twice = {SampleCaptures.report(null, "java-version.perf-script.txt"), SampleCaptures.report(null, "java-version.perf-script.txt")};
        assertEquals(twice[0], twice[1]);
    }

    @Test
    void cspAllowsExactlyTheInlineScriptAndStyleAndNoNetwork() {
        String html = small();
        Matcher csp = Pattern.compile("content=\"(default-src 'none'; script-src ('sha256-[^']+'); style-src ('sha256-[^']+');[^\"]*)\"").matcher(html);
        assertTrue(csp.find(), html.substring(0, 600));
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(script.find());
        assertEquals(HtmlReport.sha256(script.group(1)), csp.group(2));
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertTrue(style.find());
        assertEquals(HtmlReport.sha256(style.group(1)), csp.group(3));
        assertFalse(csp.group(1).contains("unsafe-inline"));
        String addresses = html.replace("'http://www.w3.org/2000/svg'", "SVG namespace name, never fetched");
        assertFalse(addresses.contains("http://") || addresses.contains("https://"), "no address to fetch from");
    }

    @Test
    void jsonKeepsHostileSymbolsWholeAndCannotCloseItsElement() throws IOException {
        Matcher m = DATA.matcher(small());
        assertTrue(m.find());
        String json = m.group(1);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        assertTrue(json.contains("\\u003Cimg src=x onerror=alert(1)\\u003E") || json.contains("\\u003cimg src=x onerror=alert(1)\\u003e"), json);
        JsonNode strings = new ObjectMapper().readTree(json).get("strings");
        List<String> values = new java.util.ArrayList<>();
        strings.forEach(s -> values.add(s.asText()));
        assertTrue(values.containsAll(List.of(ReportFixtures.IMG, ReportFixtures.SCRIPT, ReportFixtures.CPP)), values.toString());
    }

    @Test
    void tenThousandLinesWithSevenAccessorsStayWellUnderFiveMegabytes() {
        String html = HtmlReport.lines(ReportFixtures.many(10_000, 7), List.of(), ProfileData.NONE, null);
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 4_500_000, "10,000 lines: " + bytes + " bytes (the target: under 5 MB, with a margin)");
    }
}
