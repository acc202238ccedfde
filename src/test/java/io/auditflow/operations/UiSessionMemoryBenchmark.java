package io.auditflow.operations;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Role;
import io.auditflow.support.BrowserTest;
import io.auditflow.support.TestClock;
import io.auditflow.timeline.Portfolio;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a test (-Pbench, issue 15 item 7, issue 14): server memory retained per signed-in Vaadin
 * session, with many real sessions opened by headless Chromium against the app in this JVM. For
 * each case it signs in {@link #SESSIONS} times (cookies cleared before each sign-in, so every
 * sign-in is a new HTTP session while the old one, with its UI, stays on the server as an open tab
 * would), and divides the growth of the used heap after full garbage collections by the number of
 * sessions. A class histogram (the same as {@code jcmd <pid> GC.class_histogram}) before and after
 * says what the growth consists of. Target: at most 250 KB per session in every case.
 * Run: {@code ./mvnw -o -Pbench test -Dtest=UiSessionMemoryBenchmark} (optionally {@code -Dbench.sessions=30
 * -Dbench.cases=inbox}); figures in
 * target/benchmarks/ui-session-memory.txt and the lines starting "UiSessionMemoryBenchmark:".
 */
@IntegrationTest
@TestPropertySource(properties = {
        // many sessions of one user stay open at once (the default ends the oldest after three)
        "auditflow.security.max-sessions=100000",
        // every UI stays on the server during the run, as if each tab were still open and sending heartbeats
        "vaadin.heartbeatInterval=36000",
        // production mode keeps no creation stack trace per component; the test profile turns the tracker off too
        "vaadin.devmode.componentTracker.enabled=false"})
class UiSessionMemoryBenchmark extends BrowserTest {

    static final int SESSIONS = Integer.getInteger("bench.sessions", 30);
    static final int WARM_UP = 3;
    static final long TARGET_BYTES = 250 * 1024;
    static final int TEAM_TASKS = 266;
    static final String TRACKER = "com.vaadin.flow.component.internal.ComponentTracker$Location";

    @Autowired
    ProgramService programs;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    record Case(String name, String user, String path, String ready, String mustShow) {
    }

    record Result(Case c, long perSession, int uis, long trackedLocations, List<String> topClasses) {
    }

