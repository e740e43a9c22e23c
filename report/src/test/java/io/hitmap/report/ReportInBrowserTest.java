// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;

/** The HTML report of c2c lines in a real browser (see {@link Browser}). */
class ReportInBrowserTest extends InBrowser {

    private static ChromeDriver driver() {
        return browser.driver;
    }

    private static Path write(String name, String html) throws IOException {
        return Browser.write(name, html);
    }

    private static List<LogEntry> open(Path f) {
        return browser.open(f);
    }

    private static Object js(String script) {
        return browser.js(script);
    }

    private static List<String> column(int col) {
        return driver().findElements(By.cssSelector("#lines-table tbody tr.line-row")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(col).getText()).collect(Collectors.toList());
    }

    @Test
    void loadsWithoutConsoleErrorsAndSavesAScreenshot() throws IOException {
        Path f = write("small.html", HtmlReportTest.small());
        assertEquals(List.of(), open(f));
        assertEquals("hitmap: app.c2c.txt", driver().getTitle());
        assertTrue(driver().findElement(By.id("summary")).getText().contains("false-sharing"));
        driver().findElement(By.cssSelector("#line-1-0 button.expand")).click();
        browser.screenshot("small.png");
    }

    @Test
    void sortingAColumnReordersTheRows() throws IOException {
        open(write("sort.html", HtmlReport.lines(ReportFixtures.many(40, 3), List.of(), ProfileData.NONE, null)));
        List<String> before = column(5); // total
        driver().findElement(By.cssSelector("#lines-table th[data-key='total']")).click();
        List<String> desc = column(5);
        driver().findElement(By.cssSelector("#lines-table th[data-key='total']")).click();
        List<String> asc = column(5);
        assertEquals(before.size(), asc.size());
        List<Long> a = asc.stream().map(Long::parseLong).collect(Collectors.toList());
        List<Long> sorted = a.stream().sorted().collect(Collectors.toList());
        assertEquals(sorted, a, "ascending after the second click");
        assertNotEquals(desc, asc);
        assertEquals("ascending", driver().findElement(By.cssSelector("th[data-key='total']")).getAttribute("aria-sort"));
    }

    @Test
    void expandingALineShowsItsAccessorsAndItsBytes() throws IOException {
        open(write("expand.html", HtmlReportTest.small()));
        assertTrue(driver().findElements(By.cssSelector("#lines-table tr.detail")).isEmpty());
        driver().findElement(By.cssSelector("#line-1-0 button.expand")).click();
        WebElement detail = driver().findElement(By.cssSelector("#lines-table tr.detail"));
        assertTrue(detail.getText().contains("counter_inc"), detail.getText());
        assertTrue(detail.getText().contains("reader.c:40"), detail.getText());
        List<WebElement> written = detail.findElements(By.xpath(".//table[contains(@class,'bytemap')]//tr[contains(@class,'all')]/td[text()='W']"));
        assertEquals(1, written.size(), "one written offset in the line's map");
        assertEquals("true", driver().findElement(By.cssSelector("#line-1-0 button.expand")).getAttribute("aria-expanded"));
    }

    @Test
    void filteringKeepsTheMatchingLines() throws IOException {
        open(write("filter.html", HtmlReport.lines(ReportFixtures.many(40, 3), List.of(), ProfileData.NONE, null)));
        driver().findElement(By.id("filter")).sendKeys("function_13_");
        List<String> lines = column(3);
        assertFalse(lines.isEmpty());
        assertTrue(lines.size() < 40, lines.toString());
    }

    @Test
    void hostileSymbolsRenderAsTextAndRunNothing() throws IOException {
        assertEquals(List.of(), open(write("hostile.html", HtmlReportTest.small())));
        driver().findElement(By.cssSelector("#line-1-1 button.expand")).click();
        String text = driver().findElement(By.cssSelector("#lines-table tr.detail")).getText();
        assertTrue(text.contains(ReportFixtures.IMG), text);
        assertTrue(text.contains(ReportFixtures.SCRIPT), text);
        assertTrue(driver().findElement(By.id("main")).getText().contains(ReportFixtures.CPP));
        assertEquals(0L, js("return document.querySelectorAll('img').length"));
        assertEquals(2L, js("return document.querySelectorAll('script').length"), "only the data and the page's own script");
        assertThrows(NoAlertPresentException.class, () -> driver().switchTo().alert());
    }

    /** Line 0 of the capture's table: "0  0x400816340  0  12275  27.70%  1392  1392  0 ..."; the page stops before the Pareto. */
    @Test
    void theHeadlineOfACaptureWithoutAccessorsSaysWhyItNamesNoCause() throws Exception {
        assertEquals(List.of(), open(write("peer.html", SampleCaptures.report(null, "sunflow-spe-peer-neoverse-v2.c2c.txt"))));
        String headline = driver().findElement(By.cssSelector("#summary .headline")).getText();
        assertTrue(headline.startsWith("Hottest line · line 0 0x400816340 · 1392 peer (27.70% of all peer snoops)"), headline);
        assertTrue(headline.contains("lists no accessors of this line"), headline);
    }

    @Test
    void tenThousandLinesOpenWithoutErrorsAndShowTheFirstPage() throws IOException {
        // how fast they open is measured by bench/html.sh (BENCHMARKS.md), not here
        Path f = write("10k.html", HtmlReport.lines(ReportFixtures.many(10_000, 7), List.of(), ProfileData.NONE, null));
        assertEquals(List.of(), open(f));
        assertEquals(300, driver().findElements(By.cssSelector("#lines-table tbody tr.line-row")).size());
        driver().findElement(By.id("filter")).sendKeys("function_399_");
        List<String> ranks = column(1);
        assertFalse(ranks.isEmpty());
        assertTrue(ranks.size() < 300, ranks.size() + " lines");
    }
}
