package io.auditflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardServiceTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    static final LocalDate HORIZON = LocalDate.parse("2029-06-30");

    static Program program(long id, String name, Framework f) {
        return new Program(id, name, f, Set.of(), null, null, "manager", "Maya", "grc", "GRC", false, Instant.EPOCH,
                Instant.EPOCH);
    }

    static Milestone m(long p, MilestoneType t, int c, String d, boolean done) {
        Milestone m = new Milestone(p, t, c, LocalDate.parse(d), Instant.EPOCH);
        if (done) {
            m.setActualDate(LocalDate.parse(d));
            m.setStatus(MilestoneStatus.DONE);
        }
        return m;
    }

    /** Figures as the lifecycle feature would give them: two windows' activities, findings by kind. */
    static final LifecycleFigures FIGURES = new LifecycleFigures() {
        @Override
        public Map<String, Long> openFindingsByKind() {
            return Map.of("MAJOR_NONCONFORMITY", 1L, "SOC2_EXCEPTION", 3L);
        }

        @Override
        public List<ActivityProgress> expectedVersusDone(Long programId) {
            return List.of(new ActivityProgress("UAR", "User access review", 1, 4, 4, 0),
                    new ActivityProgress("UAR", "User access review", 2, 4, 1, 1));
        }
    };

    Timeline timeline() {
        ProgramLane soc2 = TimelineBuilder.lane(program(1, "Cloud", Framework.SOC2_TYPE2), List.of(
                m(1, MilestoneType.OBSERVATION_START, 1, "2025-01-01", true),
                m(1, MilestoneType.OBSERVATION_END, 1, "2025-12-31", true),
                m(1, MilestoneType.REPORT_ISSUED, 1, "2026-02-27", true),
                m(1, MilestoneType.OBSERVATION_START, 2, "2026-01-01", true),
                m(1, MilestoneType.OBSERVATION_END, 2, "2026-12-31", false),
                m(1, MilestoneType.FIELDWORK_START, 2, "2026-08-31", false),
                m(1, MilestoneType.FIELDWORK_START, 3, "2027-08-31", false)), TODAY, HORIZON, 0);
        ProgramLane iso = TimelineBuilder.lane(program(2, "ISMS", Framework.ISO27001), List.of(
                m(2, MilestoneType.CERTIFICATION_DECISION, 1, "2024-07-01", true),
                m(2, MilestoneType.SURVEILLANCE_AUDIT_2, 1, "2026-06-15", false),
                m(2, MilestoneType.CERTIFICATE_EXPIRY, 1, "2027-06-30", false)), TODAY, HORIZON, 0);
        ProgramLane lapsed = TimelineBuilder.lane(program(3, "Old ISMS", Framework.ISO27001), List.of(
                m(3, MilestoneType.CERTIFICATION_DECISION, 1, "2023-01-10", true),
                m(3, MilestoneType.CERTIFICATE_EXPIRY, 1, "2026-01-09", false)), TODAY, HORIZON, 0);
        return new Timeline(TODAY.minusYears(1), HORIZON, TODAY, List.of(soc2, iso, lapsed));
    }

    @Test
    void upcoming_audits_are_the_next_ninety_days_in_date_order() {
        Dashboard d = DashboardService.build(timeline(), Map.of(), null);
        assertThat(d.upcoming()).extracting(Dashboard.UpcomingAudit::milestone, Dashboard.UpcomingAudit::daysAway)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Surveillance audit 2", 0L),
                        org.assertj.core.groups.Tuple.tuple("Fieldwork starts", 77L));
    }

    @Test
    void countdowns_put_lapses_first_then_the_fewest_days_left() {
        Dashboard d = DashboardService.build(timeline(), Map.of(2L, 3), null);
        assertThat(d.countdowns()).extracting(Dashboard.Countdown::program).containsExactly("Old ISMS", "Cloud", "ISMS");
        assertThat(d.countdowns().get(0).state()).isEqualTo("Lapsed since 2026-01-10");
        assertThat(d.countdowns().get(1).days()).isEqualTo(199L);
        assertThat(d.countdowns().get(2).days()).isEqualTo(380L);
        assertThat(d.overdue()).containsExactly(new Dashboard.ProgramOverdue(2L, "ISMS", 3));
    }

    @Test
    void open_windows_show_the_activities_of_their_own_cycle_and_findings_pass_through() {
        Dashboard without = DashboardService.build(timeline(), Map.of(), null);
        assertThat(without.findingsByKind()).isNull();
        assertThat(without.openWindows()).singleElement().satisfies(w -> assertThat(w.activities()).isNull());

        Dashboard with = DashboardService.build(timeline(), Map.of(), FIGURES);
        assertThat(with.findingsByKind()).containsEntry("MAJOR_NONCONFORMITY", 1L);
        assertThat(with.openWindows()).singleElement().satisfies(w -> {
            assertThat(w.end()).isEqualTo(LocalDate.parse("2026-12-31"));
            assertThat(w.daysLeft()).isEqualTo(199L);
            assertThat(w.activities()).singleElement().satisfies(a -> {
                assertThat(a.cycle()).isEqualTo(2);
                assertThat(a.done()).isEqualTo(1);
            });
        });
    }

    static Milestone status(long p, MilestoneType t, int c, String d, MilestoneStatus status) {
        Milestone m = new Milestone(p, t, c, LocalDate.parse(d), Instant.EPOCH);
        m.setStatus(status);
        return m;
    }

    /** The executive's portfolio of issue 14: a missed surveillance, a passed one, a lapse, a SOC 2 gap, a stale report. */
    Timeline portfolio() {
        return portfolio(new java.util.HashMap<>());
    }

    static ProgramLane lane(Map<Long, List<Milestone>> calendars, Program p, List<Milestone> ms, LocalDate today,
                            LocalDate horizon, int overdue) {
        calendars.put(p.id(), ms);
        return TimelineBuilder.lane(p, ms, today, horizon, overdue);
    }

    Timeline portfolio(Map<Long, List<Milestone>> calendars) {
        List<ProgramLane> lanes = List.of(
                lane(calendars, program(10, "Suspended ISMS", Framework.ISO27001), List.of(
                        m(10, MilestoneType.CERTIFICATION_DECISION, 1, "2024-05-01", true),
                        status(10, MilestoneType.SURVEILLANCE_AUDIT_1, 1, "2025-04-20", MilestoneStatus.MISSED),
                        m(10, MilestoneType.CERTIFICATE_EXPIRY, 1, "2027-04-30", false)), TODAY, HORIZON, 0),
                lane(calendars, program(11, "Overdue ISMS", Framework.ISO27001), List.of(
                        m(11, MilestoneType.CERTIFICATION_DECISION, 1, "2024-03-01", true),
                        m(11, MilestoneType.SURVEILLANCE_AUDIT_1, 1, "2025-02-15", true),
                        m(11, MilestoneType.SURVEILLANCE_AUDIT_2, 1, "2026-02-15", false),
                        m(11, MilestoneType.RECERTIFICATION_AUDIT, 1, "2026-05-15", false),
                        m(11, MilestoneType.CERTIFICATE_EXPIRY, 1, "2027-02-28", false)), TODAY, HORIZON, 2),
                lane(calendars, program(12, "Old ISMS", Framework.ISO27001), List.of(
                        m(12, MilestoneType.CERTIFICATION_DECISION, 1, "2023-01-10", true),
                        m(12, MilestoneType.CERTIFICATE_EXPIRY, 1, "2026-01-09", false)), TODAY, HORIZON, 0),
                lane(calendars, program(20, "Covered SOC 2", Framework.SOC2_TYPE2), List.of(
                        m(20, MilestoneType.OBSERVATION_START, 1, "2024-01-01", true),
                        m(20, MilestoneType.OBSERVATION_END, 1, "2024-12-31", true),
                        m(20, MilestoneType.REPORT_ISSUED, 1, "2025-02-15", true),
                        m(20, MilestoneType.OBSERVATION_START, 2, "2025-04-01", true),
                        m(20, MilestoneType.OBSERVATION_END, 2, "2026-03-31", true),
                        m(20, MilestoneType.REPORT_ISSUED, 2, "2026-05-20", true),
                        m(20, MilestoneType.OBSERVATION_START, 3, "2026-04-01", true),
                        m(20, MilestoneType.OBSERVATION_END, 3, "2027-03-31", false),
                        m(20, MilestoneType.FIELDWORK_START, 3, "2026-08-03", false)), TODAY, HORIZON, 0),
                lane(calendars, program(21, "Stale SOC 2", Framework.SOC2_TYPE2), List.of(
                        m(21, MilestoneType.OBSERVATION_START, 1, "2023-01-01", true),
                        m(21, MilestoneType.OBSERVATION_END, 1, "2023-12-31", true),
                        m(21, MilestoneType.REPORT_ISSUED, 1, "2024-02-01", true),
                        // Every SOC 2 calendar carries the day its report goes stale: period end + 12 months.
                        m(21, MilestoneType.REPORT_STALE, 1, "2024-12-31", false)), TODAY, HORIZON, 0));
        return new Timeline(TODAY.minusYears(1), HORIZON, TODAY, lanes);
    }

    @Test
    void certificates_answer_says_suspended_lapsed_and_at_risk_with_the_reason() {
        Dashboard d = DashboardService.build(portfolio(), Map.of(11L, 2), null);
        assertThat(d.answers().get(0)).isEqualTo(new Dashboard.Answer("certificates", "ISO certificates",
                "1 suspended · 1 lapsed · 1 at risk", Dashboard.Tone.ALARM, 3));
        assertThat(d.certificates()).extracting(Dashboard.Row::program, Dashboard.Row::state, Dashboard.Row::what)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Suspended ISMS", "Suspended",
                                "ISO certificate: Surveillance audit 1 due 2025-04-20 was missed"),
                        org.assertj.core.groups.Tuple.tuple("Old ISMS", "Lapsed",
                                "ISO certificate: expired 2026-01-09 without recertification"),
                        org.assertj.core.groups.Tuple.tuple("Overdue ISMS", "At risk",
                                "ISO certificate: Surveillance audit 2 2026-02-15 is at risk: its day passed and it is not recorded as held"));
    }

    @Test
    void the_certificate_tile_shows_the_lifecycles_reading_with_its_reason() {
        LifecycleFigures recorded = new NoFigures() {
            @Override
            public java.util.Optional<CertificateFigure> certificate(Long programId) {
                return java.util.Optional.of(new CertificateFigure("SUSPENDED", LocalDate.parse("2024-07-01"),
                        LocalDate.parse("2027-06-30"), "Body suspended after a missed audit", null));
            }
        };
        Dashboard d = DashboardService.build(timeline(), Map.of(), recorded);
        assertThat(d.certificates()).extracting(Dashboard.Row::program, Dashboard.Row::state, Dashboard.Row::what)
                .contains(org.assertj.core.groups.Tuple.tuple("ISMS", "Suspended",
                        "ISO certificate: Body suspended after a missed audit"));
    }

    /** Figures with no findings and no control activities; tests override what they need. */
    abstract static class NoFigures implements LifecycleFigures {
        @Override
        public Map<String, Long> openFindingsByKind() {
            return Map.of();
        }

        @Override
        public List<ActivityProgress> expectedVersusDone(Long programId) {
            return List.of();
        }
    }

    /** The lifecycle's answers as the calendar engine gives them, for the milestones the lanes were built from. */
    static LifecycleFigures plannerFigures(Map<Long, List<Milestone>> calendars) {
        return plannerFigures(calendars, TODAY);
    }

    static LifecycleFigures plannerFigures(Map<Long, List<Milestone>> calendars, LocalDate today) {
        return new NoFigures() {
            @Override
            public java.util.Optional<CoverageFigure> coverage(Long programId) {
                io.auditflow.lifecycle.Planner.Coverage c = io.auditflow.lifecycle.Planner.coverage(
                        calendars.getOrDefault(programId, List.of()).stream().map(Milestone::toPlanned).toList(), today);
                return java.util.Optional.of(new CoverageFigure(c.kind().name(), c.from(), c.to(), c.words(),
                        c.gaps().stream().map(g -> new GapFigure(g.from(), g.to())).toList()));
            }
        };
    }

    @Test
    void coverage_answer_says_report_stale_and_names_an_earlier_gap_between_windows() {
        Map<Long, List<Milestone>> calendars = new java.util.HashMap<>();
        Dashboard d = DashboardService.build(portfolio(calendars), Map.of(), plannerFigures(calendars));
        assertThat(d.answers().get(1)).isEqualTo(new Dashboard.Answer("coverage", "SOC 2 coverage",
                "1 report stale · 1 covered, earlier gap", Dashboard.Tone.ALARM, 2));
        // The report for 2023 was current for twelve months after its period: stale from 2024-12-31, the
        // REPORT_STALE day. Covered SOC 2 had no report period for 2025-01-01 to 2025-03-31.
        assertThat(d.coverage()).extracting(Dashboard.Row::what).containsExactly(
                "SOC 2: Report stale since 2024-12-31: no newer report is out",
                "SOC 2: Covered through 2027-03-31 (earlier gap 2025-01-01 – 2025-03-31)");
    }

    @Test
    void coverage_answer_shows_a_gap_planned_ahead_in_amber_and_a_running_gap_in_red() {
        Map<Long, List<Milestone>> calendars = new java.util.HashMap<>();
        List<Milestone> ahead = List.of(
                m(30, MilestoneType.OBSERVATION_START, 1, "2025-07-01", true),
                m(30, MilestoneType.OBSERVATION_END, 1, "2026-06-30", false),
                m(30, MilestoneType.OBSERVATION_START, 2, "2026-09-01", false),
                m(30, MilestoneType.OBSERVATION_END, 2, "2027-08-31", false));
        List<Milestone> now = List.of(
                m(31, MilestoneType.OBSERVATION_START, 1, "2025-01-01", true),
                m(31, MilestoneType.OBSERVATION_END, 1, "2025-12-31", true),
                m(31, MilestoneType.REPORT_ISSUED, 1, "2026-02-15", true),
                m(31, MilestoneType.OBSERVATION_START, 2, "2026-07-01", false),
                m(31, MilestoneType.OBSERVATION_END, 2, "2027-06-30", false));
        calendars.put(30L, ahead);
        calendars.put(31L, now);
        Timeline t = new Timeline(TODAY.minusYears(1), HORIZON, TODAY, List.of(
                TimelineBuilder.lane(program(30, "Moved window", Framework.SOC2_TYPE2), ahead, TODAY, HORIZON, 0),
                TimelineBuilder.lane(program(31, "Late window", Framework.SOC2_TYPE2), now, TODAY, HORIZON, 0)));
        Dashboard d = DashboardService.build(t, Map.of(), plannerFigures(calendars));
        assertThat(d.coverage()).extracting(Dashboard.Row::program, Dashboard.Row::state, Dashboard.Row::tone, Dashboard.Row::what)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Moved window", "Gap ahead", Dashboard.Tone.WARN,
                                "SOC 2: Gap planned: 2026-07-01 to 2026-08-31 (62 days) no report period covers"),
                        org.assertj.core.groups.Tuple.tuple("Late window", "Gap now", Dashboard.Tone.ALARM,
                                "SOC 2: Gap now: 2026-01-01 to 2026-06-30 (181 days) no report period covers"));
    }

    @Test
    void upcoming_and_overdue_answers_count_audits_ahead_and_everything_missed_past_or_not() {
        Dashboard d = DashboardService.build(portfolio(), Map.of(11L, 2), null);
        assertThat(d.answers().get(2).words()).isEqualTo("1 audit, the first on 2026-08-03 (Covered SOC 2)");
        assertThat(d.answers().get(3)).isEqualTo(new Dashboard.Answer("attention", "Overdue or missed",
                "2 missed · 1 overdue · 2 at risk", Dashboard.Tone.ALARM, 5));
        assertThat(d.attention()).extracting(Dashboard.Row::program, Dashboard.Row::what, Dashboard.Row::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Suspended ISMS", "Surveillance audit 1", "Missed"),
                        org.assertj.core.groups.Tuple.tuple("Old ISMS", "Certificate expiry", "Missed"),
                        org.assertj.core.groups.Tuple.tuple("Overdue ISMS", "2 tasks past due", "Overdue"),
                        org.assertj.core.groups.Tuple.tuple("Overdue ISMS", "Surveillance audit 2", "At risk"),
                        org.assertj.core.groups.Tuple.tuple("Overdue ISMS", "Recertification audit", "At risk"));
    }
}
