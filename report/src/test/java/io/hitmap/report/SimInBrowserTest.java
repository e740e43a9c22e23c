// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Simulator results alone in a report, in Chromium: a curve per strategy, the memory table, the metric switch. */
class SimInBrowserTest extends InBrowser {

    private static String row(String strategy, int cpus, double eff, long bytes) {
        return String.format(java.util.Locale.ROOT, "{\"strategy\": \"%s\", \"cpus\": %d, \"l3_domains\": %d, \"mops\": %.3f, \"eff\": %.1f,"
                + " \"lcl_hitm_per_op\": 0.5, \"rmt_hitm_per_op\": 0.1, \"cas_retries\": 0.0, \"bytes_per_object\": %d,"
                + " \"memory_bytes\": %d}", strategy, cpus, cpus / 16, cpus * eff / 1000, eff, bytes, bytes * 1000);
    }

    @Test
    void drawsACurvePerStrategyAndTheMemoryCost(@TempDir Path tmp) throws Exception {
        String json = "[\n" + String.join(",\n",
                row("kref", 16, 100.0, 4), row("kref", 96, 60.0, 4), row("kref", 192, 20.5, 4),
                row("percpu-ref", 16, 100.0, 1608), row("percpu-ref", 96, 99.0, 1608), row("percpu-ref", 192, 85.1, 1608),
                row("<img src=x onerror=alert(1)>", 16, 100.0, 0), row("<img src=x onerror=alert(1)>", 96, 98.0, 0),
                row("<img src=x onerror=alert(1)>", 192, 90.0, 0)) + "\n]\n";
        SimResults sim = SimResults.read(Files.writeString(tmp.resolve("sim.json"), json, StandardCharsets.UTF_8));
        assertEquals(List.of(), browser.open(Browser.write("sim.html", HtmlReport.lines(List.of(), List.of(), ProfileData.NONE, sim))));

        List<WebElement> series = browser.driver.findElements(By.cssSelector("#sim svg.sim-chart g.series"));
        assertEquals(List.of("kref", "percpu-ref", ReportFixtures.IMG),
                series.stream().map(g -> g.getDomAttribute("data-strategy")).collect(Collectors.toList()));
        for (WebElement g : series) {
            assertEquals(3, g.findElements(By.cssSelector("circle, rect, path")).size(), "a marker per CPU count");
        }
        List<String> labels = browser.driver.findElements(By.cssSelector("#sim svg text.end-label")).stream()
                .map(WebElement::getText).collect(Collectors.toList());
        assertEquals(List.of(ReportFixtures.IMG.substring(0, 21) + "…", "percpu-ref", "kref"), labels,
                "labels top to bottom: 90.0, 85.1 and 20.5% at 192 CPUs, a long name cut");
        assertEquals(ReportFixtures.IMG, browser.js("return document.querySelector('#sim svg g.end title').textContent"));
        assertTrue(browser.driver.findElement(By.id("summary")).getText()
                .contains("at 192 CPUs " + ReportFixtures.IMG + " keeps 90.0% scaling efficiency, kref falls to 20.5%"));

        List<String> memory = browser.driver.findElements(By.cssSelector("#sim table")).get(0).findElements(By.tagName("tr")).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).collect(Collectors.joining("|")))
                .collect(Collectors.toList());
        assertEquals(List.of("strategy|bytes per object|memory for 1000 objects", ReportFixtures.IMG + "|0|0 B", "kref|4|3.9 KiB",
                "percpu-ref|1608|1.5 MiB"), memory, "cheapest first");

        browser.driver.findElement(By.cssSelector("#sim-metric option[value='mops']")).click();
        assertTrue(browser.driver.findElement(By.cssSelector("#sim svg.sim-chart")).getText().contains("throughput (Mops/s)"));
        assertEquals(0L, browser.js("return document.querySelectorAll('img').length"));
        browser.js("document.getElementById('sim').scrollIntoView()");
        browser.screenshot("sim.png");
        assertEquals(List.of(), browser.warnings());
    }
}
