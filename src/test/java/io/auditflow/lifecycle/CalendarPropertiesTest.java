package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the calendar over random histories: onboarding a certificate on any day of its three
 * years with or without real audit dates, random sequences of moves, and random SOC 2 windows. The
 * expected values are computed here from the domain rules (ISO/IEC 17021-1, AICPA practice), not with
 * the planner's helpers.
 */
class CalendarPropertiesTest {

    private final Planner planner = new Planner(LifecycleProperties.defaults());
    private static final LocalDate BASE = LocalDate.of(2020, 1, 1);

    /** The last valid day of a 3-year certificate: the day before the third anniversary (29 Feb -> 1 Mar). */
    private static LocalDate expiryOf(LocalDate decision) {
        boolean leapDay = decision.getMonth() == Month.FEBRUARY && decision.getDayOfMonth() == 29;
        LocalDate anniversary = leapDay && !Year.isLeap(decision.getYear() + 3)
                ? LocalDate.of(decision.getYear() + 3, 3, 1) : decision.plusYears(3);
        return anniversary.minusDays(1);
    }

    private static Map<MilestoneType, PlannedMilestone> byType(List<PlannedMilestone> ms, int cycle) {
        Map<MilestoneType, PlannedMilestone> out = new HashMap<>();
        ms.stream().filter(m -> m.cycle() == cycle).forEach(m -> out.put(m.type(), m));
        return out;
    }

    @Property(tries = 400)
    void an_onboarded_certificate_plans_nothing_in_the_past_without_a_reason_and_keeps_the_cycle_rules(
            @ForAll @IntRange(min = 0, max = 3650) int decisionOffset, @ForAll @IntRange(min = 0, max = 1100) int daysIn,
            @ForAll boolean giveS1, @ForAll boolean giveS2) {
        LocalDate decision = BASE.plusDays(decisionOffset);
        LocalDate expiry = expiryOf(decision);
        LocalDate today = decision.plusDays(daysIn);
        Assume.that(today.isBefore(expiry));
        LocalDate s1Deadline = decision.plusMonths(12);
        LocalDate s1Held = giveS1 && today.isAfter(decision.plusDays(200)) ? decision.plusDays(200) : null;
        LocalDate s2Held = giveS2 && s1Held != null && today.isAfter(LocalDate.of(s1Held.getYear() + 1, 3, 1))
                ? LocalDate.of(s1Held.getYear() + 1, 3, 1) : null;

        Planner.Onboarding o = planner.onboardIso(new Planner.IsoHistory(decision, s1Held, s2Held, null), today);
        Map<MilestoneType, PlannedMilestone> ms = byType(o.plan().milestones(), 1);

        for (PlannedMilestone m : o.plan().milestones()) {
            if (m.status() == MilestoneStatus.PLANNED && m.type().isExternalAudit()) {
                assertThat(!m.date().isBefore(today) || m.note() != null).as(m.toString()).isTrue();
            }
            if (m.status() == MilestoneStatus.DONE && m.actual() != null) {
                assertThat(m.actual()).as("a held audit is not in the future").isBeforeOrEqualTo(today);
            }
        }
        assertThat(ms.get(MilestoneType.CERTIFICATE_EXPIRY).date()).isEqualTo(expiry);
        PlannedMilestone next = ms.get(o.nextAudit());
        assertThat(next.status()).isNotEqualTo(MilestoneStatus.DONE);
        assertThat(next.date()).isAfterOrEqualTo(today).isBeforeOrEqualTo(expiry);
        PlannedMilestone s1 = ms.get(MilestoneType.SURVEILLANCE_AUDIT_1);
        if (!s1.done()) {
            assertThat(s1.date()).isAfter(decision).isBeforeOrEqualTo(s1Deadline);
        }
        PlannedMilestone s2 = ms.get(MilestoneType.SURVEILLANCE_AUDIT_2);
        LocalDate s1Day = s1.actual() != null ? s1.actual() : s1.date();
        if (!s2.done()) {
            assertThat(s2.date().getYear()).as("one surveillance per calendar year").isGreaterThan(s1Day.getYear());
            assertThat(s2.date()).isBeforeOrEqualTo(LocalDate.of(s1Day.getYear() + 1, 12, 31));
        }
        PlannedMilestone recert = ms.get(MilestoneType.RECERTIFICATION_AUDIT);
        assertThat(recert.date()).isBeforeOrEqualTo(expiry);
        if (!s2.done()) {
            assertThat(recert.date()).isAfter(s2.date());
        }
        // Preparation for the next audit lies between today and the audit.
        Map<String, LocalDate> prep = planner.auditPreparation(next.date(), expiry, today);
        for (String key : List.of("internalAuditDue", "managementReviewDue")) {
            assertThat(prep.get(key)).as(key).isAfterOrEqualTo(today).isBeforeOrEqualTo(next.date());
        }
    }

