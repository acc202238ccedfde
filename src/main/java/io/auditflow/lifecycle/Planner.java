package io.auditflow.lifecycle;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes every planned date of a program's calendar from its inputs: plain Java, no engine and no
 * Spring, so each date rule is unit-tested on its own. Processes receive these dates as variables
 * and use them in {@code timeDate} timers and task due dates; when an input date moves, the
 * lifecycle service asks the planner again and moves timers and due dates along.
 *
 * <p>Date conventions: a period of n months starting on S ends on {@code S + n months - 1 day}; the
 * next period starts the day after. Recurring dates are anchored on the period start
 * ({@code S + k * period}), never chained from the previous one, so month ends do not drift.
 */
public final class Planner {

    private final LifecycleProperties settings;

    public Planner(LifecycleProperties settings) {
        this.settings = settings;
    }

    public LifecycleProperties settings() {
        return settings;
    }

    /** The dates of one plan: milestones for the calendar and named dates for process variables. */
    public record Plan(List<PlannedMilestone> milestones, Map<String, LocalDate> dates) {
        public LocalDate date(String name) {
            return dates.get(name);
        }

        public LocalDate milestone(MilestoneType type) {
            return milestones.stream().filter(m -> m.type() == type).map(PlannedMilestone::date).findFirst().orElse(null);
        }
    }

    /** Inputs of one SOC 2 engagement; for Type I only {@code asOfDate} is used, for Type II the window. */
    public record Soc2Inputs(boolean typeTwo, int cycle, LocalDate today, LocalDate asOfDate, LocalDate windowStart,
                             LocalDate windowEnd, LocalDate fieldworkStart, LocalDate fieldworkEnd, boolean readiness) {
    }

    /** One occurrence of a recurring control activity inside a window. */
    public record Occurrence(int seq, LocalDate opensOn, LocalDate dueOn) {
    }

    /** One fieldwork preparation step: opens {@code daysBefore} FIELDWORK_START, due before the next one opens. */
    public record CountdownStep(int daysBefore, LocalDate opensOn, LocalDate dueOn) {
    }

    // ---------------------------------------------------------------- SOC 2

    /** Last day of a period of {@code months} months starting on {@code start}. */
    public static LocalDate periodEnd(LocalDate start, int months) {
        return start.plusMonths(months).minusDays(1);
    }

    /** Whole months between a window's start and end (end inclusive), or -1 when it is not a whole number of months. */
    public static int wholeMonths(LocalDate start, LocalDate end) {
        for (int m = 1; m <= 240; m++) {
            LocalDate candidate = periodEnd(start, m);
            if (candidate.equals(end)) {
                return m;
            }
            if (candidate.isAfter(end)) {
                return -1;
            }
        }
        return -1;
    }

    public Plan planSoc2(Soc2Inputs in) {
        List<PlannedMilestone> ms = new ArrayList<>();
        Map<String, LocalDate> d = new LinkedHashMap<>();
        LocalDate scopingDue = in.today().plusDays(settings.scopingDays());
        d.put("scopingDue", scopingDue);
        d.put("readinessDue", scopingDue.plusDays(settings.readinessDays()));
        LocalDate basis;
        if (in.typeTwo()) {
            d.put("windowStart", in.windowStart());
            d.put("windowEnd", in.windowEnd());
            d.put("windowClosed", in.windowEnd().plusDays(1));
            ms.add(new PlannedMilestone(MilestoneType.OBSERVATION_START, in.cycle(), in.windowStart()));
            ms.add(new PlannedMilestone(MilestoneType.OBSERVATION_END, in.cycle(), in.windowEnd()));
            basis = in.windowEnd();
            LocalDate engage = in.windowEnd().minusDays(settings.engageAuditorDaysBeforeWindowEnd());
            d.put("engageAuditorOn", engage.isBefore(in.windowStart()) ? in.windowStart() : engage);
            d.put("engageAuditorDue", engage.plusDays(30).isAfter(in.windowEnd()) ? in.windowEnd() : engage.plusDays(30));
            d.put("bridgeLetterOn", in.windowEnd().plusDays(1));
        } else {
            d.put("asOfDate", in.asOfDate());
            d.put("asOfReached", in.asOfDate());
            ms.add(new PlannedMilestone(MilestoneType.AS_OF_DATE, in.cycle(), in.asOfDate()));
            basis = in.asOfDate();
        }
        LocalDate fieldworkStart = in.fieldworkStart() != null ? in.fieldworkStart()
                : basis.plusDays(settings.fieldworkOffsetDays());
        LocalDate fieldworkEnd = in.fieldworkEnd() != null ? in.fieldworkEnd()
                : fieldworkStart.plusDays(settings.fieldworkDays() - 1L);
        LocalDate reportDue = fieldworkEnd.plusDays(settings.reportDays());
        d.put("fieldworkStart", fieldworkStart);
        d.put("fieldworkEnd", fieldworkEnd);
        d.put("managementResponseDue", fieldworkEnd.plusDays(14));
        d.put("assertionDue", reportDue.minusDays(7));
        d.put("reportDue", reportDue);
        LocalDate stale = basis.plusMonths(settings.reportStaleMonths());
        d.put("reportStale", stale);
        ms.add(new PlannedMilestone(MilestoneType.FIELDWORK_START, in.cycle(), fieldworkStart));
        ms.add(new PlannedMilestone(MilestoneType.FIELDWORK_END, in.cycle(), fieldworkEnd));
        ms.add(new PlannedMilestone(MilestoneType.REPORT_ISSUED, in.cycle(), reportDue));
        ms.add(new PlannedMilestone(MilestoneType.REPORT_STALE, in.cycle(), stale));
        return sorted(ms, d);
    }

