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
        // Surefire reruns a failed test in the same Spring context: seeding again would double the lanes
        // (the "403 lanes" of 2026-12-01 were such a rerun), so the portfolio is seeded once per context.
        Integer seeded = jdbc.queryForObject("select count(*) from audit_program where name like 'Bench #%'", Integer.class);
        int milestones = seeded != null && seeded > 0
                ? jdbc.queryForObject("select count(*) from milestone m join audit_program p on p.id = m.program_id"
                        + " where p.name like 'Bench #%'", Integer.class)
                : Portfolio.seed(programs, jdbc, clock.today(), 200, "Bench");
        login("executive", "demo");
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Performance.enable", Map.of());
        show(); // warm-up
        for (boolean cold : new boolean[] {true, false}) {
            double[] ms = new double[RUNS];
            double[] kb = new double[RUNS];
            double[] drawingKb = new double[RUNS];
            double[][] phases = new double[PHASES.length][RUNS];
            for (int i = 0; i < RUNS; i++) {
                if (cold) {
                    chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
                }
                Map<String, Object> before = metrics(chrome);
                ms[i] = show();
                Map<String, Object> after = metrics(chrome);
                phase(phases, i, before, after);
                if (cold && i == 0) {
                    // what a cold view downloads, and whether it came compressed (encoded smaller than decoded)
                    System.out.println("TimelineBrowserBenchmark: cold cache, largest downloads (transferred/encoded/decoded bytes): " + js(
                            "return performance.getEntriesByType('resource').sort((a, b) => b.transferSize - a.transferSize).slice(0, 6)"
                                    + ".map(e => e.name.replace(/^.*\\//, '').slice(0, 40) + ' ' + e.transferSize + '/' + e.encodedBodySize"
                                    + " + '/' + e.decodedBodySize).join('; ');"));
                }
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
            StringBuilder where = new StringBuilder();
            for (int p = 0; p < PHASES.length; p++) {
                where.append(p == 0 ? "" : ", ").append(PHASES[p]).append(' ').append(Math.round(median(phases[p])));
            }
            System.out.printf("TimelineBrowserBenchmark: %s cache, where the time goes (median ms): %s%n", cold ? "cold" : "warm", where);
            if (!cold) {
                warmMs = median(ms);
                warmKb = median(kb);
            }
        }
        String size = (String) js("return String(document.getElementById('timeline-chart').innerHTML.length);");
        System.out.println("TimelineBrowserBenchmark: drawing markup " + size + " characters");
        dashboard(chrome);
        // ops (issue 15): -Pbench fails when a target is missed (docs/performance.md: 1 s, 300 KB with a warm cache)
        org.assertj.core.api.SoftAssertions targets = new org.assertj.core.api.SoftAssertions();
        targets.assertThat(warmMs).as("timeline shown, warm cache, median ms, target <= 1000").isLessThanOrEqualTo(1000);
        targets.assertThat(warmKb).as("timeline transferred, warm cache, median KB, target <= 300").isLessThanOrEqualTo(300);
        targets.assertAll();
    }

    /**
     * Milestones of one view, in ms from navigation start (Navigation and Resource Timing, the view's marks),
     * and the renderer's main-thread work during it (CDP Performance.getMetrics, differences).
     */
    static final String[] PHASES = {"html", "dom-ready", "ui-init", "drawing-requested", "drawing-first-byte",
        "drawing-received", "drawing-inserted", "server-model", "server-render", "script", "layout", "style"};

    private void phase(double[][] phases, int run, Map<String, Object> before, Map<String, Object> after) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> t = (java.util.List<Number>) js("const n = performance.getEntriesByType('navigation')[0];"
                + " const r = performance.getEntriesByType('resource');"
                + " const init = r.find(e => e.name.includes('v-r=init')) || r.find(e => e.name.includes('v-r=uidl')) || {};"
                + " const d = r.filter(e => e.name.includes('/exports/timeline/drawing')).pop() || {};"
                + " const m = performance.getEntriesByName('tl-inserted').pop() || {};"
                + " const st = name => ((d.serverTiming || []).find(s => s.name === name) || {duration: -1}).duration;"
                + " return [n.responseEnd, n.domContentLoadedEventEnd, init.responseEnd || -1, d.startTime || -1,"
                + " d.responseStart || -1, d.responseEnd || -1, m.startTime || -1, st('model'), st('render')];");
        for (int p = 0; p < t.size(); p++) {
            phases[p][run] = t.get(p).doubleValue();
        }
        String[] cdp = {"ScriptDuration", "LayoutDuration", "RecalcStyleDuration"};
        for (int c = 0; c < cdp.length; c++) {
            phases[t.size() + c][run] = 1000 * (number(after, cdp[c]) - number(before, cdp[c]));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(ChromeDriver chrome) {
        Map<String, Object> flat = new java.util.HashMap<>();
        for (Map<String, Object> m : (java.util.List<Map<String, Object>>) chrome.executeCdpCommand("Performance.getMetrics", Map.of())
                .get("metrics")) {
            flat.put((String) m.get("name"), m.get("value"));
        }
        return flat;
    }

    private static double number(Map<String, Object> m, String name) {
        return m.get(name) instanceof Number n ? n.doubleValue() : 0;
    }

    /** The dashboard at the same 200 programs: time until its answers are shown and Vaadin is idle (issue 14: 1 s). */
    private void dashboard(ChromeDriver chrome) {
        for (boolean cold : new boolean[] {true, false}) {
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                if (cold) {
                    chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
                }
                long start = System.nanoTime();
                driver.get(url("dashboard"));
                new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(10)).until(d -> Boolean.TRUE.equals(js(
                        "return !!document.querySelector('#dashboard-answers .answer-title') && !!window.Vaadin"
                                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.printf("TimelineBrowserBenchmark: dashboard, %s cache: shown in median %.0f ms (max %.0f) over %d runs%n",
                    cold ? "cold" : "warm", median(ms), Arrays.stream(ms).max().orElse(0), RUNS);
        }
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
