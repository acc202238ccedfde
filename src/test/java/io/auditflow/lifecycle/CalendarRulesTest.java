package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The calendar rules with literal dates worked out by hand from ISO/IEC 17021-1 and SOC 2 practice:
 * onboarding a certificate at every point of its three years, moving dates and what follows, coverage.
 * Settings are the documented defaults (surveillance 1 planned at month 11, due by month 12;
 * recertification at month 33; 35 days of preparation before an audit; at risk 30 days before a deadline).
 */
class CalendarRulesTest {

    private final Planner planner = new Planner(LifecycleProperties.defaults());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Map<MilestoneType, PlannedMilestone> byType(List<PlannedMilestone> ms) {
        return ms.stream().collect(Collectors.toMap(PlannedMilestone::type, Function.identity(), (a, b) -> a));
    }

    private Planner.Onboarding onboard(String decision, String today) {
        return planner.onboardIso(new Planner.IsoHistory(d(decision), null, null, null), d(today));
    }

    // ------------------------------------------------------------ onboarding an existing certificate

    @Test
    void a_certificate_decided_on_a_leap_day_and_onboarded_at_month_33_plans_nothing_in_the_past_without_a_reason() {
        // The issue's case: decision 2024-02-29, tracking starts 2026-11-30.
        Planner.Onboarding o = onboard("2024-02-29", "2026-11-30");
        Map<MilestoneType, PlannedMilestone> ms = byType(o.plan().milestones());
        assertThat(ms.get(MilestoneType.CERTIFICATE_EXPIRY).date()).isEqualTo(d("2027-02-28"));
        // Surveillance 1 was due by 2025-02-28: held before tracking, no invented date.
        PlannedMilestone s1 = ms.get(MilestoneType.SURVEILLANCE_AUDIT_1);
        assertThat(s1.status()).isEqualTo(MilestoneStatus.DONE);
        assertThat(s1.actual()).isNull();
        assertThat(s1.note()).contains("before tracking").contains("2025-02-28");
        // Surveillance 2 (due by the end of 2026) is the next audit: between today and its deadline, at risk.
        assertThat(o.nextAudit()).isEqualTo(MilestoneType.SURVEILLANCE_AUDIT_2);
        PlannedMilestone s2 = ms.get(MilestoneType.SURVEILLANCE_AUDIT_2);
        assertThat(s2.date()).isEqualTo(d("2026-12-31"));
        assertThat(s2.status()).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(s2.note()).contains("2026-01-29").contains("deadline 2026-12-31");
        // Recertification stays after surveillance 2 with time to prepare, before expiry.
        PlannedMilestone recert = ms.get(MilestoneType.RECERTIFICATION_AUDIT);
        assertThat(recert.date()).isEqualTo(d("2027-02-04"));
        assertThat(recert.note()).contains("2026-12-31");
        // Preparation for surveillance 2 lies between today and the audit.
        Map<String, LocalDate> prep = planner.auditPreparation(s2.date(), d("2026-12-31"), d("2026-11-30"));
        assertThat(prep.get("internalAuditDue")).isEqualTo(d("2026-11-30"));
        assertThat(prep.get("managementReviewDue")).isEqualTo(d("2026-12-17"));
    }

