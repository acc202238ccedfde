package io.auditflow.timeline;

import io.auditflow.lifecycle.CertificateState;
import io.auditflow.lifecycle.ControlActivityService;
import io.auditflow.lifecycle.FindingKind;
import io.auditflow.lifecycle.FindingService;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.lifecycle.PlannedMilestone;
import io.auditflow.lifecycle.Planner;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one adapter between the executive pages and the calendar engine. Every question about a
 * certificate's state, SOC 2 coverage, milestone status or "overdue" goes through this class, and each
 * answer comes from the lifecycle's owners: {@code LifecycleService.certificateStanding} and
 * {@code coverage} (the planner's readings), {@code TaskDeadlines} (common.Due). The static methods only
 * put those answers into the dashboard's words and colours.
 */
@Component
class LifecycleFiguresAdapter implements LifecycleFigures {

    private final FindingService findings;
    private final ControlActivityService activities;
    private final MilestoneService milestoneService;
    private final LifecycleService lifecycles;
    private final TaskDeadlines deadlines;

    LifecycleFiguresAdapter(FindingService findings, ControlActivityService activities, MilestoneService milestones,
                            LifecycleService lifecycles, TaskDeadlines deadlines) {
        this.findings = findings;
        this.activities = activities;
        this.milestoneService = milestones;
        this.lifecycles = lifecycles;
        this.deadlines = deadlines;
    }

    @Override
    public Map<String, Long> openFindingsByKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<FindingKind, Long> e : findings.openCountsByKind().entrySet()) {
            counts.put(e.getKey().name(), e.getValue());
        }
        return counts;
    }

    @Override
    public List<ActivityProgress> expectedVersusDone(Long programId) {
        return activities.expectedVersusDone(programId).stream()
                .map(a -> new ActivityProgress(a.activityCode(), a.activityName(), a.cycle(), a.expected(), a.done(),
                        a.overdue()))
                .toList();
    }

    @Override
    public List<Milestone> milestones(Long programId) {
        return milestoneService.ofProgram(programId);
    }

    @Override
    public Map<Long, List<Milestone>> milestonesOf(java.util.Collection<Long> programIds) {
        return milestoneService.ofPrograms(programIds);
    }

    @Override
    public Map<Long, Integer> overdueTasksByProgram() {
        return deadlines.overdueByProgram();
    }

    @Override
    public Map<java.time.YearMonth, Integer> overdueTasksByDueMonth(java.time.YearMonth first, int months) {
        return deadlines.overdueByDueMonth(first, months);
    }

    @Override
    public Optional<CertificateFigure> certificate(Long programId) {
        return lifecycles.certificate(programId).flatMap(c -> lifecycles.certificateStanding(programId)
                .map(st -> new CertificateFigure(st.state().name(), c.decisionDate(), c.expiryDate(), st.reason(), st.date())));
    }

    @Override
    public Optional<CoverageFigure> coverage(Long programId) {
        return Optional.of(figure(lifecycles.coverage(programId)));
    }

    /**
     * The same reading as {@link LifecycleService#coverage} (the planner's {@link Planner#coverage} over the program's
     * calendar, {@code MilestoneService.ofProgram} as planned milestones, today in the organisation's zone), from
     * milestones read once for all programs: the dashboard read them again per SOC 2 program (issue 14, about a
     * third of its server time at 200 programs).
     */
    @Override
    public Optional<CoverageFigure> coverage(Long programId, List<Milestone> milestones, LocalDate today) {
        return Optional.of(figure(Planner.coverage(milestones.stream().map(Milestone::toPlanned).toList(), today)));
    }

    private static CoverageFigure figure(Planner.Coverage c) {
        return new CoverageFigure(c.kind().name(), c.from(), c.to(), c.words(),
                c.gaps().stream().map(g -> new GapFigure(g.from(), g.to())).toList());
    }

    @Override
    public List<GapFigure> coverageGaps(Long programId) {
        return lifecycles.coverageGaps(programId).stream().map(g -> new GapFigure(g.from(), g.to())).toList();
    }

    @Override
    public List<FindingFigure> openFindings() {
        return findings.openFindings().stream()
                .map(f -> new FindingFigure(f.programId(), f.kind().name(), f.title(), f.raisedOn(), f.dueDate(),
                        f.overdue()))
                .toList();
    }

    @Override
    public List<OccurrenceFigure> occurrences(Long programId) {
        return activities.occurrences(programId).stream().map(o -> new OccurrenceFigure(o.dueOn(), o.doneOn())).toList();
    }

    @Override
    public List<OccurrenceFigure> occurrencesDueBetween(java.util.Collection<Long> programIds, LocalDate from, LocalDate to) {
        return activities.occurrencesDueBetween(programIds, from, to).stream()
                .map(o -> new OccurrenceFigure(o.dueOn(), o.doneOn())).toList();
    }

    // ---- the calendar engine's answers in the dashboard's words ----

    /**
     * An ISO program's certificate in words, as the planner reads it ({@link Planner#certificateStanding}):
     * from the lifecycle's figure when there is one; otherwise from the lane's own milestones (a lane
     * built without the lifecycle feature, as in the dashboard's unit tests).
     */
    static Dashboard.Row certificateAnswer(ProgramLane lane, Optional<CertificateFigure> recorded, LocalDate today) {
        return certificateAnswer(lane, recorded, today, DashboardWords.ENGLISH);
    }

    static Dashboard.Row certificateAnswer(ProgramLane lane, Optional<CertificateFigure> recorded, LocalDate today,
                                           DashboardWords words) {
        Optional<TimelineMarker> decision = lane.markers().stream()
                .filter(m -> m.type() == MilestoneType.CERTIFICATION_DECISION && m.status() == MilestoneStatus.DONE
                        && !m.date().isAfter(today))
                .max(Comparator.comparing(TimelineMarker::date));
        CertificateState state;
        String reason;
        LocalDate date;
        LocalDate expiry;
        if (recorded.isPresent()) {
            state = CertificateState.valueOf(recorded.get().state());
            reason = recorded.get().note();
            date = recorded.get().on();
            expiry = recorded.get().expiry();
        } else if (decision.isPresent()) {
            int cycle = decision.get().cycle();
            expiry = lane.markers().stream()
                    .filter(m -> m.type() == MilestoneType.CERTIFICATE_EXPIRY && m.cycle() == cycle)
                    .map(TimelineMarker::date).findFirst().orElse(null);
            List<PlannedMilestone> calendar = lane.markers().stream()
                    .map(m -> new PlannedMilestone(m.type(), m.cycle(), m.date(),
                            m.status() == MilestoneStatus.DONE ? m.date() : null, m.status(), null))
                    .toList();
            Planner.Standing st = Planner.certificateStanding(calendar, cycle, CertificateState.VALID, null, expiry, today);
            state = st.state();
            reason = st.reason();
            date = st.date();
        } else {
            LocalDate first = lane.bars().stream().filter(b -> b.kind() == BarKind.CERTIFICATE_VALID && b.start().isAfter(today))
                    .map(TimelineBar::start).min(Comparator.naturalOrder()).orElse(null);
            return new Dashboard.Row(lane.programId(), lane.name(), words.text("dashboard.row.certificate", first == null
                    ? words.text("dashboard.row.noDecision") : words.text("dashboard.row.firstDecision", words.date(first))),
                    first, words.text("dashboard.state.notCertified"), Dashboard.Tone.NEUTRAL);
        }
        Dashboard.Tone tone = switch (state) {
            case LAPSED, SUSPENDED -> Dashboard.Tone.ALARM;
            case AT_RISK -> Dashboard.Tone.WARN;
            case VALID, RESTORED -> Dashboard.Tone.OK;
        };
        return new Dashboard.Row(lane.programId(), lane.name(), words.text("dashboard.row.certificate",
                PlannerWords.standing(words, lane, state, date, expiry, reason)), date, words.label(state), tone);
    }

    /**
     * A SOC 2 program's coverage in words, as the calendar engine reads it ({@link Planner#coverage}): a gap
     * running now or planned, a stale report, covered (naming an earlier gap), or not covered yet. The
     * dashboard only chooses the tile's words and colour.
     */
    static Dashboard.Row coverageAnswer(ProgramLane lane, Optional<CoverageFigure> figure, LocalDate today) {
        return coverageAnswer(lane, figure, today, DashboardWords.ENGLISH);
    }

    static Dashboard.Row coverageAnswer(ProgramLane lane, Optional<CoverageFigure> figure, LocalDate today,
                                        DashboardWords words) {
        if (figure.isEmpty()) {
            return new Dashboard.Row(lane.programId(), lane.name(), words.text("dashboard.row.soc2",
                    words.text("dashboard.row.coverageUnknown")), null, words.text("dashboard.state.notKnown"),
                    Dashboard.Tone.NEUTRAL);
        }
        CoverageFigure c = figure.get();
        Planner.CoverageKind kind = Planner.CoverageKind.valueOf(c.kind());
        String soc2 = words.text("dashboard.row.soc2", PlannerWords.coverage(words, kind, c, today));
        return switch (kind) {
            case GAP -> c.from().isAfter(today)
                    ? new Dashboard.Row(lane.programId(), lane.name(), soc2, c.from(), words.text("dashboard.state.gapAhead"),
                    Dashboard.Tone.WARN)
                    : new Dashboard.Row(lane.programId(), lane.name(), soc2, c.from(), words.text("dashboard.state.gapNow"),
                    Dashboard.Tone.ALARM);
            case REPORT_STALE -> new Dashboard.Row(lane.programId(), lane.name(), soc2, c.from(),
                    words.label(kind), Dashboard.Tone.ALARM);
            case NOT_STARTED -> new Dashboard.Row(lane.programId(), lane.name(), soc2, c.from(),
                    words.label(kind), Dashboard.Tone.NEUTRAL);
            case COVERED -> {
                Optional<GapFigure> past = c.gaps().stream().filter(g -> g.to().isBefore(today))
                        .max(Comparator.comparing(GapFigure::to));
                yield new Dashboard.Row(lane.programId(), lane.name(), past.map(g -> words.text("dashboard.row.soc2",
                                words.text("dashboard.row.coveredEarlierGap", words.date(c.to()), words.date(g.from()),
                                        words.date(g.to())))).orElse(soc2), c.to(),
                        past.isPresent() ? words.text("dashboard.state.coveredEarlierGap") : words.label(kind),
                        past.isPresent() ? Dashboard.Tone.WARN : Dashboard.Tone.OK);
            }
        };
    }

    /** A lane with a gap, a lapse, or any bar or milestone at risk or missed: what "at risk only" shows. */
    static boolean needsAttention(ProgramLane lane) {
        return lane.hasAlarm()
                || lane.bars().stream().anyMatch(b -> b.status() == MilestoneStatus.AT_RISK || b.status() == MilestoneStatus.MISSED)
                || lane.markers().stream().anyMatch(m -> m.status() == MilestoneStatus.AT_RISK || m.status() == MilestoneStatus.MISSED);
    }

    /** Everything overdue or missed on a lane, past or ahead: milestones at risk or missed, overdue tasks. */
    static List<Dashboard.Row> attention(ProgramLane lane, int overdueTasks) {
        return attention(lane, overdueTasks, DashboardWords.ENGLISH);
    }

    static List<Dashboard.Row> attention(ProgramLane lane, int overdueTasks, DashboardWords words) {
        List<Dashboard.Row> rows = new java.util.ArrayList<>();
        for (TimelineMarker m : lane.markers()) {
            if (m.status() == MilestoneStatus.MISSED || m.status() == MilestoneStatus.AT_RISK) {
                boolean missed = m.status() == MilestoneStatus.MISSED;
                rows.add(new Dashboard.Row(lane.programId(), lane.name(), m.cycle() > 1
                        ? words.text("dashboard.row.cycle", words.label(m.type()), String.valueOf(m.cycle()))
                        : words.label(m.type()), m.date(), words.label(m.status()),
                        missed ? Dashboard.Tone.ALARM : Dashboard.Tone.WARN));
            }
        }
        if (overdueTasks > 0) {
            rows.add(new Dashboard.Row(lane.programId(), lane.name(),
                    words.text("dashboard.row.tasksPastDue", overdueTasks), null, words.text("dashboard.state.overdue"),
                    Dashboard.Tone.ALARM));
        }
        return rows;
    }
}
