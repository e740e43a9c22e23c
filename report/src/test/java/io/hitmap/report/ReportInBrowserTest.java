// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report in a real browser: Debian's headless Chromium driven through its chromedriver.
 * Without them the tests fail (they never skip), naming the apt command that installs them.
 */
class ReportInBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path OUT = Path.of("target/browser");
    private static ChromeDriver driver;

    @BeforeAll
    static void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the HTML report's browser tests need Debian's Chromium: "
                    + "apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        Files.createDirectories(OUT);
        Path profile = Files.createTempDirectory("hitmap-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1400,1600", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Path write(String name, String html) throws IOException {
        Path f = OUT.resolve(name).toAbsolutePath();
        Files.writeString(f, html, StandardCharsets.UTF_8);
        return f;
    }

    /** Opens the file and returns the browser's console entries of level warning and above. */
    private static List<LogEntry> open(Path f) {
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        driver.get(f.toUri().toString());
        assertEquals("true", js("return document.body.dataset.ready || 'false'"), "the page's script did not finish");
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).collect(Collectors.toList());
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static List<String> column(int col) {
        return driver.findElements(By.cssSelector("#lines-table tbody tr.line-row")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(col).getText()).collect(Collectors.toList());
    }

    @Test
    void loadsWithoutConsoleErrorsAndSavesAScreenshot() throws IOException {
        Path f = write("small.html", HtmlReportTest.small());
        assertEquals(List.of(), open(f));
        assertEquals("hitmap: app.c2c.txt", driver.getTitle());
        assertTrue(driver.findElement(By.id("summary")).getText().contains("false-sharing"));
        driver.findElement(By.cssSelector("#line-1-0 button.expand")).click();
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), OUT.resolve("small.png"), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(OUT.resolve("small.png")) > 10_000);
    }

    @Test
    void sortingAColumnReordersTheRows() throws IOException {
        open(write("sort.html", HtmlReport.lines(ReportFixtures.many(40, 3), List.of(), null)));
        List<String> before = column(5); // total
        driver.findElement(By.cssSelector("#lines-table th[data-key='total']")).click();
        List<String> desc = column(5);
        driver.findElement(By.cssSelector("#lines-table th[data-key='total']")).click();
        List<String> asc = column(5);
        assertEquals(before.size(), asc.size());
        List<Long> a = asc.stream().map(Long::parseLong).collect(Collectors.toList());
        List<Long> sorted = a.stream().sorted().collect(Collectors.toList());
        assertEquals(sorted, a, "ascending after the second click");
        assertNotEquals(desc, asc);
        assertEquals("ascending", driver.findElement(By.cssSelector("th[data-key='total']")).getAttribute("aria-sort"));
    }

    @Test
    void expandingALineShowsItsAccessorsAndItsBytes() throws IOException {
        open(write("expand.html", HtmlReportTest.small()));
        assertTrue(driver.findElements(By.cssSelector("#lines-table tr.detail")).isEmpty());
        driver.findElement(By.cssSelector("#line-1-0 button.expand")).click();
        WebElement detail = driver.findElement(By.cssSelector("#lines-table tr.detail"));
        assertTrue(detail.getText().contains("counter_inc"), detail.getText());
        assertTrue(detail.getText().contains("reader.c:40"), detail.getText());
        List<WebElement> written = detail.findElements(By.xpath(".//table[contains(@class,'bytemap')]//tr[contains(@class,'all')]/td[text()='W']"));
        assertEquals(1, written.size(), "one written offset in the line's map");
        assertEquals("true", driver.findElement(By.cssSelector("#line-1-0 button.expand")).getAttribute("aria-expanded"));
    }

    @Test
    void filteringKeepsTheMatchingLines() throws IOException {
        open(write("filter.html", HtmlReport.lines(ReportFixtures.many(40, 3), List.of(), null)));
        driver.findElement(By.id("filter")).sendKeys("function_13_");
        List<String> lines = column(3);
        assertFalse(lines.isEmpty());
        assertTrue(lines.size() < 40, lines.toString());
    }

    @Test
    void hostileSymbolsRenderAsTextAndRunNothing() throws IOException {
        assertEquals(List.of(), open(write("hostile.html", HtmlReportTest.small())));
        driver.findElement(By.cssSelector("#line-1-1 button.expand")).click();
        String text = driver.findElement(By.cssSelector("#lines-table tr.detail")).getText();
        assertTrue(text.contains(ReportFixtures.IMG), text);
        assertTrue(text.contains(ReportFixtures.SCRIPT), text);
        assertTrue(driver.findElement(By.id("main")).getText().contains(ReportFixtures.CPP));
        assertEquals(0L, js("return document.querySelectorAll('img').length"));
        assertEquals(2L, js("return document.querySelectorAll('script').length"), "only the data and the page's own script");
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
    }

    @Test
    void tenThousandLinesOpenQuickly() throws IOException {
        Path f = write("10k.html", HtmlReport.lines(ReportFixtures.many(10_000, 7), List.of(), null));
        long start = System.nanoTime();
        assertEquals(List.of(), open(f));
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("ReportInBrowserTest: 10,000 lines, " + Files.size(f) + " bytes, loaded and drawn in " + ms + " ms");
        assertEquals(300, driver.findElements(By.cssSelector("#lines-table tbody tr.line-row")).size());
        assertTrue(ms < 5_000, "10,000 lines took " + ms + " ms to open");
    }
}