    record Move(MilestoneType type, int days) {
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        Arbitrary<MilestoneType> types = Arbitraries.of(MilestoneType.STAGE1_AUDIT, MilestoneType.STAGE2_AUDIT,
                MilestoneType.CERTIFICATION_DECISION, MilestoneType.SURVEILLANCE_AUDIT_1, MilestoneType.SURVEILLANCE_AUDIT_2,
                MilestoneType.RECERTIFICATION_AUDIT, MilestoneType.CERTIFICATE_EXPIRY);
        return Combinators.combine(types, Arbitraries.integers().between(-200, 400)).as(Move::new).list().ofMaxSize(8);
    }

    @Property(tries = 300)
    void any_sequence_of_accepted_moves_keeps_the_certification_rules(
            @ForAll @IntRange(min = 0, max = 1500) int stage1Offset, @ForAll("moves") List<Move> moves) {
        LocalDate today = LocalDate.of(2026, 11, 30);
        List<PlannedMilestone> cal = new ArrayList<>(planner.planIsoInitial(today.plusDays(10 + stage1Offset), null).milestones());
        for (Move move : moves) {
            PlannedMilestone target = byType(cal, 1).get(move.type());
            Planner.Replan r = planner.reschedule(cal, move.type(), 1, target.date().plusDays(move.days()), today, null);
            if (r.refused()) {
                assertThat(r.changes()).isEmpty();
                continue;
            }
            for (Planner.Change c : r.changes()) {
                cal.replaceAll(m -> m.type() == c.type() && m.cycle() == c.cycle() ? m.withDate(c.to()) : m);
            }
            Map<MilestoneType, PlannedMilestone> ms = byType(cal, 1);
            LocalDate stage1 = ms.get(MilestoneType.STAGE1_AUDIT).date();
            LocalDate stage2 = ms.get(MilestoneType.STAGE2_AUDIT).date();
            LocalDate decision = ms.get(MilestoneType.CERTIFICATION_DECISION).date();
            LocalDate s1 = ms.get(MilestoneType.SURVEILLANCE_AUDIT_1).date();
            LocalDate s2 = ms.get(MilestoneType.SURVEILLANCE_AUDIT_2).date();
            LocalDate recert = ms.get(MilestoneType.RECERTIFICATION_AUDIT).date();
            LocalDate expiry = ms.get(MilestoneType.CERTIFICATE_EXPIRY).date();
            assertThat(stage1).isBefore(stage2);
            assertThat(stage2).isBefore(decision);
            assertThat(expiry).isEqualTo(expiryOf(decision));
            assertThat(s1).isAfter(decision).isBeforeOrEqualTo(decision.plusMonths(12));
            assertThat(s2.getYear()).isEqualTo(s1.getYear() + 1);
            assertThat(recert).isAfter(s2).isBefore(expiry);
            for (PlannedMilestone m : cal) {
                assertThat(m.date()).as("nothing planned in the past").isAfterOrEqualTo(today);
            }
        }
    }

    @Property(tries = 300)
    void coverage_gaps_are_exactly_the_days_no_window_covers(
            @ForAll @IntRange(min = 0, max = 700) int startOffset, @ForAll @IntRange(min = 3, max = 12) int months,
            @ForAll @IntRange(min = 0, max = 120) int delay1, @ForAll @IntRange(min = 0, max = 120) int delay2) {
        LocalDate start1 = BASE.plusDays(startOffset);
        LocalDate end1 = start1.plusMonths(months).minusDays(1);
        LocalDate start2 = end1.plusDays(1 + delay1);
        LocalDate end2 = start2.plusMonths(12).minusDays(1);
        LocalDate start3 = end2.plusDays(1 + delay2);
        List<PlannedMilestone> cal = List.of(
                new PlannedMilestone(MilestoneType.OBSERVATION_START, 1, start1),
                new PlannedMilestone(MilestoneType.OBSERVATION_END, 1, end1),
                new PlannedMilestone(MilestoneType.OBSERVATION_START, 2, start2),
                new PlannedMilestone(MilestoneType.OBSERVATION_END, 2, end2),
                new PlannedMilestone(MilestoneType.OBSERVATION_START, 3, start3));
        TreeSet<LocalDate> uncovered = new TreeSet<>();
        for (LocalDate day = start1; day.isBefore(start3); day = day.plusDays(1)) {
            boolean covered = (!day.isBefore(start1) && !day.isAfter(end1)) || (!day.isBefore(start2) && !day.isAfter(end2));
            if (!covered) {
                uncovered.add(day);
            }
        }
        TreeSet<LocalDate> reported = new TreeSet<>();
        for (CoverageGap g : Planner.coverageGaps(Planner.windows(cal))) {
            for (LocalDate day = g.from(); !day.isAfter(g.to()); day = day.plusDays(1)) {
                reported.add(day);
            }
        }
        assertThat(reported).isEqualTo(uncovered);
        boolean anyGap = delay1 > 0 || delay2 > 0;
        Planner.Coverage before = Planner.coverage(cal, start1);
        assertThat(before.kind()).isEqualTo(anyGap ? Planner.CoverageKind.GAP : Planner.CoverageKind.COVERED);
    }
}