    @Test
    void onboarded_in_the_first_week_the_whole_cycle_lies_ahead_as_planned() {
        Planner.Onboarding o = onboard("2026-11-23", "2026-11-30");
        Map<MilestoneType, PlannedMilestone> ms = byType(o.plan().milestones());
        assertThat(o.nextAudit()).isEqualTo(MilestoneType.SURVEILLANCE_AUDIT_1);
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_1).date()).isEqualTo(d("2027-10-23"));
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_1).status()).isEqualTo(MilestoneStatus.PLANNED);
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_2).date()).isEqualTo(d("2028-10-23"));
        assertThat(ms.get(MilestoneType.RECERTIFICATION_AUDIT).date()).isEqualTo(d("2029-08-23"));
        assertThat(ms.get(MilestoneType.CERTIFICATE_EXPIRY).date()).isEqualTo(d("2029-11-22"));
        assertThat(ms.get(MilestoneType.CERTIFICATION_DECISION).actual()).isEqualTo(d("2026-11-23"));
    }

    @Test
    void onboarded_in_month_11_after_the_planned_surveillance_day_it_lands_on_the_deadline_at_risk() {
        Planner.Onboarding o = onboard("2025-12-15", "2026-11-30");
        PlannedMilestone s1 = byType(o.plan().milestones()).get(MilestoneType.SURVEILLANCE_AUDIT_1);
        assertThat(o.nextAudit()).isEqualTo(MilestoneType.SURVEILLANCE_AUDIT_1);
        assertThat(s1.date()).isEqualTo(d("2026-12-15"));
        assertThat(s1.status()).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(s1.note()).contains("2026-11-15");
    }

    @Test
    void onboarded_in_month_10_the_planned_surveillance_leaves_too_little_preparation_and_is_at_risk() {
        // Decision 2026-01-20: surveillance 1 planned at month 11 (2026-12-20), due by 2027-01-20. Tracking starts
        // 2026-11-30: 20 days before the audit, when preparation needs 35 (internal audit, management review).
        Planner.Onboarding o = onboard("2026-01-20", "2026-11-30");
        PlannedMilestone s1 = byType(o.plan().milestones()).get(MilestoneType.SURVEILLANCE_AUDIT_1);
        assertThat(s1.date()).isEqualTo(d("2026-12-20"));
        assertThat(s1.status()).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(s1.note()).isEqualTo("preparation needs 35 days and only 20 are left");
        // The process asks the same rule again when it prepares the audit: the same answer, not "planned".
        Planner.AuditSlot again = planner.scheduleAudit(d("2026-12-20"), d("2027-01-20"), d("2026-11-30"));
        assertThat(again.status()).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(again.note()).isEqualTo(s1.note());
        // With 35 days or more ahead the audit is simply planned.
        assertThat(planner.scheduleAudit(d("2027-01-04"), d("2027-01-20"), d("2026-11-30")).status())
                .isEqualTo(MilestoneStatus.PLANNED);
    }

    // ------------------------------------------------------------ a certificate's state today

    private static PlannedMilestone audit(MilestoneType t, String planned, MilestoneStatus status, String note) {
        return new PlannedMilestone(t, 1, d(planned), status == MilestoneStatus.DONE ? d(planned) : null, status, note);
    }

    @Test
    void a_certificate_reads_valid_at_risk_suspended_or_lapsed_from_its_calendar() {
        List<PlannedMilestone> fine = List.of(
                audit(MilestoneType.SURVEILLANCE_AUDIT_1, "2025-05-20", MilestoneStatus.DONE, null),
                audit(MilestoneType.SURVEILLANCE_AUDIT_2, "2026-05-20", MilestoneStatus.PLANNED, null));
        Planner.Standing valid = Planner.certificateStanding(fine, 1, CertificateState.VALID, null, d("2027-06-19"), d("2026-01-10"));
        assertThat(valid).isEqualTo(new Planner.Standing(CertificateState.VALID, d("2027-06-19"), "valid until 2027-06-19"));

        // Surveillance 2 planned 2026-05-20, not recorded as held on 2026-06-01: at risk, the day named.
        Planner.Standing late = Planner.certificateStanding(fine, 1, CertificateState.VALID, null, d("2027-06-19"), d("2026-06-01"));
        assertThat(late.state()).isEqualTo(CertificateState.AT_RISK);
        assertThat(late.reason()).isEqualTo("Surveillance audit 2 2026-05-20 is at risk: its day passed and it is not recorded as held");

        List<PlannedMilestone> missed = List.of(
                audit(MilestoneType.SURVEILLANCE_AUDIT_1, "2025-05-20", MilestoneStatus.MISSED, "Deadline 2025-06-19 has passed"));
        Planner.Standing suspended = Planner.certificateStanding(missed, 1, CertificateState.AT_RISK, "old note",
                d("2027-06-19"), d("2025-07-01"));
        assertThat(suspended).isEqualTo(new Planner.Standing(CertificateState.SUSPENDED, d("2025-05-20"),
                "Surveillance audit 1 due 2025-05-20 was missed"));

        // Valid through 2027-06-19; on 2027-06-20 without a new decision it has lapsed, whatever was recorded.
        assertThat(Planner.certificateStanding(fine, 1, CertificateState.VALID, null, d("2027-06-19"), d("2027-06-19")).state())
                .isEqualTo(CertificateState.AT_RISK);
        assertThat(Planner.certificateStanding(fine, 1, CertificateState.VALID, null, d("2027-06-19"), d("2027-06-20")))
                .isEqualTo(new Planner.Standing(CertificateState.LAPSED, d("2027-06-20"),
                        "expired 2027-06-19 without recertification"));

        // An audit of the next cycle does not speak for this certificate; a recorded restoration is kept.
        List<PlannedMilestone> nextCycle = List.of(new PlannedMilestone(MilestoneType.SURVEILLANCE_AUDIT_1, 2, d("2026-01-01"),
                null, MilestoneStatus.PLANNED, null));
        assertThat(Planner.certificateStanding(nextCycle, 1, CertificateState.RESTORED, null, d("2027-06-19"), d("2026-03-01"))
                .label()).isEqualTo("Restored");
    }

    @Test
    void onboarded_in_month_13_surveillance_1_was_held_before_tracking_and_surveillance_2_is_next() {
        Planner.Onboarding o = onboard("2025-10-31", "2026-11-30");
        Map<MilestoneType, PlannedMilestone> ms = byType(o.plan().milestones());
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_1).status()).isEqualTo(MilestoneStatus.DONE);
        assertThat(o.nextAudit()).isEqualTo(MilestoneType.SURVEILLANCE_AUDIT_2);
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_2).date()).isEqualTo(d("2027-09-30"));
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_2).status()).isEqualTo(MilestoneStatus.PLANNED);
        assertThat(ms.get(MilestoneType.CERTIFICATE_EXPIRY).date()).isEqualTo(d("2028-10-30"));
    }

    @Test
    void onboarded_in_month_30_with_the_real_dates_of_both_surveillance_audits_the_recertification_is_next() {
        Planner.Onboarding o = planner.onboardIso(new Planner.IsoHistory(d("2024-05-31"), d("2025-04-15"),
                d("2026-04-10"), null), d("2026-11-30"));
        Map<MilestoneType, PlannedMilestone> ms = byType(o.plan().milestones());
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_1).actual()).isEqualTo(d("2025-04-15"));
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_2).actual()).isEqualTo(d("2026-04-10"));
        assertThat(o.nextAudit()).isEqualTo(MilestoneType.RECERTIFICATION_AUDIT);
        assertThat(ms.get(MilestoneType.RECERTIFICATION_AUDIT).date()).isEqualTo(d("2027-02-28"));
        assertThat(ms.get(MilestoneType.RECERTIFICATION_AUDIT).status()).isEqualTo(MilestoneStatus.PLANNED);
        assertThat(ms.get(MilestoneType.CERTIFICATE_EXPIRY).date()).isEqualTo(d("2027-05-30"));
    }

    @Test
    void onboarded_in_month_30_without_dates_surveillance_2_is_still_due_this_year() {
        Planner.Onboarding o = onboard("2024-05-31", "2026-11-30");
        Map<MilestoneType, PlannedMilestone> ms = byType(o.plan().milestones());
        assertThat(o.nextAudit()).isEqualTo(MilestoneType.SURVEILLANCE_AUDIT_2);
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_2).date()).isEqualTo(d("2026-12-31"));
        assertThat(ms.get(MilestoneType.RECERTIFICATION_AUDIT).date()).isEqualTo(d("2027-02-28"));
    }

    @Test
    void onboarded_a_week_before_expiry_the_recertification_is_due_on_the_last_valid_day_and_at_risk() {
        Planner.Onboarding o = onboard("2023-12-07", "2026-11-30");
        Map<MilestoneType, PlannedMilestone> ms = byType(o.plan().milestones());
        assertThat(ms.get(MilestoneType.CERTIFICATE_EXPIRY).date()).isEqualTo(d("2026-12-06"));
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_1).status()).isEqualTo(MilestoneStatus.DONE);
        assertThat(ms.get(MilestoneType.SURVEILLANCE_AUDIT_2).status()).isEqualTo(MilestoneStatus.DONE);
        assertThat(o.nextAudit()).isEqualTo(MilestoneType.RECERTIFICATION_AUDIT);
        assertThat(ms.get(MilestoneType.RECERTIFICATION_AUDIT).date()).isEqualTo(d("2026-12-06"));
        assertThat(ms.get(MilestoneType.RECERTIFICATION_AUDIT).status()).isEqualTo(MilestoneStatus.AT_RISK);
    }

    @Test
    void a_decision_on_the_31st_gives_a_surveillance_deadline_on_the_last_day_of_the_shorter_month() {
        // 2026-01-31 + 12 months = 2027-01-31; + 11 months plans surveillance 1 on 2026-12-31.
        Planner.Plan plan = planner.planIsoCycle(1, d("2026-01-31"), null, null);
        assertThat(plan.date("surveillance1Deadline")).isEqualTo(d("2027-01-31"));
        assertThat(plan.milestone(MilestoneType.SURVEILLANCE_AUDIT_1)).isEqualTo(d("2026-12-31"));
        assertThat(plan.milestone(MilestoneType.SURVEILLANCE_AUDIT_2)).isEqualTo(d("2027-12-31"));
        assertThat(plan.milestone(MilestoneType.CERTIFICATE_EXPIRY)).isEqualTo(d("2029-01-30"));
        // A decision on 2026-03-31: 11 months later is 2027-02-28 (no 31 February).
        assertThat(planner.planIsoCycle(1, d("2026-03-31"), null, null).milestone(MilestoneType.SURVEILLANCE_AUDIT_1))
                .isEqualTo(d("2027-02-28"));
    }

    // ------------------------------------------------------------ moving dates

    private List<PlannedMilestone> initial(String stage1, String stage2) {
        return planner.planIsoInitial(d(stage1), d(stage2)).milestones();
    }

    private static Map<MilestoneType, LocalDate> moved(Planner.Replan r) {
        return r.changes().stream().collect(Collectors.toMap(Planner.Change::type, Planner.Change::to));
    }

    @Test
    void moving_stage_2_after_the_planned_decision_carries_the_decision_and_the_whole_certificate_cycle() {
        List<PlannedMilestone> cal = initial("2027-03-01", "2027-04-12");
        assertThat(byType(cal).get(MilestoneType.CERTIFICATION_DECISION).date()).isEqualTo(d("2027-05-12"));
        Planner.Replan r = planner.reschedule(cal, MilestoneType.STAGE2_AUDIT, 1, d("2027-06-01"), d("2026-11-30"),
                "Body had no auditor in May");
        assertThat(r.refused()).isFalse();
        assertThat(r.changes().get(0).type()).isEqualTo(MilestoneType.STAGE2_AUDIT);
        assertThat(r.changes().get(0).from()).isEqualTo(d("2027-04-12"));
        assertThat(r.changes().get(0).note()).contains("Body had no auditor in May");
        Map<MilestoneType, LocalDate> m = moved(r);
        assertThat(m).containsEntry(MilestoneType.STAGE2_AUDIT, d("2027-06-01"))
                .containsEntry(MilestoneType.CERTIFICATION_DECISION, d("2027-07-01"))
                .containsEntry(MilestoneType.SURVEILLANCE_AUDIT_1, d("2028-06-01"))
                .containsEntry(MilestoneType.SURVEILLANCE_AUDIT_2, d("2029-06-01"))
                .containsEntry(MilestoneType.RECERTIFICATION_AUDIT, d("2030-04-01"))
                .containsEntry(MilestoneType.CERTIFICATE_EXPIRY, d("2030-06-30"));
        assertThat(m).doesNotContainKey(MilestoneType.STAGE1_AUDIT);
    }

    @Test
    void moving_stage_1_keeps_the_weeks_between_stage_1_and_stage_2() {
        Planner.Replan r = planner.reschedule(initial("2027-03-01", "2027-04-12"), MilestoneType.STAGE1_AUDIT, 1,
                d("2027-03-15"), d("2026-11-30"), null);
        assertThat(moved(r)).containsEntry(MilestoneType.STAGE1_AUDIT, d("2027-03-15"))
                .containsEntry(MilestoneType.STAGE2_AUDIT, d("2027-04-26"))
                .containsEntry(MilestoneType.CERTIFICATION_DECISION, d("2027-05-26"));
    }

    @Test
    void moves_that_break_a_rule_are_refused_with_the_rule_in_words() {
        List<PlannedMilestone> cal = initial("2027-03-01", "2027-04-12");
        LocalDate today = d("2026-11-30");
        assertThat(planner.reschedule(cal, MilestoneType.STAGE2_AUDIT, 1, d("2027-02-20"), today, null).refusal())
                .isEqualTo("Stage 2 comes after Stage 1 (2027-03-01)");
        assertThat(planner.reschedule(cal, MilestoneType.SURVEILLANCE_AUDIT_1, 1, d("2028-05-13"), today, null).refusal())
                .isEqualTo("Surveillance audit 1 is due no later than 12 months after the decision (2028-05-12)");
        assertThat(planner.reschedule(cal, MilestoneType.CERTIFICATE_EXPIRY, 1, d("2030-06-30"), today, null).refusal())
                .contains("follows from other dates").contains("certification decision");
        assertThat(planner.reschedule(cal, MilestoneType.STAGE1_AUDIT, 1, d("2026-11-29"), today, null).refusal())
                .contains("cannot lie in the past");
        assertThat(planner.reschedule(cal, MilestoneType.SURVEILLANCE_AUDIT_2, 1, d("2028-06-01"), today, null).refusal())
                .isEqualTo("Surveillance audit 2 falls in the calendar year after surveillance audit 1 (2028-04-12)");
        assertThat(planner.reschedule(cal, MilestoneType.RECERTIFICATION_AUDIT, 1, d("2030-05-12"), today, null).refusal())
                .isEqualTo("A recertification audit must take place before the certificate expires on 2030-05-11");
    }

    @Test
    void a_milestone_that_happened_does_not_move() {
        List<PlannedMilestone> cal = new java.util.ArrayList<>(initial("2027-03-01", "2027-04-12"));
        cal.replaceAll(m -> m.type() == MilestoneType.STAGE1_AUDIT
                ? new PlannedMilestone(m.type(), 1, m.date(), d("2027-03-02"), MilestoneStatus.DONE, null) : m);
        assertThat(planner.reschedule(cal, MilestoneType.STAGE1_AUDIT, 1, d("2027-03-20"), d("2027-03-05"), null).refusal())
                .isEqualTo("Stage 1 audit already happened on 2027-03-02: it cannot move");
    }

    private List<PlannedMilestone> soc2Year(String start, String end) {
        return planner.planSoc2(new Planner.Soc2Inputs(true, 1, d("2026-06-01"), null, d(start), d(end), null, null,
                false)).milestones();
    }

    @Test
    void moving_the_next_window_start_two_months_later_leaves_a_gap_that_coverage_reports() {
        List<PlannedMilestone> cal = new java.util.ArrayList<>(soc2Year("2026-07-01", "2027-06-30"));
        cal.add(new PlannedMilestone(MilestoneType.OBSERVATION_START, 2, d("2027-07-01")));
        Planner.Replan r = planner.reschedule(cal, MilestoneType.OBSERVATION_START, 2, d("2027-09-01"), d("2026-11-30"), null);
        assertThat(r.refused()).isFalse();
        cal.replaceAll(m -> m.type() == MilestoneType.OBSERVATION_START && m.cycle() == 2 ? m.withDate(d("2027-09-01")) : m);
        List<CoverageGap> gaps = Planner.coverageGaps(Planner.windows(cal));
        assertThat(gaps).containsExactly(new CoverageGap(d("2027-07-01"), d("2027-08-31")));
        assertThat(gaps.get(0).days()).isEqualTo(62);
        Planner.Coverage c = Planner.coverage(cal, d("2026-11-30"));
        assertThat(c.kind()).isEqualTo(Planner.CoverageKind.GAP);
        assertThat(c.words()).isEqualTo("Gap planned: 2027-07-01 to 2027-08-31 (62 days) no report period covers");
    }

    @Test
    void moving_a_window_start_carries_its_end_fieldwork_report_staleness_and_the_next_window() {
        List<PlannedMilestone> cal = new java.util.ArrayList<>(soc2Year("2027-01-01", "2027-12-31"));
        cal.add(new PlannedMilestone(MilestoneType.OBSERVATION_START, 2, d("2028-01-01")));
        Planner.Replan r = planner.reschedule(cal, MilestoneType.OBSERVATION_START, 1, d("2027-02-01"), d("2026-11-30"), null);
        Map<MilestoneType, LocalDate> m = r.changes().stream().filter(c -> c.cycle() == 1)
                .collect(Collectors.toMap(Planner.Change::type, Planner.Change::to));
        assertThat(m).containsEntry(MilestoneType.OBSERVATION_END, d("2028-01-31"))
                .containsEntry(MilestoneType.FIELDWORK_START, d("2028-02-14"))
                .containsEntry(MilestoneType.FIELDWORK_END, d("2028-03-19"))
                .containsEntry(MilestoneType.REPORT_ISSUED, d("2028-05-03"))
                .containsEntry(MilestoneType.REPORT_STALE, d("2029-01-31"));
        assertThat(r.changes()).anyMatch(c -> c.type() == MilestoneType.OBSERVATION_START && c.cycle() == 2
                && c.to().equals(d("2028-02-01")));
    }

    @Test
    void moving_fieldwork_keeps_its_length_and_the_report_follows_45_days_after_it_ends() {
        List<PlannedMilestone> cal = soc2Year("2026-07-01", "2027-06-30");
        // Planned fieldwork 2027-07-14 to 2027-08-17 (35 days), report 2027-10-01.
        assertThat(byType(cal).get(MilestoneType.FIELDWORK_START).date()).isEqualTo(d("2027-07-14"));
        Planner.Replan r = planner.reschedule(cal, MilestoneType.FIELDWORK_START, 1, d("2027-08-02"), d("2026-11-30"), null);
        assertThat(moved(r)).containsEntry(MilestoneType.FIELDWORK_START, d("2027-08-02"))
                .containsEntry(MilestoneType.FIELDWORK_END, d("2027-09-05"))
                .containsEntry(MilestoneType.REPORT_ISSUED, d("2027-10-20"));
    }

    // ------------------------------------------------------------ coverage

    @Test
    void a_report_whose_period_ended_twelve_months_ago_without_a_newer_one_is_stale() {
        List<PlannedMilestone> cal = new java.util.ArrayList<>(soc2Year("2025-07-01", "2026-06-30"));
        cal.replaceAll(m -> m.type() == MilestoneType.REPORT_ISSUED
                ? new PlannedMilestone(m.type(), 1, m.date(), d("2026-09-20"), MilestoneStatus.DONE, null) : m);
        assertThat(Planner.coverage(cal, d("2027-06-29")).kind()).isEqualTo(Planner.CoverageKind.COVERED);
        Planner.Coverage stale = Planner.coverage(cal, d("2027-06-30"));
        assertThat(stale.kind()).isEqualTo(Planner.CoverageKind.REPORT_STALE);
        assertThat(stale.words()).isEqualTo("Report stale since 2027-06-30: no newer report is out");
    }

    @Test
    void back_to_back_windows_have_no_gap_and_a_missed_report_leaves_its_window_uncovered() {
        List<PlannedMilestone> cal = new java.util.ArrayList<>();
        cal.add(new PlannedMilestone(MilestoneType.OBSERVATION_START, 1, d("2025-01-01")));
        cal.add(new PlannedMilestone(MilestoneType.OBSERVATION_END, 1, d("2025-12-31")));
        cal.add(new PlannedMilestone(MilestoneType.OBSERVATION_START, 2, d("2026-01-01")));
        cal.add(new PlannedMilestone(MilestoneType.OBSERVATION_END, 2, d("2026-12-31")));
        cal.add(new PlannedMilestone(MilestoneType.OBSERVATION_START, 3, d("2027-01-01")));
        assertThat(Planner.coverageGaps(Planner.windows(cal))).isEmpty();
        assertThat(Planner.coverage(cal, d("2026-11-30")).kind()).isEqualTo(Planner.CoverageKind.COVERED);
        cal.add(new PlannedMilestone(MilestoneType.REPORT_ISSUED, 2, d("2027-03-01"), null, MilestoneStatus.MISSED, null));
        assertThat(Planner.coverageGaps(Planner.windows(cal)))
                .containsExactly(new CoverageGap(d("2026-01-01"), d("2026-12-31")));
    }

    @Test
    void before_the_first_window_starts_nothing_is_covered_yet() {
        Planner.Coverage c = Planner.coverage(soc2Year("2027-01-01", "2027-12-31"), d("2026-11-30"));
        assertThat(c.kind()).isEqualTo(Planner.CoverageKind.NOT_STARTED);
        assertThat(c.words()).isEqualTo("Not covered yet: the first period starts 2027-01-01");
    }
}
