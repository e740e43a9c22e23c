// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The diff report of sample-traces/overlayfs-creds-before and -after in Chromium. The counts are the
 * block headers' RmtHitm + LclHitm: before line 0 "0 412 1028" (1440), 1 "1 50 103" (153), 2 "2 50 98"
 * (148); after 0 "0 54 88" (142), 1 "1 48 83" (131), 2 "2 28 44" (72). The only accessor of after
 * line 2, generic_permission mnt_idmapping.h:81, is before line 0's; update_cfs_group atomic64_64.h:15
 * alone is before 1 and after 0.
 */
class DiffInBrowserTest extends InBrowser {

    @BeforeAll
    static void openTheDiff() throws Exception {
        Path f = Browser.write("diff.html", SampleCaptures.diff("overlayfs-creds-before.c2c.txt", "overlayfs-creds-after.c2c.txt"));
        assertEquals(List.of(), browser.open(f));
    }

    private static WebElement diffRow(String before, String after) {
        return browser.driver.findElements(By.cssSelector("#diff-table tbody tr.diff-persisting")).stream()
                .filter(r -> r.findElements(By.tagName("td")).get(1).getText().equals(before)
                        && r.findElements(By.tagName("td")).get(2).getText().equals(after))
                .findFirst().orElseThrow(() -> new AssertionError("no diff row " + before + " -> " + after));
    }

    private static boolean highlightedAndInView(String id) {
        return (Boolean) browser.js("const r = document.getElementById(arguments[0]); const b = r.getBoundingClientRect();"
                + " return r.classList.contains('highlight') && b.top >= 0 && b.bottom <= window.innerHeight", id);
    }

    @Test
    void deltasAreColouredByDirection() {
        List<WebElement> cells = diffRow("line 0", "line 2").findElements(By.tagName("td"));
        assertEquals(List.of("1440", "72", "-1368", "-95.00%"), cells.subList(4, 8).stream().map(WebElement::getText).collect(Collectors.toList()));
        assertTrue(cells.get(6).getDomAttribute("class").contains("down"));
        assertEquals("rgba(27, 122, 58, 1)", cells.get(6).getCssValue("color"), "a fall is green (--down)");
        assertEquals("-11", diffRow("line 1", "line 0").findElements(By.tagName("td")).get(6).getText());
    }

    @Test
    void aLineLinksToItsMatchOnTheOtherSide() throws Exception {
        WebElement match = browser.driver.findElement(By.cssSelector("#line-1-0 a.match-link"));
        assertEquals("→ after line 2", match.getText());
        match.click();
        assertTrue(highlightedAndInView("line-2-2"));
        WebElement back = browser.driver.findElement(By.cssSelector("#line-2-2 a.match-link"));
        assertEquals("← before line 0", back.getText());
        back.click();
        assertTrue(highlightedAndInView("line-1-0"));
        assertTrue(browser.driver.findElements(By.cssSelector("#line-2-2.highlight")).isEmpty(), "one line highlighted at a time");
        browser.screenshot("diff-match.png");
    }

    @Test
    void theDiffTableLinksBothSidesToTheirLines() {
        diffRow("line 1", "line 0").findElements(By.tagName("td")).get(2).findElement(By.tagName("a")).click();
        assertTrue(highlightedAndInView("line-2-0"));
        assertTrue(browser.driver.findElement(By.cssSelector("#line-2-0 + tr.detail")).getText().contains("update_cfs_group"),
                "the line opens to its accessors");
    }

    @Test
    void sortingTheDiffTableReordersThePairs() throws Exception {
        WebElement change = browser.driver.findElement(By.cssSelector("#diff-table th[data-key='delta']"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", change);
        change.click();
        assertEquals(List.of("-11", "-17", "-1368"), changes(), "largest change first: every line fell, the least first");
        change.click();
        assertEquals(List.of("-1368", "-17", "-11"), changes());
        assertEquals("ascending", change.getDomAttribute("aria-sort"));
        browser.js("document.getElementById('diff').scrollIntoView()");
        browser.screenshot("diff.png");
        assertEquals(List.of(), browser.warnings());
    }

    private static List<String> changes() {
        return browser.driver.findElements(By.cssSelector("#diff-table tbody tr.diff-persisting")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(6).getText()).collect(Collectors.toList());
    }
}
