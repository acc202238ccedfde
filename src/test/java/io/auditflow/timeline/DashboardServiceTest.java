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
}
