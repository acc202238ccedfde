package io.auditflow.timeline;

import static io.auditflow.lifecycle.MilestoneStatus.AT_RISK;
import static io.auditflow.lifecycle.MilestoneStatus.DONE;
import static io.auditflow.lifecycle.MilestoneStatus.MISSED;
import static io.auditflow.lifecycle.MilestoneStatus.PLANNED;
import static io.auditflow.lifecycle.MilestoneType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineBuilderTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    static final LocalDate HORIZON = LocalDate.parse("2029-06-30");

    final List<Milestone> milestones = new ArrayList<>();

    static Program program(Framework framework) {
        return new Program(7L, "Acme " + framework.label(), framework, Set.of(), null, null, "manager",
                "Maya Manager", "grc", "GRC", false, Instant.EPOCH, Instant.EPOCH);
    }

    Milestone planned(MilestoneType type, int cycle, String date) {
        Milestone m = new Milestone(7L, type, cycle, LocalDate.parse(date), Instant.EPOCH);
        milestones.add(m);
        return m;
    }

    Milestone done(MilestoneType type, int cycle, String date) {
        Milestone m = planned(type, cycle, date);
        m.setActualDate(LocalDate.parse(date));
        m.setStatus(DONE);
        return m;
    }

    Milestone withStatus(MilestoneType type, int cycle, String date, MilestoneStatus status) {
        Milestone m = planned(type, cycle, date);
        m.setStatus(status);
        return m;
    }

    ProgramLane build(Framework framework) {
        return TimelineBuilder.lane(program(framework), milestones, TODAY, HORIZON, 0);
    }

    static List<TimelineBar> bars(ProgramLane lane, BarKind kind) {
        return lane.bars().stream().filter(b -> b.kind() == kind).toList();
    }

    static TimelineMarker marker(ProgramLane lane, MilestoneType type, int cycle) {
        return lane.markers().stream().filter(m -> m.type() == type && m.cycle() == cycle).findFirst().orElseThrow();
    }

    void continuousSoc2() {
        done(OBSERVATION_START, 1, "2025-01-01");
        done(OBSERVATION_END, 1, "2025-12-31");
        done(FIELDWORK_START, 1, "2026-01-12");
        done(FIELDWORK_END, 1, "2026-02-20");
        done(REPORT_ISSUED, 1, "2026-03-20");
        planned(REPORT_STALE, 1, "2026-12-31");
        done(OBSERVATION_START, 2, "2026-01-01");
        planned(OBSERVATION_END, 2, "2026-12-31");
        planned(FIELDWORK_START, 2, "2026-11-02");
        planned(REPORT_ISSUED, 2, "2027-03-15");
        planned(REPORT_STALE, 2, "2027-12-31");
    }

    @Test
    void soc2_windows_and_current_reports_become_bars_coloured_by_status() {
        continuousSoc2();
        ProgramLane lane = build(Framework.SOC2_TYPE2);

        List<TimelineBar> windows = bars(lane, BarKind.OBSERVATION_WINDOW);
        assertThat(windows).extracting(TimelineBar::start, TimelineBar::end, TimelineBar::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), DONE),
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), PLANNED));
        List<TimelineBar> reports = bars(lane, BarKind.REPORT_CURRENT);
        assertThat(reports).extracting(TimelineBar::start, TimelineBar::end, TimelineBar::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-20"), LocalDate.parse("2026-12-31"), DONE),
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2027-03-15"), LocalDate.parse("2027-12-31"), PLANNED));
        assertThat(bars(lane, BarKind.COVERAGE_GAP)).isEmpty();
        assertThat(lane.markers()).extracting(TimelineMarker::type)
                .containsExactly(FIELDWORK_START, REPORT_ISSUED, FIELDWORK_START, REPORT_ISSUED);
        assertThat(marker(lane, FIELDWORK_START, 1).details()).contains("Fieldwork ends 2026-02-20");
        assertThat(marker(lane, REPORT_ISSUED, 2).status()).isEqualTo(PLANNED);
    }

    @Test
    void a_report_goes_stale_twelve_months_after_the_period_when_no_stale_row_exists() {
        done(OBSERVATION_START, 1, "2025-04-01");
        done(OBSERVATION_END, 1, "2026-03-31");
        done(REPORT_ISSUED, 1, "2026-05-30");
        ProgramLane lane = build(Framework.SOC2_TYPE2);

        assertThat(bars(lane, BarKind.REPORT_CURRENT)).singleElement()
                .satisfies(b -> assertThat(b.end()).isEqualTo(LocalDate.parse("2027-03-31")));
    }

    @Test
    void days_between_two_observation_windows_are_a_coverage_gap() {
        done(OBSERVATION_START, 1, "2024-07-01");
        done(OBSERVATION_END, 1, "2025-06-30");
        done(REPORT_ISSUED, 1, "2025-09-01");
        done(OBSERVATION_START, 2, "2025-10-01");
        planned(OBSERVATION_END, 2, "2026-09-30");
        planned(REPORT_ISSUED, 2, "2026-12-01");
        ProgramLane lane = build(Framework.SOC2_TYPE2);

        assertThat(bars(lane, BarKind.COVERAGE_GAP)).singleElement().satisfies(gap -> {
            assertThat(gap.start()).isEqualTo(LocalDate.parse("2025-07-01"));
            assertThat(gap.end()).isEqualTo(LocalDate.parse("2025-09-30"));
            assertThat(gap.status()).isEqualTo(MISSED);
            assertThat(gap.details()).startsWith("COVERAGE GAP 2025-07-01 – 2025-09-30");
        });
        assertThat(lane.hasAlarm()).isTrue();
    }

    @Test
    void a_bridge_letter_does_not_cover_days_between_two_windows() {
        done(OBSERVATION_START, 1, "2024-07-01");
        done(OBSERVATION_END, 1, "2025-06-30");
        done(REPORT_ISSUED, 1, "2025-09-01");
        done(BRIDGE_LETTER, 1, "2025-08-31");
        done(OBSERVATION_START, 2, "2025-10-01");
        planned(OBSERVATION_END, 2, "2026-09-30");
        planned(REPORT_ISSUED, 2, "2026-12-01");
        ProgramLane lane = build(Framework.SOC2_TYPE2);

        // Decision 0014: no report period covers July to September 2025; a bridge letter cannot change that.
        assertThat(bars(lane, BarKind.COVERAGE_GAP)).singleElement().satisfies(gap -> {
            assertThat(gap.start()).isEqualTo(LocalDate.parse("2025-07-01"));
            assertThat(gap.end()).isEqualTo(LocalDate.parse("2025-09-30"));
        });
        assertThat(marker(lane, BRIDGE_LETTER, 1).status()).isEqualTo(DONE);
    }

    @Test
    void a_stale_report_with_no_next_window_is_an_ongoing_gap_from_the_day_it_went_stale_up_to_the_horizon() {
        done(OBSERVATION_START, 1, "2024-01-01");
        done(OBSERVATION_END, 1, "2024-12-31");
        done(REPORT_ISSUED, 1, "2025-03-01");
        planned(REPORT_STALE, 1, "2025-12-31");
        ProgramLane lane = build(Framework.SOC2_TYPE2);

        // A report counts as current for 12 months after its period ends; after that customers have none.
        assertThat(bars(lane, BarKind.COVERAGE_GAP)).singleElement().satisfies(gap -> {
            assertThat(gap.start()).isEqualTo(LocalDate.parse("2025-12-31"));
            assertThat(gap.end()).isEqualTo(HORIZON);
            assertThat(gap.details()).contains("since 2025-12-31").contains("Report stale since 2025-12-31");
        });
    }

    @Test
    void a_missed_report_leaves_its_whole_window_uncovered() {
        continuousSoc2();
        milestones.removeIf(m -> m.getType() == REPORT_ISSUED && m.getCycle() == 1);
        withStatus(REPORT_ISSUED, 1, "2026-03-20", MISSED);
        ProgramLane lane = build(Framework.SOC2_TYPE2);

        assertThat(bars(lane, BarKind.COVERAGE_GAP)).singleElement().satisfies(gap -> {
            assertThat(gap.start()).isEqualTo(LocalDate.parse("2025-01-01"));
            assertThat(gap.end()).isEqualTo(LocalDate.parse("2025-12-31"));
        });
        assertThat(marker(lane, REPORT_ISSUED, 1).status()).isEqualTo(MISSED);
    }

    @Test
    void an_iso_certificate_is_a_bar_from_decision_to_expiry_with_audit_markers() {
        done(STAGE1_AUDIT, 1, "2025-01-20");
        done(STAGE2_AUDIT, 1, "2025-03-03");
        done(CERTIFICATION_DECISION, 1, "2025-04-01");
        planned(CERTIFICATE_EXPIRY, 1, "2028-03-31");
        planned(SURVEILLANCE_AUDIT_1, 1, "2026-03-02");
        planned(SURVEILLANCE_AUDIT_2, 1, "2027-03-01");
        planned(RECERTIFICATION_AUDIT, 1, "2027-12-06");
        ProgramLane lane = build(Framework.ISO27001);

        assertThat(bars(lane, BarKind.CERTIFICATE_VALID)).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(LocalDate.parse("2025-04-01"));
            assertThat(b.end()).isEqualTo(LocalDate.parse("2028-03-31"));
            // surveillance 1 was planned for March and never recorded: the certificate is at risk
            assertThat(b.status()).isEqualTo(AT_RISK);
        });
        assertThat(marker(lane, STAGE1_AUDIT, 1).status()).isEqualTo(DONE);
        assertThat(marker(lane, SURVEILLANCE_AUDIT_1, 1).status()).isEqualTo(AT_RISK);
        assertThat(marker(lane, SURVEILLANCE_AUDIT_1, 1).details()).contains("date passed, not recorded as done");
        assertThat(marker(lane, SURVEILLANCE_AUDIT_2, 1).status()).isEqualTo(PLANNED);
        assertThat(marker(lane, CERTIFICATE_EXPIRY, 1).status()).isEqualTo(PLANNED);
        assertThat(bars(lane, BarKind.CERTIFICATE_LAPSED)).isEmpty();
    }

    @Test
    void a_missed_surveillance_audit_colours_the_certificate_missed() {
        done(CERTIFICATION_DECISION, 1, "2025-04-01");
        withStatus(SURVEILLANCE_AUDIT_1, 1, "2026-03-02", MISSED);
        ProgramLane lane = build(Framework.ISO27001);

        assertThat(bars(lane, BarKind.CERTIFICATE_VALID)).singleElement().satisfies(b -> {
            assertThat(b.status()).isEqualTo(MISSED);
            assertThat(b.end()).isEqualTo(LocalDate.parse("2028-03-31"));
        });
    }

    @Test
    void a_certificate_that_expired_without_a_later_cycle_has_lapsed() {
        done(CERTIFICATION_DECISION, 1, "2023-05-10");
        planned(CERTIFICATE_EXPIRY, 1, "2026-05-09");
        ProgramLane lane = build(Framework.ISO27001);

        assertThat(bars(lane, BarKind.CERTIFICATE_LAPSED)).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(LocalDate.parse("2026-05-10"));
            assertThat(b.end()).isEqualTo(HORIZON);
            assertThat(b.status()).isEqualTo(MISSED);
            assertThat(b.details()).startsWith("CERTIFICATE LAPSED since 2026-05-10");
        });
        assertThat(marker(lane, CERTIFICATE_EXPIRY, 1).status()).isEqualTo(MISSED);
        assertThat(lane.hasAlarm()).isTrue();
    }

    @Test
    void a_certificate_whose_expiry_is_missed_has_lapsed_even_before_the_date() {
        done(CERTIFICATION_DECISION, 1, "2024-01-10");
        withStatus(CERTIFICATE_EXPIRY, 1, "2027-01-09", MISSED);
        ProgramLane lane = build(Framework.ISO27001);

        assertThat(bars(lane, BarKind.CERTIFICATE_LAPSED)).singleElement()
                .satisfies(b -> assertThat(b.start()).isEqualTo(LocalDate.parse("2027-01-10")));
    }

    @Test
    void a_certificate_renewed_before_expiry_has_not_lapsed() {
        done(CERTIFICATION_DECISION, 1, "2023-05-10");
        planned(CERTIFICATE_EXPIRY, 1, "2026-05-09");
        done(RECERTIFICATION_AUDIT, 1, "2026-02-10");
        done(CERTIFICATION_DECISION, 2, "2026-04-01");
        planned(CERTIFICATE_EXPIRY, 2, "2029-05-09");
        ProgramLane lane = build(Framework.ISO27001);

        assertThat(bars(lane, BarKind.CERTIFICATE_LAPSED)).isEmpty();
        assertThat(bars(lane, BarKind.CERTIFICATE_VALID)).hasSize(2).allMatch(b -> b.status() == DONE);
    }

    @Test
    void a_certificate_restored_after_expiry_shows_the_lapse_between() {
        done(CERTIFICATION_DECISION, 1, "2022-05-10");
        planned(CERTIFICATE_EXPIRY, 1, "2025-05-09");
        done(CERTIFICATION_DECISION, 2, "2025-08-01");
        ProgramLane lane = build(Framework.ISO27001);

        assertThat(bars(lane, BarKind.CERTIFICATE_LAPSED)).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(LocalDate.parse("2025-05-10"));
            assertThat(b.end()).isEqualTo(LocalDate.parse("2025-07-31"));
            assertThat(b.details()).contains("restored 2025-08-01");
        });
    }

    @Test
    void overdue_tasks_put_the_next_audit_and_the_running_window_at_risk() {
        continuousSoc2();
        ProgramLane lane = TimelineBuilder.lane(program(Framework.SOC2_TYPE2), milestones, TODAY, HORIZON, 3);

        assertThat(marker(lane, FIELDWORK_START, 2).status()).isEqualTo(AT_RISK);
        assertThat(marker(lane, FIELDWORK_START, 2).details()).contains("3 tasks are overdue");
        assertThat(marker(lane, REPORT_ISSUED, 2).status()).isEqualTo(PLANNED);
        assertThat(bars(lane, BarKind.OBSERVATION_WINDOW)).extracting(TimelineBar::status).containsExactly(DONE, AT_RISK);
    }

    @Test
    void a_program_without_dates_still_has_a_lane_naming_what_is_known() {
        Milestone undated = new Milestone(7L, STAGE1_AUDIT, 1, null, Instant.EPOCH);
        milestones.add(undated);
        ProgramLane lane = build(Framework.ISO27001);

        assertThat(lane.hasDates()).isFalse();
        assertThat(lane.name()).isEqualTo("Acme ISO/IEC 27001");
        assertThat(lane.undated()).containsExactly("Stage 1 audit");
        milestones.clear();
        assertThat(build(Framework.SOC2_TYPE1).bars()).isEmpty();
    }

    @Test
    void type_one_report_is_current_for_twelve_months_after_the_as_of_date() {
        done(AS_OF_DATE, 1, "2026-03-31");
        planned(REPORT_ISSUED, 1, "2026-07-15");
        ProgramLane lane = build(Framework.SOC2_TYPE1);

        assertThat(bars(lane, BarKind.REPORT_CURRENT)).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(LocalDate.parse("2026-07-15"));
            assertThat(b.end()).isEqualTo(LocalDate.parse("2027-03-31"));
            assertThat(b.status()).isEqualTo(PLANNED);
        });
        assertThat(marker(lane, AS_OF_DATE, 1).status()).isEqualTo(DONE);
        assertThat(bars(lane, BarKind.COVERAGE_GAP)).isEmpty();
    }

    @Test
    void holes_are_the_days_no_interval_covers() {
        LocalDate a = LocalDate.parse("2026-01-01");
        List<LocalDate[]> holes = TimelineBuilder.holes(a, a.plusDays(30), List.of(
                new LocalDate[] {a.plusDays(5), a.plusDays(10)}, new LocalDate[] {a.plusDays(8), a.plusDays(20)}));
        assertThat(holes).hasSize(2);
        assertThat(holes.get(0)).containsExactly(a, a.plusDays(4));
        assertThat(holes.get(1)).containsExactly(a.plusDays(21), a.plusDays(30));
    }
}
