package io.auditflow.timeline;

import static io.auditflow.lifecycle.MilestoneType.AS_OF_DATE;
import static io.auditflow.lifecycle.MilestoneType.BRIDGE_LETTER;
import static io.auditflow.lifecycle.MilestoneType.CERTIFICATE_EXPIRY;
import static io.auditflow.lifecycle.MilestoneType.CERTIFICATION_DECISION;
import static io.auditflow.lifecycle.MilestoneType.FIELDWORK_END;
import static io.auditflow.lifecycle.MilestoneType.OBSERVATION_END;
import static io.auditflow.lifecycle.MilestoneType.OBSERVATION_START;
import static io.auditflow.lifecycle.MilestoneType.RECERTIFICATION_AUDIT;
import static io.auditflow.lifecycle.MilestoneType.REPORT_ISSUED;
import static io.auditflow.lifecycle.MilestoneType.REPORT_STALE;
import static io.auditflow.lifecycle.MilestoneType.STAGE1_AUDIT;
import static io.auditflow.lifecycle.MilestoneType.STAGE2_AUDIT;
import static io.auditflow.lifecycle.MilestoneType.SURVEILLANCE_AUDIT_1;
import static io.auditflow.lifecycle.MilestoneType.SURVEILLANCE_AUDIT_2;

import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.Planner;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns one program's milestones into a lane of bars and markers: pure computation, no database,
 * so every rule (colours, coverage gaps, lapsed certificates) is unit-tested.
 *
 * <p>Rules: a milestone's date is its actual date when done, else its planned date. A SOC 2 report
 * is current from its issue date to REPORT_STALE (period end + 12 months when that row is missing).
 * A SOC 2 period is covered when its window's report is not MISSED, and the days after a period end
 * up to a bridge letter's date are covered by that letter; every other day from the first window
 * start to the last window end (and, once the last report has gone stale, up to the horizon) is a
 * coverage gap. An ISO certificate is valid from the certification decision to CERTIFICATE_EXPIRY
 * (decision + 3 years when missing); it has lapsed when the expiry is MISSED or has passed without a
 * later cycle's decision done on or before it.
 */
public final class TimelineBuilder {

    /** A certificate runs three years from the decision (ISO/IEC 17021-1). */
    static final int CERTIFICATE_YEARS = 3;
    /** A SOC 2 report stays current for about twelve months after its period ends. */
    static final int REPORT_CURRENT_MONTHS = 12;

    /** Milestones drawn as symbols; the others are the ends of bars. */
    static final Set<MilestoneType> MARKER_TYPES = EnumSet.complementOf(
            EnumSet.of(OBSERVATION_START, OBSERVATION_END, REPORT_STALE, FIELDWORK_END));

    /** Things that simply happen with time: a past planned date is not a warning sign. */

    private TimelineBuilder() {
    }

    public static ProgramLane lane(Program program, List<Milestone> milestones, LocalDate today, LocalDate horizon,
                                   int overdueTasks) {
        return lane(program, milestones, today, horizon, overdueTasks, DashboardWords.ENGLISH);
    }