    @Test
    void memory_per_signed_in_ui_session_stays_within_250_kb() throws Exception {
        clock.reset();
        LocalDate today = clock.today();
        String prefix = "Membench " + (System.nanoTime() % 100_000);
        int milestones = Portfolio.seed(programs, jdbc, today, 200, prefix);
        SystemAuthentication.run(() -> {
            users.seedTeam("membench-empty", "Bench team without tasks", null);
            users.seedTeam("membench-team", "Bench team with 266 tasks", null);
            users.seedUser("membench-idle", "Bench member without tasks", null, "demo", Set.of(Role.COMPLIANCE_MEMBER),
                    Set.of("membench-empty"));
            users.seedUser("membench-busy", "Bench member of a busy team", null, "demo", Set.of(Role.COMPLIANCE_MEMBER),
                    Set.of("membench-team"));
        });
        seedTeamTasks(prefix, today);
        Long isoProgram = jdbc.queryForObject("select id from audit_program where name = ?", Long.class, prefix + " #1");

        List<Case> cases = List.of(
                new Case("member inbox, empty list", "membench-idle", "inbox", "!!document.querySelector('vaadin-grid')", null),
                new Case("member inbox, team's " + TEAM_TASKS + " tasks", "membench-busy", "inbox",
                        "!!document.querySelector('vaadin-grid')", String.valueOf(TEAM_TASKS)),
                new Case("executive timeline, 200 programs", "executive", "timeline",
                        "!!document.querySelector('#timeline-chart li.tl-lane')", null),
                new Case("executive dashboard, 200 programs", "executive", "dashboard",
                        "!!document.querySelector('vaadin-grid')", null),
                new Case("program page (ISO 27001, 26 milestones)", "manager", "programs/" + isoProgram, "true", prefix + " #1"));

        List<Result> results = new ArrayList<>();
        String only = System.getProperty("bench.cases", ""); // e.g. -Dbench.cases=inbox: only the cases whose name has it
        for (Case c : cases) {
            if (!c.name().contains(only)) {
                continue;
            }
            for (int i = 0; i < WARM_UP; i++) {
                openSession(c, i == 0);
            }
            Map<String, long[]> before = histogram();
            long usedBefore = usedHeapAfterGc();
            for (int i = 0; i < SESSIONS; i++) {
                openSession(c, false);
            }
            driver.manage().deleteAllCookies();
            driver.get("about:blank");
            long usedAfter = usedHeapAfterGc();
            Map<String, long[]> after = histogram();
            results.add(new Result(c, (usedAfter - usedBefore) / SESSIONS,
                    (int) (count(after, "com.vaadin.flow.component.UI") - count(before, "com.vaadin.flow.component.UI")),
                    count(after, TRACKER) - count(before, TRACKER),
                    topGrowth(before, after)));
        }

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "UiSessionMemoryBenchmark: %d sessions per case after %d warm-up; %d programs"
                        + " seeded with %d milestones, %d open team tasks; max heap %d MB; target <= %d KB per session",
                SESSIONS, WARM_UP, 200, milestones, TEAM_TASKS, Runtime.getRuntime().maxMemory() >> 20, TARGET_BYTES / 1024));
        lines.add(String.format(Locale.ROOT, "UiSessionMemoryBenchmark: %-42s %12s %10s", "case", "KB/session", "UIs kept"));
        for (Result r : results) {
            lines.add(String.format(Locale.ROOT, "UiSessionMemoryBenchmark: %-42s %12.1f %10d", r.c().name(),
                    r.perSession() / 1024.0, r.uis()));
        }
        for (Result r : results) {
            lines.add("UiSessionMemoryBenchmark: growth by class, " + r.c().name() + " (KB per session, instances per session):");
            r.topClasses().forEach(l -> lines.add("UiSessionMemoryBenchmark:   " + l));
        }
        Path out = Path.of("target", "benchmarks", "ui-session-memory.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);

        SoftAssertions targets = new SoftAssertions();
        for (Result r : results) {
            targets.assertThat(r.uis()).as("UIs kept on the server, %s (the sessions must really stay open)", r.c().name())
                    .isGreaterThanOrEqualTo(SESSIONS);
            targets.assertThat(r.trackedLocations()).as("Vaadin's dev-mode component tracker must be off (%s): it is not"
                    + " in production and held 4 to 10 MB per session", r.c().name()).isLessThanOrEqualTo(0);
            targets.assertThat(r.perSession() / 1024.0).as("KB per signed-in session, %s, target <= 250", r.c().name())
                    .isLessThanOrEqualTo(250.0);
        }
        targets.assertAll();
    }

    /** A new HTTP session: cookies gone, the page asked for, the sign-in page answered, the page shown. */
    private void openSession(Case c, boolean check) throws IOException {
        driver.manage().deleteAllCookies();
        driver.get(url("login"));
        waitFor(By.id("vaadinLoginUsername")).sendKeys(c.user());
        driver.findElement(By.id("vaadinLoginPassword")).sendKeys("demo", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.getCurrentUrl().contains("/login"));
        waitForVaadin();
        driver.get(url(c.path()));
        waitForVaadin();
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(50))
                .until(d -> Boolean.TRUE.equals(js("return " + c.ready() + ";")));
        waitForVaadin();
        if (check) {
            screenshot("membench-" + c.path().replaceAll("[^a-z0-9]+", "-") + "-" + c.user());
            String text = (String) js("return document.body.innerText;");
            if (!driver.getCurrentUrl().endsWith("/" + c.path()) || (c.mustShow() != null && !text.contains(c.mustShow()))) {
                throw new AssertionError("The page of case '" + c.name() + "' did not show what it should: "
                        + driver.getCurrentUrl() + "\n" + text);
            }
        }
    }

    /** The team's open tasks, rows shaped like InboxBenchmark's (five kinds of control activity, due from -100 to +300 days). */
    private void seedTeamTasks(String prefix, LocalDate today) {
        String[] kinds = {"Review user access", "Run vulnerability scan", "Review risk register", "Collect evidence", "Approve policy"};
        List<Map<String, Object>> programRows = jdbc.queryForList(
                "select id, name, framework from audit_program where name like ? order by id", prefix + " #%");
        List<Object[]> rows = new ArrayList<>();
        for (int g = 1; g <= TEAM_TASKS; g++) {
            Map<String, Object> p = programRows.get(g % programRows.size());
            String name = kinds[g % 5] + " #" + g;
            rows.add(new Object[] {"membench-" + g, "membench-pi-" + g, p.get("id"), p.get("name"), p.get("framework"), 1, name,
                    name.toLowerCase(Locale.ROOT), "Task_Bench", "auditflow:generic", "membench-team",
                    Date.valueOf(today.plusDays((g % 400) - 100L)), "CONTROL_ACTIVITY", "OPEN",
                    Timestamp.valueOf(today.atStartOfDay())});
        }
        jdbc.batchUpdate("insert into inbox_task (task_id, process_instance_id, program_id, program_name, framework, cycle,"
                + " name, name_lower, task_key, form_key, assignee, candidate_group, due_date, milestone_type,"
                + " control_activity, task_kind, state, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, null, null, ?, ?, ?)", rows);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** Class name to {instances, bytes}, from the JVM's own class histogram (it runs a full GC first). */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                byClass.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return byClass;
    }

    private static long count(Map<String, long[]> histogram, String type) {
        long[] v = histogram.get(type);
        return v == null ? 0 : v[0];
    }

    private static List<String> topGrowth(Map<String, long[]> before, Map<String, long[]> after) {
        return after.entrySet().stream()
                .map(e -> {
                    long[] b = before.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
                })
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
                .limit(15)
                .map(e -> String.format(Locale.ROOT, "%8.1f KB %8.1f  %s", e.getValue()[1] / 1024.0 / SESSIONS,
                        e.getValue()[0] / (double) SESSIONS, e.getKey()))
                .toList();
    }
}
