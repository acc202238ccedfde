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
        // -Dbench.only=dashboard: only the dashboard's figures (the timeline's loop takes minutes under load)
        boolean timeline = !"dashboard".equals(System.getProperty("bench.only"));
        for (boolean cold : timeline ? new boolean[] {true, false} : new boolean[0]) {
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
            if (cold) {
                coldMs = median(ms);
            } else {
                warmMs = median(ms);
                warmKb = median(kb);
            }
        }
        String size = timeline ? (String) js("return String(document.getElementById('timeline-chart').innerHTML.length);") : "-";
        System.out.println("TimelineBrowserBenchmark: drawing markup " + size + " characters");
        dashboard(chrome);
        // ops (issue 15): -Pbench fails when a target is missed (docs/performance.md: 1 s warm and cold, 300 KB warm)
        org.assertj.core.api.SoftAssertions targets = new org.assertj.core.api.SoftAssertions();
        if (timeline) {
            targets.assertThat(warmMs).as("timeline shown, warm cache, median ms, target <= 1000").isLessThanOrEqualTo(1000);
            targets.assertThat(warmKb).as("timeline transferred, warm cache, median KB, target <= 300").isLessThanOrEqualTo(300);
            // issue 14: shown within 1 s with a cold cache too (met on a quiet machine, 2026-12-01: 728 ms). The cold
            // 300 KB is not asserted: Vaadin's pre-compiled bundle alone is about 430 KB (docs/performance.md).
            targets.assertThat(coldMs).as("timeline shown, cold cache, median ms, target <= 1000").isLessThanOrEqualTo(1000);
        }
        targets.assertThat(dashboardColdMs).as("dashboard shown, cold cache, median ms, target <= 1000").isLessThanOrEqualTo(1000);
        targets.assertThat(dashboardWarmMs).as("dashboard shown, warm cache, median ms, target <= 1000").isLessThanOrEqualTo(1000);
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

    @Autowired
    DashboardService dashboards;

    /** Dashboard phases (median ms from navigation start, sizes in KB): see {@link #dashboardPhase}. */
    static final String[] DASH_PHASES = {"html", "ui-init-received", "uidl-requests", "uidl1-sent", "uidl1-first-byte",
        "uidl1-received", "uidl1-KB-raw", "uidl-last-sent", "uidl-last-first-byte", "uidl-last-received", "uidl-last-KB-raw",
        "answers-in-dom", "long-tasks-ms", "long-tasks-after-uidl1-ms", "last-long-task-end"};

    /** Runs in every new document: when the answers enter the DOM, and the main thread's long tasks. */
    static final String DASH_OBSERVER = "window.afLong = [];"
            + " try { new PerformanceObserver(l => l.getEntries().forEach(e => window.afLong.push([e.startTime, e.duration])))"
            + ".observe({type: 'longtask', buffered: true}); } catch (e) {}"
            + " new MutationObserver((m, o) => { if (document.querySelector('#dashboard-answers .answer-title'))"
            + " { window.afAnswers = performance.now(); o.disconnect(); } })"
            + ".observe(document, {childList: true, subtree: true});"
            + " window.afSent = []; const send = XMLHttpRequest.prototype.send;"
            + " XMLHttpRequest.prototype.send = function (b) { window.afSent.push(String(b).slice(0, 300)); return send.apply(this, arguments); };";

    /**
     * The dashboard at the same 200 programs: time until its answers are shown and Vaadin is idle (issue 14: 1 s),
     * where that time goes in the browser, and the server's model time (the service called directly).
     */
    private void dashboard(ChromeDriver chrome) {
        io.auditflow.timeline.TimelineQuery all = io.auditflow.timeline.TimelineQuery.all();
        double[] model = new double[RUNS];
        double[] trendMs = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            io.auditflow.common.SystemAuthentication.run(() -> dashboards.dashboard(all, java.util.Locale.ENGLISH));
            long t1 = System.nanoTime();
            io.auditflow.common.SystemAuthentication.run(() -> dashboards.trends(all));
            model[i] = (t1 - t0) / 1e6;
            trendMs[i] = (System.nanoTime() - t1) / 1e6;
        }
        System.out.printf("TimelineBrowserBenchmark: dashboard, server: model median %.0f ms, trends median %.0f ms%n",
                median(model), median(trendMs));
        io.auditflow.common.SystemAuthentication.run(this::serverPieces);
        Object observer = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DASH_OBSERVER))
                .get("identifier");
        for (boolean cold : new boolean[] {true, false}) {
            double[] ms = new double[RUNS];
            double[][] phases = new double[DASH_PHASES.length][RUNS];
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
                dashboardPhase(phases, i);
            }
            System.out.printf("TimelineBrowserBenchmark: dashboard, %s cache: shown in median %.0f ms (max %.0f) over %d runs%n",
                    cold ? "cold" : "warm", median(ms), Arrays.stream(ms).max().orElse(0), RUNS);
            StringBuilder where = new StringBuilder();
            for (int p = 0; p < DASH_PHASES.length; p++) {
                where.append(p == 0 ? "" : ", ").append(DASH_PHASES[p]).append(' ').append(Math.round(median(phases[p])));
            }
            System.out.printf("TimelineBrowserBenchmark: dashboard, %s cache, where the time goes (median): %s%n",
                    cold ? "cold" : "warm", where);
            if (cold) {
                dashboardColdMs = median(ms);
            } else {
                dashboardWarmMs = median(ms);
            }
        }
        System.out.println("TimelineBrowserBenchmark: dashboard, what the client sent: " + js("return JSON.stringify(window.afSent);"));
        chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", observer));
        System.out.println("TimelineBrowserBenchmark: dashboard, DOM elements " + js("return document.querySelectorAll('*').length;"));
    }

    private double dashboardWarmMs;
    private double dashboardColdMs;

    @Autowired
    TimelineService timelines;
    @Autowired
    TaskDeadlines deadlines;
    @Autowired
    LifecycleFigures figures;

    /** The parts of the dashboard's model, each timed on its own (last of three runs). */
    private void serverPieces() {
        Map<String, Double> ms = new java.util.LinkedHashMap<>();
        for (int run = 0; run < 3; run++) {
            long t = System.nanoTime();
            Timeline tl = timelines.timeline(io.auditflow.timeline.TimelineQuery.all(), java.util.Locale.ENGLISH);
            t = lap(ms, "timeline", t);
            deadlines.overdueByProgram();
            t = lap(ms, "overdueByProgram", t);
            for (ProgramLane l : tl.lanes()) {
                if (l.framework() == io.auditflow.program.Framework.ISO27001) {
                    figures.certificate(l.programId());
                }
            }
            t = lap(ms, "certificates", t);
            for (ProgramLane l : tl.lanes()) {
                if (l.framework() != null && l.framework().isSoc2()) {
                    figures.coverage(l.programId());
                }
            }
            t = lap(ms, "coverage", t);
            for (ProgramLane l : tl.lanes()) {
                if (l.framework() != null && l.framework().isSoc2()) {
                    figures.expectedVersusDone(l.programId());
                }
            }
            t = lap(ms, "expectedVersusDone(all SOC 2)", t);
            figures.openFindingsByKind();
            t = lap(ms, "findings", t);
            figures.overdueTasksByDueMonth(java.time.YearMonth.now(clock).minusMonths(11), 12);
            t = lap(ms, "overdueByDueMonth", t);
            for (ProgramLane l : tl.lanes()) {
                figures.occurrences(l.programId());
            }
            lap(ms, "occurrences", t);
        }
        System.out.println("TimelineBrowserBenchmark: dashboard, server pieces (ms, third run): " + ms);
    }

    private static long lap(Map<String, Double> ms, String name, long since) {
        long now = System.nanoTime();
        ms.put(name, Math.round((now - since) / 1e5) / 10.0);
        return now;
    }

    private void dashboardPhase(double[][] phases, int run) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> t = (java.util.List<Number>) js("const n = performance.getEntriesByType('navigation')[0];"
                + " const r = performance.getEntriesByType('resource');"
                + " const init = r.find(e => e.name.includes('v-r=init')) || {};"
                + " const u = r.filter(e => e.name.includes('v-r=uidl'));"
                + " const f = u[0] || {}; const l = u[u.length - 1] || {};"
                + " const lt = window.afLong || [];"
                + " return [n.responseEnd, init.responseEnd || -1, u.length, f.startTime || -1, f.responseStart || -1,"
                + " f.responseEnd || -1, (f.decodedBodySize || 0) / 1024, l.startTime || -1, l.responseStart || -1,"
                + " l.responseEnd || -1, (l.decodedBodySize || 0) / 1024, window.afAnswers || -1,"
                + " lt.reduce((s, e) => s + e[1], 0), lt.filter(e => e[0] >= (f.responseEnd || 0)).reduce((s, e) => s + e[1], 0),"
                + " lt.reduce((s, e) => Math.max(s, e[0] + e[1]), 0)];");
        for (int p = 0; p < t.size(); p++) {
            phases[p][run] = t.get(p).doubleValue();
        }
    }

    private double warmMs;
    private double coldMs;
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