    /** The same lane with its hover and screen-reader texts in one reader's words (English reads as before). */
    static ProgramLane lane(Program program, List<Milestone> milestones, LocalDate today, LocalDate horizon,
                            int overdueTasks, DashboardWords words) {
        Map<MilestoneType, Map<Integer, Milestone>> byType = new EnumMap<>(MilestoneType.class);
        List<String> undated = new ArrayList<>();
        for (Milestone m : milestones) {
            byType.computeIfAbsent(m.getType(), t -> new TreeMap<>()).put(m.getCycle(), m);
            if (date(m) == null) {
                undated.add(m.getCycle() > 1 ? words.text("drawing.cycle", words.label(m.getType()), String.valueOf(m.getCycle()))
                        : words.label(m.getType()));
            }
        }
        Cycles cycles = new Cycles(byType);
        List<TimelineBar> bars = new ArrayList<>();
        List<TimelineMarker> markers = new ArrayList<>();
        Set<Milestone> lapsedExpiries = new java.util.HashSet<>();

        if (program.framework() != null && program.framework().isSoc2()) {
            soc2Bars(cycles, milestones, today, horizon, bars, words);
        } else if (program.framework() == Framework.ISO27001) {
            isoBars(cycles, today, horizon, bars, lapsedExpiries, words);
        }
        for (Milestone m : milestones) {
            LocalDate d = date(m);
            if (d == null || !MARKER_TYPES.contains(m.getType())) {
                continue;
            }
            MilestoneStatus status = lapsedExpiries.contains(m) ? MilestoneStatus.MISSED : displayStatus(m, today);
            String extra = lapsedExpiries.contains(m) ? words.text("drawing.marker.lapsed") : null;
            if (m.getType() == MilestoneType.FIELDWORK_START) {
                Milestone end = cycles.get(FIELDWORK_END, m.getCycle());
                if (end != null && date(end) != null) {
                    extra = words.text("drawing.marker.fieldworkEnds", words.date(date(end)));
                }
            }
            markers.add(new TimelineMarker(m.getType(), m.getCycle(), d, status, details(program, m, status, extra, words)));
        }
        if (overdueTasks > 0) {
            flagOverdue(program, overdueTasks, today, bars, markers, words);
        }
        bars.sort(Comparator.comparing(TimelineBar::start).thenComparing(b -> b.kind().ordinal()));
        markers.sort(Comparator.comparing(TimelineMarker::date).thenComparing(m -> m.type().ordinal()));
        return new ProgramLane(program.id(), program.name(), program.framework(), program.owner(), program.ownerName(),
                List.copyOf(bars), List.copyOf(markers), List.copyOf(undated),
                program.team(), program.teamName());
    }

