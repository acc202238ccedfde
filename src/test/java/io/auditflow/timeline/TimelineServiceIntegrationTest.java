package io.auditflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramService;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class TimelineServiceIntegrationTest {

    @Autowired
    ProgramService programs;
    @Autowired
    MilestoneService milestones;
    @Autowired
    TimelineService timelines;
    @Autowired
    DashboardService dashboards;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TestClock clock;

    @BeforeEach
    void signInAsExecutive() {
        clock.reset();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "executive", null, List.of(new SimpleGrantedAuthority("ROLE_EXECUTIVE"))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void milestones_seeded_through_the_service_become_lanes_with_gaps_lapses_and_overdue_risk() {
        LocalDate today = clock.today();
        String suffix = " IT " + System.nanoTime();
        TimelineSeed seed = new TimelineSeed(programs, milestones, today);
        Long soc2 = seed.program("Gap SOC 2" + suffix, Framework.SOC2_TYPE2, "manager", "grc")
                .soc2Cycle(1, LocalDate.parse("2024-07-01"), true)
                .soc2Cycle(2, LocalDate.parse("2025-10-01"), true).programId();
        Long iso = seed.program("Lapsed ISO" + suffix, Framework.ISO27001, "member", "platform")
                .isoCycle(1, LocalDate.parse("2022-11-01"), true).programId();
        Long empty = seed.program("Empty" + suffix, Framework.SOC2_TYPE1, "manager", "grc").programId();
        TestTasks.deploy(repository);
        TestTasks.start(runtime, soc2, "Collect access review evidence", Date.from(clock.instant().minusSeconds(86_400)),
                null, "grc");

        Timeline timeline = timelines.timeline(TimelineRange.DEFAULT, Set.of(), null);
        ProgramLane gapLane = lane(timeline, soc2);
        assertThat(gapLane.bars()).filteredOn(b -> b.kind() == BarKind.COVERAGE_GAP).singleElement()
                .satisfies(b -> {
                    assertThat(b.start()).isEqualTo(LocalDate.parse("2025-07-01"));
                    assertThat(b.end()).isEqualTo(LocalDate.parse("2025-09-30"));
                });
        // fieldwork of cycle 2 (2026-07-31) is the next audit; the overdue task puts it at risk
        assertThat(gapLane.markers()).filteredOn(m -> m.type() == MilestoneType.FIELDWORK_START && m.cycle() == 2)
                .singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(MilestoneStatus.AT_RISK));
        ProgramLane isoLane = lane(timeline, iso);
        assertThat(isoLane.bars()).filteredOn(b -> b.kind() == BarKind.CERTIFICATE_LAPSED).singleElement()
                .satisfies(b -> assertThat(b.start()).isEqualTo(LocalDate.parse("2025-11-01")));
        assertThat(lane(timeline, empty).hasDates()).isFalse();

        assertThat(timelines.timeline(TimelineRange.DEFAULT, Set.of(Framework.ISO27001), null).lanes())
                .extracting(ProgramLane::programId).contains(iso).doesNotContain(soc2, empty);
        assertThat(timelines.timeline(TimelineRange.DEFAULT, Set.of(), "member").lanes())
                .extracting(ProgramLane::programId).contains(iso).doesNotContain(soc2);

        Dashboard dashboard = dashboards.dashboard(Set.of(), null);
        assertThat(dashboard.overdue()).contains(new Dashboard.ProgramOverdue(soc2, "Gap SOC 2" + suffix, 1));
        assertThat(dashboard.countdowns()).filteredOn(c -> c.programId().equals(iso)).singleElement()
                .satisfies(c -> {
                    assertThat(c.alarm()).isTrue();
                    assertThat(c.state()).isEqualTo("Lapsed since 2025-11-01");
                });
        assertThat(dashboard.countdowns()).filteredOn(c -> c.programId().equals(soc2)).singleElement()
                .satisfies(c -> assertThat(c.days()).isEqualTo(
                        java.time.temporal.ChronoUnit.DAYS.between(today, LocalDate.parse("2026-06-30"))));
        assertThat(dashboard.openWindows()).filteredOn(w -> w.programId().equals(soc2)).singleElement()
                .satisfies(w -> assertThat(w.end()).isEqualTo(LocalDate.parse("2026-09-30")));
        assertThat(dashboard.upcoming()).allMatch(u -> !u.date().isBefore(today) && !u.date().isAfter(today.plusDays(90)));
    }

    @Autowired
    io.auditflow.lifecycle.FindingService findings;

    @Test
    void a_raised_finding_is_counted_by_kind_on_the_dashboard() {
        TimelineSeed seed = new TimelineSeed(programs, milestones, clock.today());
        Long id = seed.program("Finding ISO IT " + System.nanoTime(), Framework.ISO27001, "manager", "grc").programId();
        long before = dashboards.dashboard(Set.of(), null).findingsByKind().get("MAJOR_NONCONFORMITY");
        io.auditflow.common.SystemAuthentication.run(() -> findings.raise(id, "grc", 1,
                io.auditflow.lifecycle.FindingKind.MAJOR_NONCONFORMITY, "No risk treatment plan", "Stage 2 audit"));
        assertThat(dashboards.dashboard(Set.of(), null).findingsByKind().get("MAJOR_NONCONFORMITY")).isEqualTo(before + 1);
    }

    @Test
    void the_dashboard_page_reads_coverage_from_one_read_of_the_milestones_with_the_same_answers_as_per_program() {
        String suffix = " page IT " + System.nanoTime();
        TimelineSeed seed = new TimelineSeed(programs, milestones, clock.today());
        Long soc2 = seed.program("Earlier gap SOC 2" + suffix, Framework.SOC2_TYPE2, "manager", "grc")
                .soc2Cycle(1, LocalDate.parse("2024-07-01"), true)
                .soc2Cycle(2, LocalDate.parse("2025-10-01"), true).programId();

        DashboardService.Page page = dashboards.page(TimelineQuery.all(), java.util.Locale.ENGLISH);

        assertThat(page.dashboard().coverage()).filteredOn(r -> r.programId().equals(soc2)).singleElement()
                .satisfies(r -> {
                    // today 2026-01-05 lies in the second window (2025-10-01 to 2026-09-30), which follows the gap
                    assertThat(r.what()).isEqualTo("SOC 2: Covered through 2026-09-30 (earlier gap 2025-07-01 – 2025-09-30)");
                    assertThat(r.state()).isEqualTo("Covered, earlier gap");
                    assertThat(r.tone()).isEqualTo(Dashboard.Tone.WARN);
                });
        // the old path asks the lifecycle per program (LifecycleService.coverage): every program reads the same
        assertThat(page.dashboard().coverage()).isEqualTo(dashboards.dashboard(Set.of(), null).coverage());
        assertThat(page.dashboard().answers()).isEqualTo(dashboards.dashboard(Set.of(), null).answers());
        assertThat(page.trends()).hasSize(12);
    }

    private static ProgramLane lane(Timeline t, Long id) {
        return t.lanes().stream().filter(l -> l.programId().equals(id)).findFirst().orElseThrow();
    }
}
