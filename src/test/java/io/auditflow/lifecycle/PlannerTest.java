package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner's date rules, without Spring or the engine. */
class PlannerTest {

    private final Planner planner = new Planner(LifecycleProperties.defaults());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void decision_on_a_leap_day_gives_a_certificate_ending_on_the_last_day_of_february() {
        Planner.Plan plan = planner.planIsoCycle(1, d("2028-02-29"), null, null);
        assertThat(plan.milestone(MilestoneType.CERTIFICATE_EXPIRY)).isEqualTo(d("2031-02-28"));
        assertThat(plan.date("surveillance1Deadline")).isEqualTo(d("2029-02-28"));
        assertThat(plan.milestone(MilestoneType.SURVEILLANCE_AUDIT_1)).isEqualTo(d("2029-01-29"));
        assertThat(plan.milestone(MilestoneType.RECERTIFICATION_AUDIT)).isEqualTo(d("2030-11-29"));
        assertThat(plan.date("restoreDeadline")).isEqualTo(d("2031-08-28"));
    }

    @Test
    void an_ordinary_certificate_runs_three_years_from_the_decision() {
        Planner.Plan plan = planner.planIsoCycle(1, d("2026-03-15"), null, null);
        assertThat(plan.milestone(MilestoneType.CERTIFICATE_EXPIRY)).isEqualTo(d("2029-03-14"));
        assertThat(plan.milestone(MilestoneType.RECERTIFICATION_AUDIT)).isEqualTo(d("2028-12-15"));
    }

    @Test
    void surveillance_audit_1_is_due_within_twelve_months_of_the_decision() {
        for (String decision : List.of("2026-01-01", "2026-06-30", "2026-12-31", "2028-02-29")) {
            Planner.Plan plan = planner.planIsoCycle(1, d(decision), null, null);
            LocalDate s1 = plan.milestone(MilestoneType.SURVEILLANCE_AUDIT_1);
            assertThat(s1).isAfter(d(decision)).isBeforeOrEqualTo(d(decision).plusMonths(12));
        }
        Planner.Plan late = planner.planIsoCycle(1, d("2026-01-10"), null, d("2027-05-01"));
        assertThat(late.milestone(MilestoneType.SURVEILLANCE_AUDIT_1)).isEqualTo(d("2027-01-10"));
    }

    @Test
    void surveillance_audit_2_falls_in_the_calendar_year_after_surveillance_audit_1() {
        assertThat(Planner.surveillance2(d("2027-01-02"))).isEqualTo(d("2028-01-02"));
        assertThat(Planner.surveillance2(d("2027-12-31"))).isEqualTo(d("2028-12-31"));
        assertThat(Planner.surveillance2(d("2028-02-29"))).isEqualTo(d("2029-02-28"));
        for (String s1 : List.of("2026-01-01", "2026-07-15", "2026-12-31", "2028-02-29")) {
            assertThat(Planner.surveillance2(d(s1)).getYear()).isEqualTo(d(s1).getYear() + 1);
        }
        assertThat(Planner.surveillance2Deadline(d("2027-03-01"), d("2029-03-14"))).isEqualTo(d("2028-12-31"));
        assertThat(Planner.surveillance2Deadline(d("2027-03-01"), d("2028-06-30"))).isEqualTo(d("2028-06-30"));
    }

    @Test
    void recertification_before_expiry_keeps_the_old_expiry_basis() {
        Planner.Plan second = planner.planIsoCycle(2, d("2028-12-20"), d("2029-03-14"), null);
        assertThat(second.date("certificateStart")).isEqualTo(d("2029-03-15"));
        assertThat(second.milestone(MilestoneType.CERTIFICATE_EXPIRY)).isEqualTo(d("2032-03-14"));
        assertThat(second.milestone(MilestoneType.SURVEILLANCE_AUDIT_1)).isBeforeOrEqualTo(d("2029-12-20"));
    }

