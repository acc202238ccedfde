package io.auditflow.lifecycle;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.EnumSet;
import java.util.Set;

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
            d.putAll(engageAuditor(in.windowStart(), in.windowEnd()));
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
        d.putAll(reportSteps(fieldworkEnd, reportDue));
        d.put("reportDue", reportDue);
        LocalDate stale = basis.plusMonths(settings.reportStaleMonths());
        d.put("reportStale", stale);
        ms.add(new PlannedMilestone(MilestoneType.FIELDWORK_START, in.cycle(), fieldworkStart));
        ms.add(new PlannedMilestone(MilestoneType.FIELDWORK_END, in.cycle(), fieldworkEnd));
        ms.add(new PlannedMilestone(MilestoneType.REPORT_ISSUED, in.cycle(), reportDue));
        ms.add(new PlannedMilestone(MilestoneType.REPORT_STALE, in.cycle(), stale));
        return sorted(ms, d);
    }

    /** The auditor of the next year is engaged a set number of days before the window closes, within the window. */
    public Map<String, LocalDate> engageAuditor(LocalDate windowStart, LocalDate windowEnd) {
        Map<String, LocalDate> d = new LinkedHashMap<>();
        LocalDate engage = windowEnd.minusDays(settings.engageAuditorDaysBeforeWindowEnd());
        d.put("engageAuditorOn", engage.isBefore(windowStart) ? windowStart : engage);
        d.put("engageAuditorDue", engage.plusDays(30).isAfter(windowEnd) ? windowEnd : engage.plusDays(30));
        return d;
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
        LocalDate s1Deadline = surveillance1Deadline(decision);
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

    /** Surveillance audit 1 is due no later than 12 months (a setting) after the certification decision. */
    public LocalDate surveillance1Deadline(LocalDate decision) {
        return decision.plusMonths(settings.surveillance1DeadlineMonths());
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
        // Preparation lies before the audit it prepares; when time is short it is due today, never after the audit.
        d.put("internalAuditDue", clamp(internal, today, auditDate));
        d.put("managementReviewDue", clamp(review, today, auditDate));
        d.put("graceEnd", deadline.plusMonths(settings.restoreMonths()));
        d.put("graceEnded", deadline.plusMonths(settings.restoreMonths()).plusDays(1));
        return d;
    }

    // ---------------------------------------------------------------- scheduling an external audit

    /** Where an external audit lands: its day, and its status with the reason when it is not simply planned. */
    public record AuditSlot(LocalDate date, MilestoneStatus status, String note) {
    }

    /**
     * The day of the next external audit, between today and its deadline. A planned day that has
     * passed without the audit is moved to leave time for preparation (the internal audit lead
     * time), but never past the deadline; close to the deadline the audit is at risk, and so is an
     * audit that leaves less than the internal audit lead time to prepare, whatever the reason.
     */
    public AuditSlot scheduleAudit(LocalDate planned, LocalDate deadline, LocalDate today) {
        LocalDate day = planned;
        String note = null;
        if (planned.isBefore(today)) {
            LocalDate earliest = today.plusDays(settings.internalAuditDaysBefore());
            day = deadline != null && earliest.isAfter(deadline) ? (deadline.isBefore(today) ? today : deadline) : earliest;
            note = "Planned for " + planned + " but not held: re-planned to " + day
                    + (deadline == null ? "" : ", deadline " + deadline);
        }
        if (deadline != null && deadline.isBefore(today)) {
            return new AuditSlot(day, MilestoneStatus.MISSED, "Deadline " + deadline + " has passed");
        }
        if (deadline != null && !deadline.minusDays(settings.atRiskDays()).isAfter(today)) {
            return new AuditSlot(day, MilestoneStatus.AT_RISK, (note == null ? "" : note + "; ")
                    + "deadline " + deadline + " is less than " + settings.atRiskDays() + " days away");
        }
        if (day.isBefore(today.plusDays(settings.internalAuditDaysBefore()))) {
            return new AuditSlot(day, MilestoneStatus.AT_RISK, (note == null ? "" : note + "; ") + "preparation needs "
                    + settings.internalAuditDaysBefore() + " days and only "
                    + java.time.temporal.ChronoUnit.DAYS.between(today, day) + " are left");
        }
        return new AuditSlot(day, MilestoneStatus.PLANNED, note);
    }

    /**
     * The latest day an external audit of a certificate cycle may take place: surveillance 1 within 12
     * months of the decision, surveillance 2 by the end of the calendar year after surveillance 1,
     * recertification before expiry; each no later than expiry.
     */
    public LocalDate auditDeadline(MilestoneType type, LocalDate decision, LocalDate surveillance1, LocalDate expiry) {
        return switch (type) {
            case SURVEILLANCE_AUDIT_1 -> min(surveillance1Deadline(decision), expiry);
            case SURVEILLANCE_AUDIT_2 -> surveillance2Deadline(surveillance1, expiry);
            case RECERTIFICATION_AUDIT -> expiry;
            default -> null;
        };
    }

    /**
     * The period an ISO external audit looks at, whose evidence counts for it: from the day after the
     * previous external audit or certification decision up to the audit day; for a first audit with
     * nothing before it, {@code fallbackMonths} back. One rule for engagements and the control set.
     */
    public static LocalDate[] isoAuditPeriod(List<PlannedMilestone> calendar, LocalDate auditDay, int fallbackMonths) {
        LocalDate previous = calendar.stream()
                .filter(m -> m.type().isExternalAudit() || m.type() == MilestoneType.CERTIFICATION_DECISION)
                .map(m -> m.day() != null ? m.day() : m.date())
                .filter(d -> d != null && d.isBefore(auditDay))
                .max(Comparator.naturalOrder()).orElse(null);
        return new LocalDate[] {previous != null ? previous.plusDays(1) : auditDay.minusMonths(fallbackMonths), auditDay};
    }

    // ---------------------------------------------------------------- onboarding an existing certificate

    /** Audits of an existing certificate that happened before tracking started, as the start form gives them. */
    public record IsoHistory(LocalDate decision, LocalDate surveillance1HeldOn, LocalDate surveillance2HeldOn,
                             LocalDate surveillance1Planned) {
    }

    /** An onboarded certificate's calendar and the external audit that is due next. */
    public record Onboarding(Plan plan, MilestoneType nextAudit) {
    }

    /**
     * Where an existing certificate stands on the day tracking starts. Audits given with a real date
     * are done on it; audits whose deadline passed before tracking are "held before tracking" (done,
     * without a date); the next due audit lies between today and its deadline (at risk when that is
     * close); audits after it stay in order after it. Nothing is planned in the past without a reason.
     */
    public Onboarding onboardIso(IsoHistory h, LocalDate today) {
        LocalDate s1Anchor = h.surveillance1HeldOn() != null ? h.surveillance1HeldOn() : h.surveillance1Planned();
        Plan cycle = planIsoCycle(1, h.decision(), null, s1Anchor);
        LocalDate expiry = cycle.milestone(MilestoneType.CERTIFICATE_EXPIRY);
        Map<MilestoneType, PlannedMilestone> ms = new java.util.EnumMap<>(MilestoneType.class);
        cycle.milestones().forEach(m -> ms.put(m.type(), m));
        ms.put(MilestoneType.CERTIFICATION_DECISION, new PlannedMilestone(MilestoneType.CERTIFICATION_DECISION, 1,
                h.decision(), h.decision(), MilestoneStatus.DONE, "Decision of the certificate onboarded"));
        Map<String, LocalDate> d = new LinkedHashMap<>(cycle.dates());
        MilestoneType next = null;
        LocalDate previous = h.decision();
        LocalDate s1Day = null;
        for (MilestoneType type : List.of(MilestoneType.SURVEILLANCE_AUDIT_1, MilestoneType.SURVEILLANCE_AUDIT_2,
                MilestoneType.RECERTIFICATION_AUDIT)) {
            PlannedMilestone m = ms.get(type);
            if (type == MilestoneType.SURVEILLANCE_AUDIT_2 && s1Day != null) {
                // Surveillance 2 falls in the calendar year after surveillance 1 as it really lies.
                m = m.withDate(surveillance2(s1Day));
            }
            LocalDate held = type == MilestoneType.SURVEILLANCE_AUDIT_1 ? h.surveillance1HeldOn()
                    : type == MilestoneType.SURVEILLANCE_AUDIT_2 ? h.surveillance2HeldOn() : null;
            LocalDate deadline = auditDeadline(type, h.decision(), s1Day != null ? s1Day : m.date(), expiry);
            if (next == null && held != null) {
                m = new PlannedMilestone(type, 1, m.date(), held, MilestoneStatus.DONE, "Held on " + held + " (given at onboarding)");
            } else if (next == null && deadline.isBefore(today)) {
                m = new PlannedMilestone(type, 1, m.date(), null, MilestoneStatus.DONE,
                        "Held before tracking (deadline " + deadline + " passed before onboarding; date not given)");
            } else if (next == null) {
                next = type;
                AuditSlot slot = scheduleAudit(m.date(), deadline, today);
                m = new PlannedMilestone(type, 1, slot.date(), null, slot.status(), slot.note());
            } else {
                m = after(m, previous, deadline);
            }
            if (type == MilestoneType.SURVEILLANCE_AUDIT_1) {
                s1Day = m.day() != null ? m.day() : m.date();
                d.put("surveillance1Date", s1Day);
                d.put("surveillance2Deadline", surveillance2Deadline(s1Day, expiry));
            }
            ms.put(type, m);
            previous = m.day() != null ? m.day() : previous;
        }
        if (next == null) {
            next = MilestoneType.RECERTIFICATION_AUDIT;
        }
        d.put("surveillance2Date", ms.get(MilestoneType.SURVEILLANCE_AUDIT_2).date());
        d.put("recertificationDate", ms.get(MilestoneType.RECERTIFICATION_AUDIT).date());
        return new Onboarding(sorted(new ArrayList<>(ms.values()), d), next);
    }

    /** An audit that follows another: kept after it by at least the preparation lead time, never past its deadline. */
    private PlannedMilestone after(PlannedMilestone m, LocalDate previous, LocalDate deadline) {
        LocalDate earliest = previous.plusDays(settings.internalAuditDaysBefore());
        if (!m.date().isBefore(earliest)) {
            return m;
        }
        if (deadline != null && earliest.isAfter(deadline)) {
            return new PlannedMilestone(m.type(), m.cycle(), deadline, null, MilestoneStatus.AT_RISK,
                    "Only " + (java.time.temporal.ChronoUnit.DAYS.between(previous, deadline))
                            + " days after the audit before it; deadline " + deadline);
        }
        return new PlannedMilestone(m.type(), m.cycle(), earliest, null, MilestoneStatus.PLANNED,
                "Moved after the audit before it (" + previous + ")");
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }

    // ---------------------------------------------------------------- moving a date

    /** One milestone that a move changes: its day before and after. */
    public record Change(MilestoneType type, int cycle, LocalDate from, LocalDate to, String note) {
    }

    /**
     * The answer to "move this milestone to that day": every milestone that moves with it (the
     * moved one first), or the rule the move breaks. Nothing is changed by asking.
     */
    public record Replan(List<Change> changes, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private static final Set<MilestoneType> DERIVED = EnumSet.of(MilestoneType.CERTIFICATE_EXPIRY,
            MilestoneType.REPORT_STALE, MilestoneType.OBSERVATION_END, MilestoneType.BRIDGE_LETTER);

    /** Dates that follow from others and are never moved by hand. */
    public static boolean isDerived(MilestoneType type) {
        return DERIVED.contains(type);
    }

    /**
     * Moves one milestone of a calendar and carries what depends on it: Stage 1 -> Stage 2 -> decision
     * -> surveillance 1 and 2 -> recertification -> expiry; window start -> window end -> fieldwork ->
     * report -> staleness -> next window. Done milestones never move. Derived dates (expiry, staleness,
     * window end, bridge letter) are not moved directly.
     */
    public Replan reschedule(List<PlannedMilestone> calendar, MilestoneType type, int cycle, LocalDate newDate,
                             LocalDate today, String reason) {
        Map<String, PlannedMilestone> cal = new LinkedHashMap<>();
        calendar.forEach(m -> cal.put(key(m.type(), m.cycle()), m));
        PlannedMilestone target = cal.get(key(type, cycle));
        if (newDate == null) {
            return refuse("Give the new date");
        }
        if (target == null) {
            return refuse("There is no " + type.label().toLowerCase() + " in cycle " + cycle);
        }
        if (target.done()) {
            return refuse(type.label() + " already happened" + (target.actual() == null ? " (before tracking)"
                    : " on " + target.actual()) + ": it cannot move");
        }
        if (DERIVED.contains(type)) {
            return refuse(type.label() + " follows from other dates: move "
                    + (type == MilestoneType.CERTIFICATE_EXPIRY ? "the certification decision"
                    : type == MilestoneType.REPORT_STALE ? "the window or as-of date"
                    : "the window's start") + " instead");
        }
        if (newDate.isBefore(today)) {
            return refuse("A planned date cannot lie in the past (today is " + today + "): record what happened instead");
        }
        Map<String, LocalDate> moved = new LinkedHashMap<>();
        String refusal = switch (type) {
            case STAGE1_AUDIT, STAGE2_AUDIT, CERTIFICATION_DECISION -> moveInitial(cal, type, cycle, newDate, moved);
            case SURVEILLANCE_AUDIT_1, SURVEILLANCE_AUDIT_2, RECERTIFICATION_AUDIT -> moveIsoAudit(cal, type, cycle, newDate, moved);
            case INTERNAL_AUDIT, MANAGEMENT_REVIEW -> movePreparation(cal, type, cycle, newDate, today, moved);
            case OBSERVATION_START -> moveWindow(cal, cycle, newDate, moved);
            case AS_OF_DATE -> moveAsOf(cal, cycle, newDate, moved);
            case FIELDWORK_START, FIELDWORK_END, REPORT_ISSUED -> moveFieldwork(cal, type, cycle, newDate, moved);
            default -> type.label() + " cannot be moved";
        };
        if (refusal != null) {
            return refuse(refusal);
        }
        List<Change> changes = new ArrayList<>();
        String why = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
        for (Map.Entry<String, LocalDate> e : moved.entrySet()) {
            PlannedMilestone m = cal.get(e.getKey());
            if (m == null || m.done() || e.getValue().equals(m.date())) {
                continue;
            }
            boolean first = m.type() == type && m.cycle() == cycle;
            changes.add(new Change(m.type(), m.cycle(), m.date(), e.getValue(), first
                    ? "Moved from " + m.date() + why : "Follows " + type.label().toLowerCase() + " (was " + m.date() + ")"));
        }
        if (changes.isEmpty()) {
            return refuse(type.label() + " is already planned for " + newDate);
        }
        return new Replan(List.copyOf(changes), null);
    }

    private static Replan refuse(String why) {
        return new Replan(List.of(), why);
    }

    private static String key(MilestoneType type, int cycle) {
        return type.name() + "@" + cycle;
    }

    private static LocalDate day(Map<String, PlannedMilestone> cal, MilestoneType type, int cycle) {
        PlannedMilestone m = cal.get(key(type, cycle));
        return m == null ? null : m.day() != null ? m.day() : m.date();
    }

    private static boolean movable(Map<String, PlannedMilestone> cal, MilestoneType type, int cycle) {
        PlannedMilestone m = cal.get(key(type, cycle));
        return m != null && !m.done();
    }

    private String moveInitial(Map<String, PlannedMilestone> cal, MilestoneType type, int cycle, LocalDate newDate,
                               Map<String, LocalDate> moved) {
        LocalDate stage1 = day(cal, MilestoneType.STAGE1_AUDIT, cycle);
        LocalDate stage2 = day(cal, MilestoneType.STAGE2_AUDIT, cycle);
        LocalDate decision;
        if (type == MilestoneType.STAGE1_AUDIT) {
            moved.put(key(type, cycle), newDate);
            if (stage2 != null && movable(cal, MilestoneType.STAGE2_AUDIT, cycle)) {
                stage2 = stage2.plusDays(java.time.temporal.ChronoUnit.DAYS.between(stage1, newDate));
                moved.put(key(MilestoneType.STAGE2_AUDIT, cycle), stage2);
            } else if (stage2 != null && !newDate.isBefore(stage2)) {
                return "Stage 1 comes before Stage 2 (" + stage2 + ")";
            }
            decision = stage2 == null ? null : stage2.plusDays(settings.decisionAfterStage2Days());
        } else if (type == MilestoneType.STAGE2_AUDIT) {
            if (stage1 != null && !newDate.isAfter(stage1)) {
                return "Stage 2 comes after Stage 1 (" + stage1 + ")";
            }
            moved.put(key(type, cycle), newDate);
            decision = newDate.plusDays(settings.decisionAfterStage2Days());
        } else {
            LocalDate before = stage2 != null ? stage2 : day(cal, MilestoneType.RECERTIFICATION_AUDIT, cycle - 1);
            if (before != null && !newDate.isAfter(before)) {
                return "The certification decision comes after the audit it decides on (" + before + ")";
            }
            decision = newDate;
        }
        if (decision == null || !movable(cal, MilestoneType.CERTIFICATION_DECISION, cycle)) {
            return null;
        }
        moved.put(key(MilestoneType.CERTIFICATION_DECISION, cycle), decision);
        LocalDate previousExpiry = day(cal, MilestoneType.CERTIFICATE_EXPIRY, cycle - 1);
        for (PlannedMilestone m : planIsoCycle(cycle, decision, previousExpiry, null).milestones()) {
            if (m.type() != MilestoneType.CERTIFICATION_DECISION && cal.containsKey(key(m.type(), m.cycle()))) {
                moved.put(key(m.type(), m.cycle()), m.date());
            }
        }
        return null;
    }

    private String moveIsoAudit(Map<String, PlannedMilestone> cal, MilestoneType type, int cycle, LocalDate newDate,
                                Map<String, LocalDate> moved) {
        LocalDate decision = day(cal, MilestoneType.CERTIFICATION_DECISION, cycle);
        LocalDate expiry = day(cal, MilestoneType.CERTIFICATE_EXPIRY, cycle);
        LocalDate s1 = day(cal, MilestoneType.SURVEILLANCE_AUDIT_1, cycle);
        LocalDate s2 = day(cal, MilestoneType.SURVEILLANCE_AUDIT_2, cycle);
        String name = type == MilestoneType.RECERTIFICATION_AUDIT ? "A recertification" : "A surveillance";
        if (expiry != null && !newDate.isBefore(expiry)) {
            return name + " audit must take place before the certificate expires on " + expiry;
        }
        switch (type) {
            case SURVEILLANCE_AUDIT_1 -> {
                if (decision != null && !newDate.isAfter(decision)) {
                    return "Surveillance audit 1 comes after the certification decision (" + decision + ")";
                }
                if (decision != null && newDate.isAfter(surveillance1Deadline(decision))) {
                    return "Surveillance audit 1 is due no later than " + settings.surveillance1DeadlineMonths()
                            + " months after the decision (" + surveillance1Deadline(decision) + ")";
                }
                moved.put(key(type, cycle), newDate);
                if (movable(cal, MilestoneType.SURVEILLANCE_AUDIT_2, cycle)) {
                    s2 = surveillance2(newDate);
                    moved.put(key(MilestoneType.SURVEILLANCE_AUDIT_2, cycle), s2);
                }
            }
            case SURVEILLANCE_AUDIT_2 -> {
                if (s1 != null && newDate.getYear() <= s1.getYear()) {
                    return "Surveillance audit 2 falls in the calendar year after surveillance audit 1 (" + s1 + ")";
                }
                LocalDate deadline = s1 == null ? null : surveillance2Deadline(s1, expiry);
                if (deadline != null && newDate.isAfter(deadline)) {
                    return "Surveillance audit 2 is due by " + deadline + " (one surveillance audit per calendar year)";
                }
                moved.put(key(type, cycle), newDate);
                s2 = newDate;
            }
            default -> {
                if (s2 != null && !newDate.isAfter(s2)) {
                    return "The recertification audit comes after surveillance audit 2 (" + s2 + ")";
                }
                moved.put(key(type, cycle), newDate);
                if (movable(cal, MilestoneType.CERTIFICATION_DECISION, cycle + 1)) {
                    moved.put(key(MilestoneType.CERTIFICATION_DECISION, cycle + 1),
                            newDate.plusDays(settings.decisionAfterStage2Days()));
                }
            }
        }
        LocalDate recert = day(cal, MilestoneType.RECERTIFICATION_AUDIT, cycle);
        if (type != MilestoneType.RECERTIFICATION_AUDIT && s2 != null && recert != null && !recert.isAfter(s2)) {
            return "Surveillance audit 2 would fall on or after the recertification audit (" + recert + "): move that first";
        }
        return null;
    }

    private String movePreparation(Map<String, PlannedMilestone> cal, MilestoneType type, int cycle, LocalDate newDate,
                                   LocalDate today, Map<String, LocalDate> moved) {
        PlannedMilestone audit = cal.values().stream()
                .filter(m -> m.type().isExternalAudit() && !m.done() && m.date() != null && !m.date().isBefore(today))
                .min(Comparator.comparing(PlannedMilestone::date)).orElse(null);
        if (audit != null && newDate.isAfter(audit.date())) {
            return type.label() + " prepares the " + audit.type().label().toLowerCase() + ": it lies on or before "
                    + audit.date();
        }
        moved.put(key(type, cycle), newDate);
        return null;
    }

    private String moveWindow(Map<String, PlannedMilestone> cal, int cycle, LocalDate newDate, Map<String, LocalDate> moved) {
        LocalDate previousEnd = day(cal, MilestoneType.OBSERVATION_END, cycle - 1);
        if (previousEnd != null && !newDate.isAfter(previousEnd)) {
            return "This window starts after the previous one ends (" + previousEnd + ")";
        }
        LocalDate start = day(cal, MilestoneType.OBSERVATION_START, cycle);
        LocalDate end = day(cal, MilestoneType.OBSERVATION_END, cycle);
        moved.put(key(MilestoneType.OBSERVATION_START, cycle), newDate);
        if (end == null) {
            return null;
        }
        int months = wholeMonths(start, end);
        LocalDate newEnd = months > 0 ? periodEnd(newDate, months) : newDate.plusDays(java.time.temporal.ChronoUnit.DAYS.between(start, end));
        moved.put(key(MilestoneType.OBSERVATION_END, cycle), newEnd);
        shiftFieldwork(cal, cycle, java.time.temporal.ChronoUnit.DAYS.between(end, newEnd), moved);
        moved.put(key(MilestoneType.REPORT_STALE, cycle), newEnd.plusMonths(settings.reportStaleMonths()));
        moved.put(key(MilestoneType.BRIDGE_LETTER, cycle), newEnd.plusDays(1));
        if (movable(cal, MilestoneType.OBSERVATION_START, cycle + 1)) {
            moved.put(key(MilestoneType.OBSERVATION_START, cycle + 1), nextWindowStart(newEnd));
        }
        return null;
    }

    private String moveAsOf(Map<String, PlannedMilestone> cal, int cycle, LocalDate newDate, Map<String, LocalDate> moved) {
        LocalDate asOf = day(cal, MilestoneType.AS_OF_DATE, cycle);
        moved.put(key(MilestoneType.AS_OF_DATE, cycle), newDate);
        shiftFieldwork(cal, cycle, java.time.temporal.ChronoUnit.DAYS.between(asOf, newDate), moved);
        moved.put(key(MilestoneType.REPORT_STALE, cycle), newDate.plusMonths(settings.reportStaleMonths()));
        return null;
    }

    private void shiftFieldwork(Map<String, PlannedMilestone> cal, int cycle, long days, Map<String, LocalDate> moved) {
        for (MilestoneType t : List.of(MilestoneType.FIELDWORK_START, MilestoneType.FIELDWORK_END, MilestoneType.REPORT_ISSUED)) {
            if (movable(cal, t, cycle)) {
                moved.put(key(t, cycle), day(cal, t, cycle).plusDays(days));
            }
        }
    }

    private String moveFieldwork(Map<String, PlannedMilestone> cal, MilestoneType type, int cycle, LocalDate newDate,
                                 Map<String, LocalDate> moved) {
        LocalDate windowStart = day(cal, MilestoneType.OBSERVATION_START, cycle);
        LocalDate asOf = day(cal, MilestoneType.AS_OF_DATE, cycle);
        LocalDate start = day(cal, MilestoneType.FIELDWORK_START, cycle);
        LocalDate end = day(cal, MilestoneType.FIELDWORK_END, cycle);
        switch (type) {
            case FIELDWORK_START -> {
                if (windowStart != null && !newDate.isAfter(windowStart)) {
                    return "Fieldwork starts after the observation window has begun (" + windowStart + ")";
                }
                if (asOf != null && newDate.isBefore(asOf)) {
                    return "Fieldwork starts on or after the as-of date (" + asOf + ")";
                }
                moved.put(key(type, cycle), newDate);
                if (end != null && movable(cal, MilestoneType.FIELDWORK_END, cycle)) {
                    end = newDate.plusDays(java.time.temporal.ChronoUnit.DAYS.between(start, end));
                    moved.put(key(MilestoneType.FIELDWORK_END, cycle), end);
                }
            }
            case FIELDWORK_END -> {
                if (start != null && newDate.isBefore(start)) {
                    return "Fieldwork must end after it starts (" + start + ")";
                }
                moved.put(key(type, cycle), newDate);
                end = newDate;
            }
            default -> {
                if (end != null && !newDate.isAfter(end)) {
                    return "The report is issued after fieldwork ends (" + end + ")";
                }
                moved.put(key(type, cycle), newDate);
                return null;
            }
        }
        if (end != null && movable(cal, MilestoneType.REPORT_ISSUED, cycle)) {
            moved.put(key(MilestoneType.REPORT_ISSUED, cycle), end.plusDays(settings.reportDays()));
        }
        return null;
    }

    // ---------------------------------------------------------------- coverage (SOC 2)

    /**
     * One SOC 2 observation window of a cycle; {@code end} is null while only its start is planned.
     * {@code reported} is false when its report was missed: then no report period covers it.
     */
    public record Window(int cycle, LocalDate start, LocalDate end, boolean reported) {
    }

    /**
     * The one definition of a coverage gap: days that no report period covers, planned or past: between
     * the end of one observation window and the start of the next, and a whole window whose report was
     * missed. A bridge letter does not close a gap: it speaks for the time after the last period until
     * the next report, when the next window already runs (decision 0014).
     */
    public static List<CoverageGap> coverageGaps(List<Window> windows) {
        List<Window> sorted = windows.stream().filter(w -> w.start() != null)
                .sorted(Comparator.comparing(Window::start)).toList();
        List<CoverageGap> raw = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Window w = sorted.get(i);
            if (!w.reported() && w.end() != null) {
                raw.add(new CoverageGap(w.start(), w.end()));
            }
            if (i > 0) {
                LocalDate prevEnd = sorted.get(i - 1).end();
                if (prevEnd != null && w.start().isAfter(prevEnd.plusDays(1))) {
                    raw.add(new CoverageGap(prevEnd.plusDays(1), w.start().minusDays(1)));
                }
            }
        }
        raw.sort(Comparator.comparing(CoverageGap::from));
        List<CoverageGap> merged = new ArrayList<>();
        for (CoverageGap g : raw) {
            CoverageGap last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !g.from().isAfter(last.to().plusDays(1))) {
                merged.set(merged.size() - 1, new CoverageGap(last.from(), g.to().isAfter(last.to()) ? g.to() : last.to()));
            } else {
                merged.add(g);
            }
        }
        return merged;
    }

    /**
     * Gaps that a change opened: in {@code after} but not in {@code before}, and not over yet on
     * {@code today}. Each one is reviewed by the team (a task due within two weeks, or when the gap
     * begins if that is sooner, never before today).
     */
    public static List<CoverageGap> newGaps(List<PlannedMilestone> before, List<PlannedMilestone> after, LocalDate today) {
        List<CoverageGap> old = coverageGaps(windows(before));
        return coverageGaps(windows(after)).stream().filter(g -> !old.contains(g) && !g.to().isBefore(today)).toList();
    }

    /** When the review of a newly planned gap is due. */
    public static LocalDate gapReviewDue(CoverageGap gap, LocalDate today) {
        LocalDate soon = today.plusDays(14);
        LocalDate due = gap.from().isBefore(soon) ? gap.from() : soon;
        return due.isBefore(today) ? today : due;
    }

    /**
     * A SOC 2 report already issued when tracking starts, as cycle 0: its period (done), its issue day
     * (done) and the day it goes stale, so coverage, staleness and a gap before the first tracked window
     * are known from day one.
     */
    public List<PlannedMilestone> reportBeforeTracking(LocalDate periodStart, LocalDate periodEnd, LocalDate issuedOn) {
        String note = "Report issued before tracking (given at the start)";
        return List.of(
                new PlannedMilestone(MilestoneType.OBSERVATION_START, 0, periodStart, periodStart, MilestoneStatus.DONE, note),
                new PlannedMilestone(MilestoneType.OBSERVATION_END, 0, periodEnd, periodEnd, MilestoneStatus.DONE, note),
                new PlannedMilestone(MilestoneType.REPORT_ISSUED, 0, issuedOn, issuedOn, MilestoneStatus.DONE, note),
                new PlannedMilestone(MilestoneType.REPORT_STALE, 0, periodEnd.plusMonths(settings.reportStaleMonths())));
    }

    /** The observation windows of a SOC 2 calendar, in cycle order. */
    public static List<Window> windows(List<PlannedMilestone> calendar) {
        Map<Integer, LocalDate[]> byCycle = new java.util.TreeMap<>();
        Set<Integer> missed = new java.util.HashSet<>();
        calendar.stream().filter(m -> m.type() == MilestoneType.REPORT_ISSUED && m.status() == MilestoneStatus.MISSED)
                .forEach(m -> missed.add(m.cycle()));
        for (PlannedMilestone m : calendar) {
            int idx = m.type() == MilestoneType.OBSERVATION_START ? 0 : m.type() == MilestoneType.OBSERVATION_END ? 1 : -1;
            if (idx >= 0) {
                byCycle.computeIfAbsent(m.cycle(), c -> new LocalDate[2])[idx] = m.day() != null ? m.day() : m.date();
            }
        }
        return byCycle.entrySet().stream()
                .map(e -> new Window(e.getKey(), e.getValue()[0], e.getValue()[1], !missed.contains(e.getKey()))).toList();
    }

    /** Whether a SOC 2 program's customers can be shown a current report, in words. */
    public enum CoverageKind {
        NOT_STARTED("Not covered yet"), COVERED("Covered"), GAP("Coverage gap"), REPORT_STALE("Report stale");

        private final String label;

        CoverageKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A SOC 2 program's coverage on a day: its kind, the range it concerns and a sentence. */
    public record Coverage(CoverageKind kind, LocalDate from, LocalDate to, String words, List<CoverageGap> gaps) {
    }

    /**
     * Coverage on {@code today}: a gap that is running or planned comes first, then a stale report
     * (the last issued report's period ended more than the stale period ago and no newer one is out),
     * then covered. Before the first window starts nothing is covered yet.
     */
    public static Coverage coverage(List<PlannedMilestone> calendar, LocalDate today) {
        List<Window> windows = windows(calendar);
        List<CoverageGap> gaps = coverageGaps(windows);
        for (CoverageGap g : gaps) {
            if (!g.to().isBefore(today)) {
                boolean now = !g.from().isAfter(today);
                return new Coverage(CoverageKind.GAP, g.from(), g.to(), (now ? "Gap now: " : "Gap planned: ")
                        + g.from() + " to " + g.to() + " (" + g.days() + " days) no report period covers", gaps);
            }
        }
        LocalDate lastStale = null;
        for (PlannedMilestone m : calendar) {
            if (m.type() == MilestoneType.REPORT_ISSUED && m.done()) {
                LocalDate stale = calendar.stream().filter(x -> x.type() == MilestoneType.REPORT_STALE && x.cycle() == m.cycle())
                        .map(PlannedMilestone::date).findFirst().orElse(null);
                if (stale != null && (lastStale == null || stale.isAfter(lastStale))) {
                    lastStale = stale;
                }
            }
        }
        if (lastStale != null && !lastStale.isAfter(today)) {
            return new Coverage(CoverageKind.REPORT_STALE, lastStale, null,
                    "Report stale since " + lastStale + ": no newer report is out", gaps);
        }
        LocalDate firstStart = windows.isEmpty() ? calendar.stream().filter(m -> m.type() == MilestoneType.AS_OF_DATE)
                .map(PlannedMilestone::day).findFirst().orElse(null) : windows.get(0).start();
        if (firstStart == null || firstStart.isAfter(today)) {
            return new Coverage(CoverageKind.NOT_STARTED, firstStart, null, firstStart == null ? "No period planned yet"
                    : "Not covered yet: the first period starts " + firstStart, gaps);
        }
        Window last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
        LocalDate until = last == null ? null : last.end();
        return new Coverage(CoverageKind.COVERED, firstStart, until,
                until == null ? "Covered" : "Covered without a gap through " + until, gaps);
    }

    // ---------------------------------------------------------------- what a milestone and a certificate show today

    /**
     * The status a milestone shows on {@code today}: an action whose day has passed without being
     * recorded as done is at risk; dates that pass by themselves (window ends, expiry, staleness) just pass.
     */
    public static MilestoneStatus shownStatus(MilestoneType type, MilestoneStatus recorded, LocalDate day, LocalDate today) {
        if (recorded == MilestoneStatus.PLANNED && day != null && day.isBefore(today)) {
            return type.isPassive() ? MilestoneStatus.DONE : MilestoneStatus.AT_RISK;
        }
        return recorded;
    }

    /**
     * A certificate's state on a day, the day that matters for it (lapsed: the first day without a certificate;
     * suspended or at risk: the day of the audit concerned; valid: the last valid day) and the reason in words.
     */
    public record Standing(CertificateState state, LocalDate date, String reason) {
        public String label() {
            return state.label();
        }
    }

    /**
     * The one reading of an ISO/IEC 27001 certificate's state on {@code today}, from its calendar and
     * what the process recorded: lapsed once its expiry has passed without a new decision; suspended
     * when recorded so or when an external audit of its cycle missed its deadline; at risk when recorded
     * so or when an open external audit of its cycle is at risk (close to its deadline, too little time
     * to prepare, or its day passed without it); otherwise valid (or restored) until expiry.
     */
    public static Standing certificateStanding(List<PlannedMilestone> calendar, int cycle, CertificateState recorded,
                                               String recordedNote, LocalDate expiry, LocalDate today) {
        if (recorded == CertificateState.LAPSED || (expiry != null && expiry.isBefore(today))) {
            return new Standing(CertificateState.LAPSED, expiry == null ? null : expiry.plusDays(1), expiry == null ? "expired without recertification"
                    : "expired " + expiry + " without recertification");
        }
        List<PlannedMilestone> open = calendar.stream()
                .filter(m -> m.cycle() == cycle && m.type().isExternalAudit() && !m.done())
                .sorted(Comparator.comparing(PlannedMilestone::day, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Optional<PlannedMilestone> missed = open.stream().filter(m -> m.status() == MilestoneStatus.MISSED).findFirst();
        if (recorded == CertificateState.SUSPENDED || missed.isPresent()) {
            return new Standing(CertificateState.SUSPENDED, missed.map(PlannedMilestone::day).orElse(null),
                    missed.map(m -> m.type().label() + " due " + m.day() + " was missed")
                            .orElse(recordedNote == null ? "suspended by the certification body" : recordedNote));
        }
        Optional<PlannedMilestone> atRisk = open.stream()
                .filter(m -> shownStatus(m.type(), m.status(), m.day(), today) == MilestoneStatus.AT_RISK).findFirst();
        if (recorded == CertificateState.AT_RISK || atRisk.isPresent()) {
            return new Standing(CertificateState.AT_RISK, atRisk.map(PlannedMilestone::day).orElse(null),
                    atRisk.map(m -> m.type().label() + " " + m.day() + " is at risk" + (m.note() != null ? ": " + m.note()
                                    : m.day().isBefore(today) ? ": its day passed and it is not recorded as held" : ""))
                            .orElse(recordedNote == null ? "an external audit is at risk" : recordedNote));
        }
        CertificateState state = recorded == CertificateState.RESTORED ? CertificateState.RESTORED : CertificateState.VALID;
        return new Standing(state, expiry, expiry == null ? state.label().toLowerCase(java.util.Locale.ROOT)
                : "valid until " + expiry);
    }

    // ---------------------------------------------------------------- process variables from the calendar

    /**
     * The date variables that a running lifecycle process of one cycle reads (timers, task due dates),
     * computed from the calendar as it stands. Callers set those the process already has.
     */
    public Map<String, LocalDate> processDates(List<PlannedMilestone> calendar, boolean iso, int cycle, String auditType,
                                               LocalDate currentAuditDeadline, LocalDate today) {
        Map<String, PlannedMilestone> cal = new LinkedHashMap<>();
        calendar.forEach(m -> cal.put(key(m.type(), m.cycle()), m));
        Map<String, LocalDate> d = new LinkedHashMap<>();
        if (iso) {
            putPlanned(d, "stage1Date", cal, MilestoneType.STAGE1_AUDIT, cycle);
            putPlanned(d, "surveillance1Date", cal, MilestoneType.SURVEILLANCE_AUDIT_1, cycle);
            putPlanned(d, "surveillance2Date", cal, MilestoneType.SURVEILLANCE_AUDIT_2, cycle);
            putPlanned(d, "recertificationDate", cal, MilestoneType.RECERTIFICATION_AUDIT, cycle);
            putPlanned(d, "expiryDate", cal, MilestoneType.CERTIFICATE_EXPIRY, cycle);
            LocalDate decision = day(cal, MilestoneType.CERTIFICATION_DECISION, cycle);
            LocalDate s1 = day(cal, MilestoneType.SURVEILLANCE_AUDIT_1, cycle);
            LocalDate expiry = day(cal, MilestoneType.CERTIFICATE_EXPIRY, cycle);
            if (decision != null) {
                d.put("surveillance1Deadline", surveillance1Deadline(decision));
            }
            if (s1 != null && expiry != null) {
                d.put("surveillance2Deadline", surveillance2Deadline(s1, expiry));
            }
            MilestoneType audit = auditType == null ? null : MilestoneType.valueOf(auditType);
            int decisionCycle = audit == MilestoneType.RECERTIFICATION_AUDIT ? cycle + 1 : cycle;
            putPlanned(d, "decisionDue", cal, MilestoneType.CERTIFICATION_DECISION, decisionCycle);
            PlannedMilestone m = audit == null ? null : cal.get(key(audit, cycle));
            if (m != null && !m.done()) {
                LocalDate deadline = decision == null || expiry == null ? currentAuditDeadline
                        : auditDeadline(audit, decision, s1, expiry);
                if (deadline == null) {
                    deadline = currentAuditDeadline;
                }
                if (deadline != null) {
                    d.putAll(auditPreparation(m.date(), deadline, today));
                }
            }
        } else {
            putPlanned(d, "asOfDate", cal, MilestoneType.AS_OF_DATE, cycle);
            putPlanned(d, "asOfReached", cal, MilestoneType.AS_OF_DATE, cycle);
            putPlanned(d, "windowStart", cal, MilestoneType.OBSERVATION_START, cycle);
            putPlanned(d, "windowEnd", cal, MilestoneType.OBSERVATION_END, cycle);
            LocalDate windowEnd = day(cal, MilestoneType.OBSERVATION_END, cycle);
            LocalDate windowStart = day(cal, MilestoneType.OBSERVATION_START, cycle);
            if (windowEnd != null) {
                d.put("windowClosed", windowEnd.plusDays(1));
                d.put("bridgeLetterOn", windowEnd.plusDays(1));
                if (windowStart != null) {
                    d.putAll(engageAuditor(windowStart, windowEnd));
                }
            }
            putPlanned(d, "fieldworkStart", cal, MilestoneType.FIELDWORK_START, cycle);
            putPlanned(d, "fieldworkEnd", cal, MilestoneType.FIELDWORK_END, cycle);
            putPlanned(d, "reportDue", cal, MilestoneType.REPORT_ISSUED, cycle);
            putPlanned(d, "reportStale", cal, MilestoneType.REPORT_STALE, cycle);
            LocalDate fieldworkEnd = day(cal, MilestoneType.FIELDWORK_END, cycle);
            LocalDate reportDue = day(cal, MilestoneType.REPORT_ISSUED, cycle);
            if (fieldworkEnd != null && reportDue != null) {
                d.putAll(reportSteps(fieldworkEnd, reportDue));
            }
            putPlanned(d, "nextWindowStart", cal, MilestoneType.OBSERVATION_START, cycle + 1);
        }
        return d;
    }

    /** Due dates between fieldwork and report: management responses two weeks after fieldwork, the assertion a week before the report. */
    public Map<String, LocalDate> reportSteps(LocalDate fieldworkEnd, LocalDate reportDue) {
        Map<String, LocalDate> d = new LinkedHashMap<>();
        d.put("managementResponseDue", fieldworkEnd.plusDays(14));
        d.put("assertionDue", reportDue.minusDays(7));
        return d;
    }

    private static void putPlanned(Map<String, LocalDate> d, String name, Map<String, PlannedMilestone> cal,
                                   MilestoneType type, int cycle) {
        PlannedMilestone m = cal.get(key(type, cycle));
        if (m != null && !m.done() && m.date() != null) {
            d.put(name, m.date());
        }
    }

    private static LocalDate clamp(LocalDate day, LocalDate earliest, LocalDate latest) {
        LocalDate d = day.isBefore(earliest) ? earliest : day;
        return latest != null && d.isAfter(latest) && !latest.isBefore(earliest) ? latest : d;
    }

    private static Plan sorted(List<PlannedMilestone> ms, Map<String, LocalDate> d) {
        ms.sort(Comparator.comparing(PlannedMilestone::date).thenComparing(PlannedMilestone::type));
        return new Plan(List.copyOf(ms), d);
    }
}
