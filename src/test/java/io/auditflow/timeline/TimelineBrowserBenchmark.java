package io.auditflow.timeline;

import io.auditflow.IntegrationTest;
import io.auditflow.program.ProgramService;
import io.auditflow.support.BrowserTest;
import io.auditflow.support.TestClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timeline at 200 programs over six years in headless Chromium: time until the drawing is on
 * screen and bytes transferred, cold (browser cache cleared) and warm, 5 runs each. Excluded from
 * the build (name ends in Benchmark); run with
 * {@code ./mvnw -o test -Dtest=TimelineBrowserBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the lines starting "TimelineBrowserBenchmark:" in
 * target/surefire-reports/io.auditflow.timeline.TimelineBrowserBenchmark-output.txt.
 */
@IntegrationTest
class TimelineBrowserBenchmark extends BrowserTest {

    static final int RUNS = 5;

    @Autowired
    ProgramService programs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    @Test
    void timeline_of_200_programs_in_chromium() {
        clock.reset();
        int milestones = Portfolio.seed(programs, jdbc, clock.today(), 200, "Bench " + (System.nanoTime() % 100_000));
        login("executive", "demo");
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        show(); // warm-up
        for (boolean cold : new boolean[] {true, false}) {
            double[] ms = new double[RUNS];
            double[] kb = new double[RUNS];
            double[] drawingKb = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                if (cold) {
                    chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
                }
                ms[i] = show();
                kb[i] = ((Number) js("const n = performance.getEntriesByType('navigation')[0];"
                        + " return (n ? n.transferSize : 0) + performance.getEntriesByType('resource')"
                        + ".reduce((s, e) => s + (e.transferSize || 0), 0);")).doubleValue() / 1024;
                drawingKb[i] = ((Number) js("return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/exports/timeline/drawing')).reduce((s, e) => s + (e.transferSize || 0), 0);"))
                        .doubleValue() / 1024;
            }
            System.out.printf("TimelineBrowserBenchmark: %s cache: shown in median %.0f ms (max %.0f), transferred median %.0f KB"
                            + " (drawing %.0f KB) over %d runs; %d lanes, %d milestones%n", cold ? "cold" : "warm", median(ms),
                    Arrays.stream(ms).max().orElse(0), median(kb), median(drawingKb), RUNS,
                    ((Number) js("return document.querySelectorAll('li.tl-lane').length;")).intValue(), milestones);
            if (!cold) {
                warmMs = median(ms);
                warmKb = median(kb);
            }
        }
        String size = (String) js("return String(document.getElementById('timeline-chart').innerHTML.length);");
        System.out.println("TimelineBrowserBenchmark: drawing markup " + size + " characters");
        // ops (issue 15): -Pbench fails when a target is missed (docs/performance.md: 1 s, 300 KB with a warm cache)
        org.assertj.core.api.SoftAssertions targets = new org.assertj.core.api.SoftAssertions();
        targets.assertThat(warmMs).as("timeline shown, warm cache, median ms, target <= 1000").isLessThanOrEqualTo(1000);
        targets.assertThat(warmKb).as("timeline transferred, warm cache, median KB, target <= 300").isLessThanOrEqualTo(300);
        targets.assertAll();
    }

    private double warmMs;
    private double warmKb;

    /** Loads /timeline and waits until the drawing is in the page; returns the milliseconds it took. */
    private double show() {
        long start = System.nanoTime();
        driver.get(url("timeline"));
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(10)).until(d -> Boolean.TRUE.equals(js(
                "const el = document.getElementById('timeline-chart');"
                        + " return !!el && !el.hasAttribute('aria-busy') && !!el.querySelector('li.tl-lane');")));
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