    /** The window of the year after the given one: it starts the day after, so coverage never breaks. */
    public static LocalDate nextWindowStart(LocalDate previousWindowEnd) {
        return previousWindowEnd.plusDays(1);
    }

    /** Occurrences of a control activity repeating every {@code frequencyMonths} inside a window. */
    public static List<Occurrence> occurrences(LocalDate windowStart, LocalDate windowEnd, int frequencyMonths) {
        List<Occurrence> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            LocalDate opens = windowStart.plusMonths((long) k * frequencyMonths);
            if (opens.isAfter(windowEnd)) {
                break;
            }
            LocalDate due = windowStart.plusMonths((long) (k + 1) * frequencyMonths).minusDays(1);
            out.add(new Occurrence(k + 1, opens, due.isAfter(windowEnd) ? windowEnd : due));
        }
        return out;
    }

    /** Fieldwork preparation steps that are still ahead on {@code today}. */
    public List<CountdownStep> countdown(LocalDate fieldworkStart, LocalDate today) {
        List<Integer> days = settings.fieldworkCountdownDays().stream().sorted(Comparator.reverseOrder()).toList();
        List<CountdownStep> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate opens = fieldworkStart.minusDays(days.get(i));
            LocalDate due = i + 1 < days.size() ? fieldworkStart.minusDays(days.get(i + 1) + 1L) : fieldworkStart.minusDays(1);
            if (!due.isBefore(today)) {
                out.add(new CountdownStep(days.get(i), opens, due));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- ISO/IEC 27001

    /** Stage 1, Stage 2 and the expected decision of an initial certification, then the cycle after it. */
    public Plan planIsoInitial(LocalDate stage1, LocalDate stage2) {
        LocalDate s2 = stage2 != null ? stage2 : stage1.plusDays(settings.stage2AfterStage1Days());
        LocalDate decision = s2.plusDays(settings.decisionAfterStage2Days());
        Plan cycle = planIsoCycle(1, decision, null, null);
        List<PlannedMilestone> ms = new ArrayList<>(cycle.milestones());
        Map<String, LocalDate> d = new LinkedHashMap<>(cycle.dates());
        ms.add(new PlannedMilestone(MilestoneType.STAGE1_AUDIT, 1, stage1));
        ms.add(new PlannedMilestone(MilestoneType.STAGE2_AUDIT, 1, s2));
        d.put("stage1Date", stage1);
        d.put("stage2Date", s2);
        d.put("decisionDue", decision);
        return sorted(ms, d);
    }

    /**
     * One certificate cycle from its decision. A recertification keeps the old expiry basis (also when
     * it was restored within the grace period after expiry): pass {@code previousExpiry} and the new
     * certificate runs 3 years from the day after it.
     */
    public Plan planIsoCycle(int cycle, LocalDate decision, LocalDate previousExpiry, LocalDate surveillance1) {
        LocalDate start = previousExpiry != null ? previousExpiry.plusDays(1) : decision;
        LocalDate expiry = anniversary(start, settings.certificateYears()).minusDays(1);
        LocalDate s1Deadline = decision.plusMonths(settings.surveillance1DeadlineMonths());
        LocalDate s1 = surveillance1 != null ? surveillance1 : start.plusMonths(settings.surveillance1PlanMonths());
        if (s1.isAfter(s1Deadline)) {
            s1 = s1Deadline;
        }
        LocalDate s2 = surveillance2(s1);
        LocalDate recert = start.plusMonths(settings.recertificationMonth());
        if (!recert.isBefore(expiry)) {
            recert = expiry.minusDays(1);
        }
        List<PlannedMilestone> ms = new ArrayList<>();
        ms.add(new PlannedMilestone(MilestoneType.CERTIFICATION_DECISION, cycle, decision));
        ms.add(new PlannedMilestone(MilestoneType.SURVEILLANCE_AUDIT_1, cycle, s1));
        ms.add(new PlannedMilestone(MilestoneType.SURVEILLANCE_AUDIT_2, cycle, s2));
        ms.add(new PlannedMilestone(MilestoneType.RECERTIFICATION_AUDIT, cycle, recert));
        ms.add(new PlannedMilestone(MilestoneType.CERTIFICATE_EXPIRY, cycle, expiry));
        Map<String, LocalDate> d = new LinkedHashMap<>();
        d.put("certificateStart", start);
        d.put("decisionDate", decision);
        d.put("surveillance1Date", s1);
        d.put("surveillance1Deadline", s1Deadline);
        d.put("surveillance2Date", s2);
        d.put("surveillance2Deadline", surveillance2Deadline(s1, expiry));
        d.put("recertificationDate", recert);
        d.put("expiryDate", expiry);
        d.put("restoreDeadline", expiry.plusMonths(settings.restoreMonths()));
        return sorted(ms, d);
    }

    /** Surveillance audit 2 falls in the calendar year after surveillance audit 1, about a year later. */
    public static LocalDate surveillance2(LocalDate surveillance1) {
        LocalDate candidate = surveillance1.plusMonths(12);
        int year = surveillance1.getYear() + 1;
        if (candidate.getYear() > year) {
            return LocalDate.of(year, Month.DECEMBER, 31);
        }
        if (candidate.getYear() < year) {
            return LocalDate.of(year, Month.JANUARY, 1);
        }
        return candidate;
    }

    /** The end of the calendar year after surveillance audit 1, and never after expiry. */
    public static LocalDate surveillance2Deadline(LocalDate surveillance1, LocalDate expiry) {
        LocalDate endOfYear = LocalDate.of(surveillance1.getYear() + 1, Month.DECEMBER, 31);
        return endOfYear.isAfter(expiry) ? expiry : endOfYear;
    }

    /** The same day {@code years} later; 29 February moves to 1 March in a common year. */
    public static LocalDate anniversary(LocalDate date, int years) {
        LocalDate target = date.plusYears(years);
        if (date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 29 && !Year.isLeap(target.getYear())) {
            return target.plusDays(1);
        }
        return target;
    }

    /** Dates of the preparation for one external audit (internal audit, management review, deadlines). */
    public Map<String, LocalDate> auditPreparation(LocalDate auditDate, LocalDate deadline, LocalDate today) {
        Map<String, LocalDate> d = new LinkedHashMap<>();
        LocalDate internal = auditDate.minusDays(settings.internalAuditDaysBefore());
        LocalDate review = auditDate.minusDays(settings.managementReviewDaysBefore());
        d.put("auditDate", auditDate);
        d.put("auditDeadline", deadline);
        d.put("auditDeadlinePassed", deadline.plusDays(1));
        LocalDate atRisk = deadline.minusDays(settings.atRiskDays());
        d.put("auditAtRiskOn", atRisk.isBefore(today) ? today : atRisk);
        d.put("internalAuditDue", internal.isBefore(today) ? today : internal);
        d.put("managementReviewDue", review.isBefore(today) ? today : review);
        d.put("graceEnd", deadline.plusMonths(settings.restoreMonths()));
        d.put("graceEnded", deadline.plusMonths(settings.restoreMonths()).plusDays(1));
        return d;
    }

    private static Plan sorted(List<PlannedMilestone> ms, Map<String, LocalDate> d) {
        ms.sort(Comparator.comparing(PlannedMilestone::date).thenComparing(PlannedMilestone::type));
        return new Plan(List.copyOf(ms), d);
    }
}
