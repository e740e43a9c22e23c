// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.arrow.ScriptToArrow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The flame graph of a real perf script capture in Chromium: drawn, hovered, zoomed, searched; and
 * a capture whose symbols are markup, which shows them as text. Expected counts are read from the
 * capture's text (FlameGraphTest.rootsFromText).
 */
class FlameGraphInBrowserTest extends InBrowser {
    private static final int ROW = 17; // FLAME_ROW in flame.js

    private static WebElement canvas() {
        return browser.driver.findElement(By.cssSelector("#flame-1 canvas.flame-canvas"));
    }

    /** Moves the mouse over the canvas at (x, row's middle) and returns the tooltip's text. */
    private static String hover(int x, int row) {
        WebElement c = canvas();
        browser.js("arguments[0].scrollIntoView({block: 'center'})", c);
        new Actions(browser.driver).moveToElement(c, x - c.getSize().getWidth() / 2, row * ROW + ROW / 2 - c.getSize().getHeight() / 2)
                .perform();
        return (String) browser.js("return document.querySelector('#flame-1 .flame-tip').textContent");
    }

    private static void click(int x, int row) {
        WebElement c = canvas();
        new Actions(browser.driver).moveToElement(c, x - c.getSize().getWidth() / 2, row * ROW + ROW / 2 - c.getSize().getHeight() / 2)
                .click().perform();
    }

    @Test
    void drawsHoversZoomsAndSearchesARealCapture() throws Exception {
        String text = SampleCaptures.text(FlameGraphTest.WEB);
        Path f = Browser.write("flame.html", SampleCaptures.report(null, FlameGraphTest.WEB));
        assertEquals(List.of(), browser.open(f));
        // one row per frame of the deepest chain, plus the root and the command
        int deepest = Arrays.stream(text.split("\n\n")).mapToInt(b -> (int) b.strip().lines().filter(l -> l.startsWith("\t")).count()).max().orElseThrow();
        assertEquals((long) (deepest + 2) * ROW, browser.js("return document.querySelector('#flame-1 canvas').getBoundingClientRect().height"));
        assertTrue((Long) browser.js("const c = document.querySelector('#flame-1 canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n") > 10_000, "boxes drawn");

        assertEquals("all\n1157 samples, 100.00% of all\nall samples", hover(5, 0));
        // commands sort by name: "DOM Worker" first, 577 of the 1157 sample headers
        assertEquals("DOM Worker\n577 samples, 49.87% of all\ncommand", hover(5, 1));

        click(5, 1);
        assertEquals("DOM Worker", canvas().getDomAttribute("data-zoom"));
        String status = browser.driver.findElement(By.cssSelector("#flame-1 .flame-status")).getText();
        assertEquals("zoomed into DOM Worker (577 samples, 49.87%)", status);
        assertEquals("DOM Worker\n577 samples, 49.87% of all\ncommand", hover(canvas().getSize().getWidth() - 5, 1), "now as wide as the graph");
        browser.driver.findElement(By.cssSelector("#flame-1 .flame-reset")).click();
        assertEquals("all", canvas().getDomAttribute("data-zoom"));

        long walks = Arrays.stream(text.split("\n\n")).filter(b -> b.contains(" dom::walk<int>+")).count();
        browser.driver.findElement(By.cssSelector("#flame-1 .flame-search")).sendKeys("DOM::WALK");
        assertEquals(String.valueOf(walks), canvas().getDomAttribute("data-matched"));
        assertEquals(String.format(java.util.Locale.ROOT, "matched: %d of 1157 samples (%.2f%%)", walks, 100.0 * walks / 1157),
                browser.driver.findElement(By.cssSelector("#flame-1 .flame-status")).getText());
        browser.js("document.getElementById('flame').scrollIntoView()");
        browser.screenshot("flame.png");
        assertEquals(List.of(), browser.warnings());
    }

    @Test
    void hostileFrameNamesShowAsTextAndRunNothing(@TempDir Path tmp) throws Exception {
        Path script = Files.writeString(tmp.resolve("hostile.perf-script.txt"), """
                app   100 [000]    10.000001:     250000 cpu-clock:\s
                \t          401000 <img src=x onerror=alert(1)>+0x10 (/tmp/app)
                \t          401100 main+0x20 (/tmp/app)

                app   100 [000]    10.000002:     250000 cpu-clock:\s
                \t          401200 </script><script>alert(1)</script>+0x10 (/tmp/app)
                \t          401100 main+0x20 (/tmp/app)
                """);
        String html;
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.insertCaptures(List.of(ScriptToArrow.of("hostile.perf-script.txt", PerfText.open(script), false)));
            html = HtmlReport.lines(List.of(), List.of(), ProfileData.of(db), null);
        }
        assertEquals(List.of(), browser.open(Browser.write("flame-hostile.html", html)));
        // rows: all, app, main, then the two leaves in name order: "</script>..." before "<img ..."
        assertEquals("</script><script>alert(1)</script>\n1 sample, 50.00% of all\nuser space", hover(5, 3));
        assertEquals(ReportFixtures.IMG + "\n1 sample, 50.00% of all\nuser space", hover(canvas().getSize().getWidth() - 5, 3));
        assertTrue(browser.driver.findElement(By.id("hotspots")).getText().contains(ReportFixtures.IMG));
        assertEquals(0L, browser.js("return document.querySelectorAll('img').length"));
        assertEquals(2L, browser.js("return document.querySelectorAll('script').length"), "only the data and the page's own script");
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
    }
}
