package io.auditflow.timeline;

import io.auditflow.lifecycle.ControlActivityService;
import io.auditflow.lifecycle.FindingKind;
import io.auditflow.lifecycle.FindingService;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one adapter between the executive pages and the calendar rules (issue 14). Every question
 * about a certificate's state, SOC 2 coverage, milestone status or "overdue" goes through this
 * class, so when the calendar engine moves to one planner only the methods here are re-pointed:
 * {@link #milestones}, {@link #overdueTasksByProgram}, {@link #certificate}, {@link #coverageGaps},
 * and the static readings {@link #certificateAnswer}, {@link #coverageAnswer} and {@link #needsAttention}
 * (which today read the lane that {@link TimelineBuilder} builds from the milestones).
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
    public Map<Long, Integer> overdueTasksByProgram() {
        return deadlines.overdueByProgram();
    }

    @Override
    public Map<java.time.YearMonth, Integer> overdueTasksByDueMonth(java.time.YearMonth first, int months) {
        return deadlines.overdueByDueMonth(first, months);
    }

    @Override
    public Optional<CertificateFigure> certificate(Long programId) {
        return lifecycles.certificate(programId)
                .map(c -> new CertificateFigure(c.state().name(), c.decisionDate(), c.expiryDate(), c.note()));
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

    // ---- readings of the calendar's answers (re-point these to the planner) ----

    /**
     * An ISO program's certificate in words: the recorded state when there is one; the timeline's
     * lapse or a missed audit on the lane when the record still says valid or there is no record.
     */
    static Dashboard.Row certificateAnswer(ProgramLane lane, Optional<CertificateFigure> recorded, LocalDate today) {
        Optional<TimelineBar> lapse = lane.bars().stream()
                .filter(b -> b.kind() == BarKind.CERTIFICATE_LAPSED && b.contains(today)).findFirst();
        Optional<TimelineBar> valid = lane.bars().stream()
                .filter(b -> b.kind() == BarKind.CERTIFICATE_VALID && b.contains(today)
                        && b.status() != MilestoneStatus.PLANNED)
                .max(Comparator.comparing(TimelineBar::end));
        Optional<TimelineMarker> missed = lane.markers().stream()
                .filter(m -> m.type().isExternalAudit() && m.status() == MilestoneStatus.MISSED && !m.date().isAfter(today))
                .max(Comparator.comparing(TimelineMarker::date));
        Optional<TimelineMarker> atRisk = lane.markers().stream()
                .filter(m -> m.type().isExternalAudit() && m.status() == MilestoneStatus.AT_RISK)
                .min(Comparator.comparing(TimelineMarker::date));
        String state;
        String reason;
        LocalDate date;
        String recordedState = recorded.map(CertificateFigure::state).orElse(null);
        if (lapse.isPresent() || "LAPSED".equals(recordedState)) {
            state = "Lapsed";
            date = lapse.map(TimelineBar::start).orElse(recorded.map(CertificateFigure::expiry).orElse(null));
            reason = "expired" + (date == null ? "" : " " + date.minusDays(1)) + " without recertification";
        } else if ("SUSPENDED".equals(recordedState) || missed.isPresent()) {
            state = "Suspended";
            date = missed.map(TimelineMarker::date).orElse(null);
            reason = missed.map(m -> m.type().label() + " due " + m.date() + " was missed")
                    .orElse(recorded.map(CertificateFigure::note).orElse("a surveillance audit did not happen in time"));
        } else if ("AT_RISK".equals(recordedState) || atRisk.isPresent()) {
            state = "At risk";
            date = atRisk.map(TimelineMarker::date).orElse(null);
            reason = atRisk.map(m -> m.type().label() + " " + m.date() + " is at risk")
                    .orElse(recorded.map(CertificateFigure::note).orElse("an external audit is close to its deadline"));
        } else if (valid.isPresent() || recordedState != null) {
            state = "RESTORED".equals(recordedState) ? "Restored" : "Valid";
            date = valid.map(TimelineBar::end).orElse(recorded.map(CertificateFigure::expiry).orElse(null));
            reason = date == null ? "valid" : "valid until " + date;
        } else {
            state = "Not certified yet";
            date = lane.bars().stream().filter(b -> b.kind() == BarKind.CERTIFICATE_VALID && b.start().isAfter(today))
                    .map(TimelineBar::start).min(Comparator.naturalOrder()).orElse(null);
            reason = date == null ? "no certification decision planned" : "first decision planned " + date;
        }
        Dashboard.Tone tone = switch (state) {
            case "Lapsed", "Suspended" -> Dashboard.Tone.ALARM;
            case "At risk" -> Dashboard.Tone.WARN;
            case "Valid", "Restored" -> Dashboard.Tone.OK;
            default -> Dashboard.Tone.NEUTRAL;
        };
        return new Dashboard.Row(lane.programId(), lane.name(), "ISO certificate: " + reason, date, state, tone);
    }

    /** A SOC 2 program's coverage in words: covered until, gap from–to (past, now or ahead), or report stale. */
    static Dashboard.Row coverageAnswer(ProgramLane lane, List<GapFigure> recordedGaps, LocalDate today) {
        Optional<TimelineBar> gapNow = lane.bars().stream()
                .filter(b -> b.kind() == BarKind.COVERAGE_GAP && b.contains(today)).findFirst();
        Optional<TimelineBar> current = lane.bars().stream()
                .filter(b -> b.kind() == BarKind.REPORT_CURRENT && b.contains(today) && b.status() == MilestoneStatus.DONE)
                .max(Comparator.comparing(TimelineBar::end));
        Optional<LocalDate> lastReportEnd = lane.bars().stream()
                .filter(b -> b.kind() == BarKind.REPORT_CURRENT && b.status() == MilestoneStatus.DONE
                        && b.end().isBefore(today))
                .map(TimelineBar::end).max(Comparator.naturalOrder());
        if (gapNow.isPresent()) {
            if (lastReportEnd.isPresent() && current.isEmpty()) {
                return new Dashboard.Row(lane.programId(), lane.name(),
                        "SOC 2 report stale since " + lastReportEnd.get().plusDays(1) + ": no current report or bridge letter",
                        lastReportEnd.get().plusDays(1), "Report stale", Dashboard.Tone.ALARM);
            }
            return new Dashboard.Row(lane.programId(), lane.name(),
                    "SOC 2 coverage gap since " + gapNow.get().start() + ": no report or bridge letter covers today",
                    gapNow.get().start(), "Gap now", Dashboard.Tone.ALARM);
        }
        List<GapFigure> gaps = new java.util.ArrayList<>(recordedGaps);
        lane.bars().stream().filter(b -> b.kind() == BarKind.COVERAGE_GAP)
                .map(b -> new GapFigure(b.start(), b.end()))
                .filter(g -> gaps.stream().noneMatch(r -> r.from().equals(g.from())))
                .forEach(gaps::add);
        Optional<GapFigure> ahead = gaps.stream().filter(g -> g.from().isAfter(today))
                .min(Comparator.comparing(GapFigure::from));
        if (ahead.isPresent()) {
            return new Dashboard.Row(lane.programId(), lane.name(),
                    "SOC 2 coverage gap ahead " + ahead.get().from() + " – " + ahead.get().to(), ahead.get().from(),
                    "Gap ahead", Dashboard.Tone.WARN);
        }
        Optional<GapFigure> past = gaps.stream().filter(g -> g.to().isBefore(today))
                .max(Comparator.comparing(GapFigure::to));
        if (current.isPresent()) {
            return new Dashboard.Row(lane.programId(), lane.name(),
                    "SOC 2 covered until " + current.get().end()
                            + past.map(g -> " (earlier gap " + g.from() + " – " + g.to() + ")").orElse(""),
                    current.get().end(), past.isPresent() ? "Covered, earlier gap" : "Covered",
                    past.isPresent() ? Dashboard.Tone.WARN : Dashboard.Tone.OK);
        }
        return new Dashboard.Row(lane.programId(), lane.name(), "SOC 2: no report issued yet", null,
                "No report yet", Dashboard.Tone.NEUTRAL);
    }

    /** A lane with a gap, a lapse, or any bar or milestone at risk or missed: what "at risk only" shows. */
    static boolean needsAttention(ProgramLane lane) {
        return lane.hasAlarm()
                || lane.bars().stream().anyMatch(b -> b.status() == MilestoneStatus.AT_RISK || b.status() == MilestoneStatus.MISSED)
                || lane.markers().stream().anyMatch(m -> m.status() == MilestoneStatus.AT_RISK || m.status() == MilestoneStatus.MISSED);
    }

    /** Everything overdue or missed on a lane, past or ahead: milestones at risk or missed, overdue tasks. */
    static List<Dashboard.Row> attention(ProgramLane lane, int overdueTasks) {
        List<Dashboard.Row> rows = new java.util.ArrayList<>();
        for (TimelineMarker m : lane.markers()) {
            if (m.status() == MilestoneStatus.MISSED || m.status() == MilestoneStatus.AT_RISK) {
                boolean missed = m.status() == MilestoneStatus.MISSED;
                rows.add(new Dashboard.Row(lane.programId(), lane.name(), m.type().label()
                        + (m.cycle() > 1 ? " (cycle " + m.cycle() + ")" : ""), m.date(), missed ? "Missed" : "At risk",
                        missed ? Dashboard.Tone.ALARM : Dashboard.Tone.WARN));
            }
        }
        if (overdueTasks > 0) {
            rows.add(new Dashboard.Row(lane.programId(), lane.name(),
                    overdueTasks + (overdueTasks == 1 ? " task" : " tasks") + " past due", null, "Overdue",
                    Dashboard.Tone.ALARM));
        }
        return rows;
    }
}
