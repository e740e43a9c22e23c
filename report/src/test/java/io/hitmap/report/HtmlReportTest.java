// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report's bytes: golden, deterministic, CSP hashes that match, JSON that cannot end its element, size. */
class HtmlReportTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/small.html");
    private static final Pattern DATA = Pattern.compile("<script type=\"application/json\" id=\"hitmap-data\">(.*?)</script>", Pattern.DOTALL);

    static String small() {
        return HtmlReport.lines(ReportFixtures.smallCapture(), List.of(), null);
    }

    @Test
    void matchesTheGolden() throws IOException {
        String html = small();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, html, StandardCharsets.UTF_8);
        }
        String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        if (!golden.equals(html)) {
            String[] a = golden.split("\n", -1);
            String[] b = html.split("\n", -1);
            int i = 0;
            while (i < a.length && i < b.length && a[i].equals(b[i])) {
                i++;
            }
            throw new AssertionError(GOLDEN + " differs at line " + (i + 1) + " (regenerate with mvn test -Dgolden.update=true and review the diff):\n-"
                    + (i < a.length ? cut(a[i]) : "<end>") + "\n+" + (i < b.length ? cut(b[i]) : "<end>"));
        }
    }

    private static String cut(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    @Test
    void isTheSameForTheSameInput() {
        assertEquals(small(), small());
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
        assertFalse(html.contains("http://") || html.contains("https://"), "no address to fetch from");
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
    void tenThousandLinesWithSevenAccessorsStayUnderFiveMegabytes() {
        String html = HtmlReport.lines(ReportFixtures.many(10_000, 7), List.of(), null);
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 5_000_000, "10,000 lines: " + bytes + " bytes");
    }
}