    @Test
    void initial_certification_plans_stage_2_after_stage_1_and_a_decision_after_stage_2() {
        Planner.Plan plan = planner.planIsoInitial(d("2026-02-02"), null);
        assertThat(plan.milestone(MilestoneType.STAGE2_AUDIT)).isEqualTo(d("2026-03-16"));
        assertThat(plan.milestone(MilestoneType.CERTIFICATION_DECISION)).isEqualTo(d("2026-04-15"));
        assertThat(plan.milestones()).extracting(PlannedMilestone::date).isSorted();
    }

    @Test
    void a_window_starting_on_january_31_ends_the_day_before_its_anniversary_and_the_next_one_follows() {
        LocalDate end = Planner.periodEnd(d("2026-01-31"), 12);
        assertThat(end).isEqualTo(d("2027-01-30"));
        assertThat(Planner.nextWindowStart(end)).isEqualTo(d("2027-01-31"));
        assertThat(Planner.periodEnd(d("2026-01-31"), 3)).isEqualTo(d("2026-04-30").minusDays(1));
        assertThat(Planner.wholeMonths(d("2026-01-31"), end)).isEqualTo(12);
        assertThat(Planner.wholeMonths(d("2026-01-31"), d("2026-05-02"))).isEqualTo(-1);
    }

    @Test
    void quarterly_occurrences_follow_the_schedule_from_the_window_start_without_drifting_at_month_ends() {
        List<Planner.Occurrence> occ = Planner.occurrences(d("2026-01-31"), d("2027-01-30"), 3);
        assertThat(occ).extracting(Planner.Occurrence::opensOn)
                .containsExactly(d("2026-01-31"), d("2026-04-30"), d("2026-07-31"), d("2026-10-31"));
        assertThat(occ).extracting(Planner.Occurrence::dueOn)
                .containsExactly(d("2026-04-29"), d("2026-07-30"), d("2026-10-30"), d("2027-01-30"));
        assertThat(Planner.occurrences(d("2026-01-01"), d("2026-12-31"), 12)).hasSize(1);
        assertThat(Planner.occurrences(d("2026-01-01"), d("2026-06-30"), 3)).hasSize(2);
    }

    @Test
    void a_type_two_engagement_plans_fieldwork_after_the_window_and_the_report_after_fieldwork() {
        Planner.Plan plan = planner.planSoc2(new Planner.Soc2Inputs(true, 1, d("2026-01-05"), null,
                d("2026-01-01"), d("2026-12-31"), null, null, false));
        assertThat(plan.milestone(MilestoneType.OBSERVATION_END)).isEqualTo(d("2026-12-31"));
        assertThat(plan.milestone(MilestoneType.FIELDWORK_START)).isEqualTo(d("2027-01-14"));
        assertThat(plan.milestone(MilestoneType.FIELDWORK_END)).isEqualTo(d("2027-02-17"));
        assertThat(plan.milestone(MilestoneType.REPORT_ISSUED)).isEqualTo(d("2027-04-03"));
        assertThat(plan.milestone(MilestoneType.REPORT_STALE)).isEqualTo(d("2027-12-31"));
        assertThat(plan.date("engageAuditorOn")).isEqualTo(d("2026-09-02"));
        assertThat(plan.date("bridgeLetterOn")).isEqualTo(d("2027-01-01"));
    }

    @Test
    void the_fieldwork_countdown_opens_at_90_60_30_and_7_days_and_skips_steps_already_past() {
        List<Planner.CountdownStep> all = planner.countdown(d("2027-01-14"), d("2026-01-05"));
        assertThat(all).extracting(Planner.CountdownStep::daysBefore).containsExactly(90, 60, 30, 7);
        assertThat(all.get(0).opensOn()).isEqualTo(d("2026-10-16"));
        assertThat(all.get(0).dueOn()).isEqualTo(d("2026-11-14"));
        assertThat(all.get(3).dueOn()).isEqualTo(d("2027-01-13"));
        assertThat(planner.countdown(d("2026-03-01"), d("2026-02-01"))).extracting(Planner.CountdownStep::daysBefore)
                .containsExactly(30, 7);
    }
}
