package io.auditflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.lifecycle.CertificateState;
import io.auditflow.lifecycle.CoverageGap;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.lifecycle.Planner;
import io.auditflow.program.Framework;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The calendar engine, the timeline and the dashboard give one answer (issue 9): over random SOC 2
 * calendars and random ISO certificates, every gap the planner reports is a gap bar on the timeline
 * lane, the dashboard's coverage tile says the planner's kind, every milestone on the lane shows the
 * status the planner gives it, and the certificate tile (built from the lane alone) says the state
 * the planner reads from the full calendar.
 */
class ExecutiveAnswersPropertiesTest {

    private static final LocalDate BASE = LocalDate.of(2022, 1, 1);

    private static Milestone m(long p, MilestoneType t, int c, LocalDate planned, MilestoneStatus status) {
        Milestone m = new Milestone(p, t, c, planned, Instant.EPOCH);
        if (status == MilestoneStatus.DONE) {
            m.setActualDate(planned);
        }
        m.setStatus(status);
        return m;
    }

    @Property(tries = 250)
    void timeline_and_dashboard_report_the_planners_soc2_gaps_and_coverage(
            @ForAll @IntRange(min = 0, max = 400) int startOffset, @ForAll @IntRange(min = 3, max = 12) int months,
            @ForAll @IntRange(min = 0, max = 90) int delay, @ForAll boolean firstReported,
            @ForAll @IntRange(min = 0, max = 1000) int todayOffset) {
        LocalDate start1 = BASE.plusDays(startOffset);
        LocalDate end1 = start1.plusMonths(months).minusDays(1);
        LocalDate start2 = end1.plusDays(1 + delay);
        LocalDate end2 = start2.plusMonths(12).minusDays(1);
        LocalDate today = BASE.plusDays(todayOffset);
        List<Milestone> ms = new ArrayList<>(List.of(
                m(1, MilestoneType.OBSERVATION_START, 1, start1, MilestoneStatus.PLANNED),
                m(1, MilestoneType.OBSERVATION_END, 1, end1, MilestoneStatus.PLANNED),
                m(1, MilestoneType.OBSERVATION_START, 2, start2, MilestoneStatus.PLANNED),
                m(1, MilestoneType.OBSERVATION_END, 2, end2, MilestoneStatus.PLANNED),
                m(1, MilestoneType.REPORT_STALE, 1, end1.plusMonths(12), MilestoneStatus.PLANNED)));
        if (firstReported) {
            ms.add(m(1, MilestoneType.REPORT_ISSUED, 1, end1.plusDays(60), MilestoneStatus.DONE));
        }
        ProgramLane lane = TimelineBuilder.lane(DashboardServiceTest.program(1, "SOC 2", Framework.SOC2_TYPE2), ms, today,
                end2.plusYears(2), 0);
        List<io.auditflow.lifecycle.PlannedMilestone> calendar = ms.stream().map(Milestone::toPlanned).toList();

        for (CoverageGap g : Planner.coverageGaps(Planner.windows(calendar))) {
            assertThat(lane.bars()).as("the timeline draws the gap " + g)
                    .anySatisfy(b -> {
                        assertThat(b.kind()).isEqualTo(BarKind.COVERAGE_GAP);
                        assertThat(b.start()).isEqualTo(g.from());
                        assertThat(b.end()).isEqualTo(g.to());
                    });
        }
        Planner.Coverage coverage = Planner.coverage(calendar, today);
        Dashboard d = DashboardService.build(new Timeline(today.minusYears(1), end2.plusYears(2), today, List.of(lane)),
                Map.of(), DashboardServiceTest.plannerFigures(Map.of(1L, ms), today));
        Dashboard.Row row = d.coverage().get(0);
        String expected = switch (coverage.kind()) {
            case GAP -> coverage.from().isAfter(today) ? "Gap ahead" : "Gap now";
            case COVERED -> coverage.gaps().stream().anyMatch(g -> g.to().isBefore(today)) ? "Covered, earlier gap" : "Covered";
            default -> coverage.kind().label();
        };
        assertThat(row.state()).isEqualTo(expected);
        for (TimelineMarker marker : lane.markers()) {
            Milestone source = ms.stream().filter(x -> x.getType() == marker.type() && x.getCycle() == marker.cycle())
                    .findFirst().orElseThrow();
            assertThat(marker.status()).as(marker.type() + " on the lane")
                    .isEqualTo(Planner.shownStatus(source.getType(), source.getStatus(), marker.date(), today));
        }
    }

    @Property(tries = 250)
    void the_certificate_tile_says_the_state_the_planner_reads(
            @ForAll @IntRange(min = 0, max = 700) int decisionOffset, @ForAll @IntRange(min = 0, max = 1300) int daysLater,
            @ForAll boolean s1Held, @ForAll boolean s1Missed) {
        LocalDate decision = BASE.plusDays(decisionOffset);
        LocalDate expiry = decision.plusYears(3).minusDays(1);
        LocalDate s1 = decision.plusMonths(11);
        LocalDate s2 = s1.plusYears(1);
        LocalDate today = decision.plusDays(daysLater);
        MilestoneStatus s1Status = s1Held ? MilestoneStatus.DONE : s1Missed && today.isAfter(decision.plusMonths(12))
                ? MilestoneStatus.MISSED : MilestoneStatus.PLANNED;
        List<Milestone> ms = List.of(
                m(2, MilestoneType.CERTIFICATION_DECISION, 1, decision, MilestoneStatus.DONE),
                m(2, MilestoneType.SURVEILLANCE_AUDIT_1, 1, s1, s1Status),
                m(2, MilestoneType.SURVEILLANCE_AUDIT_2, 1, s2, MilestoneStatus.PLANNED),
                m(2, MilestoneType.RECERTIFICATION_AUDIT, 1, expiry.minusMonths(3), MilestoneStatus.PLANNED),
                m(2, MilestoneType.CERTIFICATE_EXPIRY, 1, expiry, MilestoneStatus.PLANNED));
        ProgramLane lane = TimelineBuilder.lane(DashboardServiceTest.program(2, "ISMS", Framework.ISO27001), ms, today,
                expiry.plusYears(1), 0);
        Planner.Standing st = Planner.certificateStanding(ms.stream().map(Milestone::toPlanned).toList(), 1,
                CertificateState.VALID, null, expiry, today);
        Dashboard.Row fromLane = LifecycleFiguresAdapter.certificateAnswer(lane, Optional.empty(), today);
        assertThat(fromLane.state()).isEqualTo(st.label());
        assertThat(fromLane.what()).isEqualTo("ISO certificate: " + st.reason());
    }
}