    private static void soc2Bars(Cycles cycles, List<Milestone> milestones, LocalDate today, LocalDate horizon,
                                 List<TimelineBar> bars, DashboardWords words) {
        List<LocalDate[]> needed = new ArrayList<>();
        List<LocalDate[]> covered = new ArrayList<>();
        LocalDate lastStale = null;
        LocalDate lastEnd = null;
        for (int c : cycles.of(OBSERVATION_START, OBSERVATION_END, REPORT_ISSUED, AS_OF_DATE, BRIDGE_LETTER)) {
            Milestone startM = cycles.get(OBSERVATION_START, c);
            Milestone endM = cycles.get(OBSERVATION_END, c);
            Milestone reportM = cycles.get(REPORT_ISSUED, c);
            Milestone staleM = cycles.get(REPORT_STALE, c);
            Milestone asOfM = cycles.get(AS_OF_DATE, c);
            LocalDate start = date(startM);
            LocalDate end = date(endM);
            boolean reportMissed = status(reportM) == MilestoneStatus.MISSED;
            if (start != null && end != null && !end.isBefore(start)) {
                MilestoneStatus s = windowStatus(startM, endM, end, today);
                bars.add(new TimelineBar(BarKind.OBSERVATION_WINDOW, c, start, end, s,
                        words.text("drawing.window", words.date(start), words.date(end), String.valueOf(c))
                                + statusText(s, words)));
                needed.add(new LocalDate[] {start, end});
                if (!reportMissed) {
                    covered.add(new LocalDate[] {start, end});
                }
                if (lastEnd == null || end.isAfter(lastEnd)) {
                    lastEnd = end;
                }
            }
            LocalDate periodEnd = end != null ? end : date(asOfM);
            LocalDate stale = staleM != null && date(staleM) != null ? date(staleM)
                    : periodEnd == null ? null : periodEnd.plusMonths(REPORT_CURRENT_MONTHS);
            LocalDate issued = date(reportM);
            if (issued != null && stale != null && !stale.isBefore(issued)) {
                MilestoneStatus s = status(reportM) == MilestoneStatus.PLANNED && issued.isBefore(today)
                        ? MilestoneStatus.AT_RISK : status(reportM);
                bars.add(new TimelineBar(BarKind.REPORT_CURRENT, c, issued, stale, s,
                        words.text(status(reportM) == MilestoneStatus.DONE ? "drawing.report.issued" : "drawing.report.planned",
                                words.date(issued), words.date(stale)) + statusText(s, words)));
            }
            if (stale != null && !reportMissed && (lastStale == null || stale.isAfter(lastStale))) {
                lastStale = stale;
            }
            LocalDate bridge = date(cycles.get(BRIDGE_LETTER, c));
            if (bridge != null && end != null && bridge.isAfter(end)
                    && status(cycles.get(BRIDGE_LETTER, c)) != MilestoneStatus.MISSED) {
                covered.add(new LocalDate[] {end.plusDays(1), bridge});
            }
        }
        if (needed.isEmpty()) {
            return;
        }
        // Gaps and staleness come from the planner's one coverage rule, so the timeline, the API and the dashboard agree.
        List<io.auditflow.lifecycle.PlannedMilestone> calendar = milestones.stream().map(Milestone::toPlanned).toList();
        for (io.auditflow.lifecycle.CoverageGap gap : Planner.coverageGaps(Planner.windows(calendar))) {
            bars.add(new TimelineBar(BarKind.COVERAGE_GAP, 0, gap.from(), gap.to(), MilestoneStatus.MISSED,
                    words.text("drawing.gap", words.date(gap.from()), words.date(gap.to()), String.valueOf(gap.days()))));
        }
        Planner.Coverage coverage = Planner.coverage(calendar, today);
        if (coverage.kind() == Planner.CoverageKind.REPORT_STALE) {
            LocalDate until = horizon.isAfter(coverage.from()) ? horizon : coverage.from();
            bars.add(new TimelineBar(BarKind.COVERAGE_GAP, 0, coverage.from(), until, MilestoneStatus.MISSED,
                    words.text("drawing.gap.since", words.date(coverage.from()), PlannerWords.coverage(words, coverage.kind(),
                            new LifecycleFigures.CoverageFigure(coverage.kind().name(), coverage.from(), coverage.to(),
                                    coverage.words(), List.of()), today))));
        }
    }

    private static void isoBars(Cycles cycles, LocalDate today, LocalDate horizon, List<TimelineBar> bars,
                                Set<Milestone> lapsedExpiries, DashboardWords words) {
        List<Integer> certCycles = new ArrayList<>(cycles.of(CERTIFICATION_DECISION, CERTIFICATE_EXPIRY));
        for (int i = 0; i < certCycles.size(); i++) {
            int c = certCycles.get(i);
            Milestone decisionM = cycles.get(CERTIFICATION_DECISION, c);
            Milestone expiryM = cycles.get(CERTIFICATE_EXPIRY, c);
            LocalDate decision = date(decisionM);
            LocalDate expiry = date(expiryM) != null ? date(expiryM)
                    : decision == null ? null : decision.plusYears(CERTIFICATE_YEARS).minusDays(1);
            if (decision != null && expiry != null && !expiry.isBefore(decision)) {
                MilestoneStatus s = certificateStatus(cycles, c, decisionM, today);
                bars.add(new TimelineBar(BarKind.CERTIFICATE_VALID, c, decision, expiry, s,
                        words.text(status(decisionM) == MilestoneStatus.DONE ? "drawing.certificate.valid"
                                : "drawing.certificate.planned", String.valueOf(c), words.date(decision), words.date(expiry))
                                + statusText(s, words)));
            }
            if (expiry == null) {
                continue;
            }
            LocalDate renewal = null;
            boolean renewalDone = false;
            for (int j = i + 1; j < certCycles.size() && renewal == null; j++) {
                Milestone next = cycles.get(CERTIFICATION_DECISION, certCycles.get(j));
                if (date(next) != null) {
                    renewal = date(next);
                    renewalDone = status(next) == MilestoneStatus.DONE;
                }
            }
            boolean expiryMissed = status(expiryM) == MilestoneStatus.MISSED;
            boolean renewedInTime = renewalDone && !renewal.isAfter(expiry.plusDays(1));
            boolean expired = expiry.isBefore(today) || expiryMissed;
            if (!expired || renewedInTime) {
                continue;
            }
            LocalDate lapseEnd = renewalDone ? renewal.minusDays(1) : (horizon.isAfter(expiry) ? horizon : expiry.plusDays(1));
            if (expiryM != null) {
                lapsedExpiries.add(expiryM);
            }
            bars.add(new TimelineBar(BarKind.CERTIFICATE_LAPSED, c, expiry.plusDays(1), lapseEnd, MilestoneStatus.MISSED,
                    renewalDone
                            ? words.text("drawing.lapsed.restored", words.date(expiry.plusDays(1)), words.date(lapseEnd),
                            words.date(renewal))
                            : words.text("drawing.lapsed.since", words.date(expiry.plusDays(1)), words.date(expiry))));
        }
    }

    private static MilestoneStatus certificateStatus(Cycles cycles, int c, Milestone decision, LocalDate today) {
        List<Milestone> audits = new ArrayList<>();
        for (MilestoneType t : List.of(SURVEILLANCE_AUDIT_1, SURVEILLANCE_AUDIT_2, RECERTIFICATION_AUDIT)) {
            if (cycles.get(t, c) != null) {
                audits.add(cycles.get(t, c));
            }
        }
        if (status(decision) == MilestoneStatus.MISSED
                || audits.stream().anyMatch(a -> status(a) == MilestoneStatus.MISSED)) {
            return MilestoneStatus.MISSED;
        }
        if (audits.stream().anyMatch(a -> displayStatus(a, today) == MilestoneStatus.AT_RISK)) {
            return MilestoneStatus.AT_RISK;
        }
        return status(decision) == MilestoneStatus.DONE ? MilestoneStatus.DONE
                : displayStatus(decision, today) == MilestoneStatus.AT_RISK ? MilestoneStatus.AT_RISK
                : MilestoneStatus.PLANNED;
    }

    private static MilestoneStatus windowStatus(Milestone start, Milestone end, LocalDate endDate, LocalDate today) {
        if (status(start) == MilestoneStatus.MISSED || status(end) == MilestoneStatus.MISSED) {
            return MilestoneStatus.MISSED;
        }
        if (status(start) == MilestoneStatus.AT_RISK || status(end) == MilestoneStatus.AT_RISK) {
            return MilestoneStatus.AT_RISK;
        }
        return endDate.isBefore(today) || status(end) == MilestoneStatus.DONE ? MilestoneStatus.DONE
                : MilestoneStatus.PLANNED;
    }

    /** Overdue tasks put the next external audit and the window running today at risk. */
    private static void flagOverdue(Program program, int overdue, LocalDate today, List<TimelineBar> bars,
                                    List<TimelineMarker> markers, DashboardWords words) {
        String why = "\n" + words.text("drawing.marker.atRisk",
                words.text(overdue == 1 ? "drawing.marker.overdueOne" : "drawing.marker.overdueMany", String.valueOf(overdue)));
        markers.stream()
                .filter(m -> m.type().isExternalAudit() && !m.date().isBefore(today)
                        && m.status() == MilestoneStatus.PLANNED)
                .min(Comparator.comparing(TimelineMarker::date))
                .ifPresent(m -> markers.set(markers.indexOf(m), new TimelineMarker(m.type(), m.cycle(), m.date(),
                        MilestoneStatus.AT_RISK, m.details() + why)));
        for (int i = 0; i < bars.size(); i++) {
            TimelineBar b = bars.get(i);
            if (b.kind() == BarKind.OBSERVATION_WINDOW && b.contains(today) && b.status() == MilestoneStatus.PLANNED) {
                bars.set(i, new TimelineBar(b.kind(), b.cycle(), b.start(), b.end(), MilestoneStatus.AT_RISK,
                        b.details() + why));
            }
        }
    }

    /** The colour a milestone gets today: a past action not recorded as done is at risk; passive dates just pass. */
    static MilestoneStatus displayStatus(Milestone m, LocalDate today) {
        return Planner.shownStatus(m.getType(), m.getStatus(), date(m), today);
    }

    static LocalDate date(Milestone m) {
        if (m == null) {
            return null;
        }
        return m.getActualDate() != null ? m.getActualDate() : m.getPlannedDate();
    }

    private static MilestoneStatus status(Milestone m) {
        return m == null ? MilestoneStatus.PLANNED : m.getStatus();
    }

    private static String details(Program program, Milestone m, MilestoneStatus shown, String extra, DashboardWords words) {
        StringBuilder sb = new StringBuilder();
        sb.append(program.name()).append(" · ").append(m.getCycle() > 1
                ? words.text("drawing.cycle", words.label(m.getType()), String.valueOf(m.getCycle())) : words.label(m.getType()));
        sb.append('\n');
        if (m.getPlannedDate() != null) {
            sb.append(words.text("drawing.marker.planned", words.date(m.getPlannedDate())));
        }
        if (m.getActualDate() != null) {
            sb.append(m.getPlannedDate() != null ? " · " : "").append(words.text("drawing.marker.done", words.date(m.getActualDate())));
        }
        sb.append(" · ").append(words.label(shown));
        if (shown == MilestoneStatus.AT_RISK && m.getStatus() == MilestoneStatus.PLANNED) {
            sb.append(words.text("drawing.marker.passed"));
        }
        if (extra != null) {
            sb.append('\n').append(extra);
        }
        if (m.getNote() != null && !m.getNote().isBlank()) {
            sb.append('\n').append(m.getNote());
        }
        return sb.toString();
    }

    private static String statusText(MilestoneStatus s, DashboardWords words) {
        return " · " + words.label(s);
    }

    /** The parts of [from, to] that no interval covers. */
    static List<LocalDate[]> holes(LocalDate from, LocalDate to, List<LocalDate[]> covered) {
        List<LocalDate[]> sorted = new ArrayList<>(covered);
        sorted.sort(Comparator.comparing(i -> i[0]));
        List<LocalDate[]> holes = new ArrayList<>();
        LocalDate cursor = from;
        for (LocalDate[] i : sorted) {
            if (cursor.isAfter(to)) {
                break;
            }
            if (i[0].isAfter(cursor)) {
                LocalDate holeEnd = i[0].minusDays(1).isAfter(to) ? to : i[0].minusDays(1);
                holes.add(new LocalDate[] {cursor, holeEnd});
            }
            if (!i[1].isBefore(cursor)) {
                cursor = i[1].plusDays(1);
            }
        }
        if (!cursor.isAfter(to)) {
            holes.add(new LocalDate[] {cursor, to});
        }
        return holes;
    }

    /** Milestones by type and cycle. */
    private record Cycles(Map<MilestoneType, Map<Integer, Milestone>> byType) {

        Milestone get(MilestoneType type, int cycle) {
            Map<Integer, Milestone> m = byType.get(type);
            return m == null ? null : m.get(cycle);
        }

        TreeSet<Integer> of(MilestoneType... types) {
            TreeSet<Integer> cycles = new TreeSet<>();
            for (MilestoneType t : types) {
                Map<Integer, Milestone> m = byType.get(t);
                if (m != null) {
                    cycles.addAll(m.keySet());
                }
            }
            return cycles;
        }
    }
}
