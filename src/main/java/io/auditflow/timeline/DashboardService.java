package io.auditflow.timeline;

import static java.time.temporal.ChronoUnit.DAYS;

import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures beside the timeline: what is coming, what is late, and how long each assurance lasts. Read-only. */
@Service
public class DashboardService {

    public static final int UPCOMING_DAYS = 90;

    /** What counts as "an audit" on the dashboard: the dates people prepare for or customers ask about. */
    static final Set<MilestoneType> UPCOMING_TYPES = EnumSet.of(MilestoneType.AS_OF_DATE, MilestoneType.FIELDWORK_START,
            MilestoneType.REPORT_ISSUED, MilestoneType.BRIDGE_LETTER, MilestoneType.STAGE1_AUDIT,
            MilestoneType.STAGE2_AUDIT, MilestoneType.CERTIFICATION_DECISION, MilestoneType.SURVEILLANCE_AUDIT_1,
            MilestoneType.SURVEILLANCE_AUDIT_2, MilestoneType.RECERTIFICATION_AUDIT, MilestoneType.CERTIFICATE_EXPIRY,
            MilestoneType.INTERNAL_AUDIT, MilestoneType.MANAGEMENT_REVIEW);

    private final TimelineService timelines;
    private final TaskDeadlines deadlines;
    private final ObjectProvider<LifecycleFigures> figures;

    DashboardService(TimelineService timelines, TaskDeadlines deadlines, ObjectProvider<LifecycleFigures> figures) {
        this.timelines = timelines;
        this.deadlines = deadlines;
        this.figures = figures;
    }

    @PreAuthorize("isAuthenticated()")
    public Dashboard dashboard(Set<Framework> frameworks, String owner) {
        Timeline timeline = timelines.timeline(TimelineRange.DEFAULT, frameworks, owner);
        Map<Long, Integer> overdue = deadlines.overdueByProgram();
        Optional<LifecycleFigures> lifecycle = Optional.ofNullable(figures.getIfAvailable());
        return build(timeline, overdue, lifecycle.orElse(null));
    }

    /** The dashboard for the current filters plus a program-name search (blank: all). */
    @PreAuthorize("isAuthenticated()")
    public Dashboard dashboard(TimelineQuery query) {
        return dashboard(query, java.util.Locale.ENGLISH);
    }

    /** The same dashboard with its words (answers, states, list lines) in the reader's language. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Dashboard dashboard(TimelineQuery query, java.util.Locale locale) {
        Map<Long, Integer> overdue = deadlines.overdueByProgram();
        TimelineService.WithMilestones read = timelines.read(query.withRange(TimelineRange.DEFAULT), java.util.Locale.ENGLISH, overdue);
        return build(read.timeline(), overdue, figures.getIfAvailable(), DashboardWords.of(locale), read.milestones());
    }

    /** What the dashboard page shows at once: the figures and the trends of the same programs. */
    public record Page(Dashboard dashboard, List<MonthTrend> trends) {
    }

    /**
     * {@link #dashboard(TimelineQuery, java.util.Locale)} and {@link #trends(TimelineQuery)} from one reading of the
     * programs, their milestones and overdue tasks, in one read-only transaction (issue 14: the page computed the
     * timeline twice and asked for overdue tasks three times).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Page page(TimelineQuery query, java.util.Locale locale) {
        Map<Long, Integer> overdue = deadlines.overdueByProgram();
        TimelineService.WithMilestones read = timelines.read(query.withRange(TimelineRange.DEFAULT), java.util.Locale.ENGLISH, overdue);
        LifecycleFigures lifecycle = figures.getIfAvailable();
        return new Page(build(read.timeline(), overdue, lifecycle, DashboardWords.of(locale), read.milestones()),
                trends(read.timeline(), lifecycle));
    }

    /** One month of the trends: tasks that went overdue, control activities expected and done. */
    public record MonthTrend(java.time.YearMonth month, int overdueTasks, int expected, int done) {
    }

    /** The last twelve months (this one included) for the programs of the query. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MonthTrend> trends(TimelineQuery query) {
        LifecycleFigures lifecycle = figures.getIfAvailable();
        return lifecycle == null ? List.of() : trends(timelines.timeline(query.withRange(TimelineRange.DEFAULT)), lifecycle);
    }

    private static List<MonthTrend> trends(Timeline timeline, LifecycleFigures lifecycle) {
        if (lifecycle == null) {
            return List.of();
        }
        java.time.YearMonth first = java.time.YearMonth.from(timeline.today()).minusMonths(11);
        Map<java.time.YearMonth, Integer> overdue = lifecycle.overdueTasksByDueMonth(first, 12);
        Map<java.time.YearMonth, int[]> activities = new java.util.TreeMap<>();
        List<Long> ids = timeline.lanes().stream().map(ProgramLane::programId).toList();
        for (LifecycleFigures.OccurrenceFigure o : lifecycle.occurrencesDueBetween(ids, first.atDay(1),
                first.plusMonths(11).atEndOfMonth())) {
            int[] c = activities.computeIfAbsent(java.time.YearMonth.from(o.dueOn()), k -> new int[2]);
            c[0]++;
            if (o.doneOn() != null) {
                c[1]++;
            }
        }
        List<MonthTrend> trends = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            java.time.YearMonth m = first.plusMonths(i);
            int[] c = activities.getOrDefault(m, new int[2]);
            trends.add(new MonthTrend(m, overdue.getOrDefault(m, 0), c[0], c[1]));
        }
        return trends;
    }

    static Dashboard build(Timeline timeline, Map<Long, Integer> overdue, LifecycleFigures lifecycle) {
        return build(timeline, overdue, lifecycle, DashboardWords.ENGLISH);
    }

    static Dashboard build(Timeline timeline, Map<Long, Integer> overdue, LifecycleFigures lifecycle, DashboardWords words) {
        return build(timeline, overdue, lifecycle, words, null);
    }

    /** {@code milestones}: what the timeline was built from, by program id (null: the lifecycle reads them per program). */
    static Dashboard build(Timeline timeline, Map<Long, Integer> overdue, LifecycleFigures lifecycle, DashboardWords words,
                           Map<Long, List<io.auditflow.lifecycle.Milestone>> milestones) {
        LocalDate today = timeline.today();
        LocalDate until = today.plusDays(UPCOMING_DAYS);
        List<Dashboard.UpcomingAudit> upcoming = new ArrayList<>();
        List<Dashboard.ProgramOverdue> late = new ArrayList<>();
        List<Dashboard.Countdown> countdowns = new ArrayList<>();
        List<Dashboard.OpenWindow> windows = new ArrayList<>();
        List<Dashboard.Row> certificates = new ArrayList<>();
        List<Dashboard.Row> coverage = new ArrayList<>();
        List<Dashboard.Row> attention = new ArrayList<>();
        Map<Dashboard.UpcomingAudit, MilestoneType> upcomingTypes = new java.util.IdentityHashMap<>();
        for (ProgramLane lane : timeline.lanes()) {
            if (lane.framework() == Framework.ISO27001) {
                certificates.add(LifecycleFiguresAdapter.certificateAnswer(lane,
                        lifecycle == null ? Optional.empty() : lifecycle.certificate(lane.programId()), today, words));
            } else if (lane.framework() != null && lane.framework().isSoc2()) {
                coverage.add(LifecycleFiguresAdapter.coverageAnswer(lane,
                        lifecycle == null ? Optional.empty() : milestones == null ? lifecycle.coverage(lane.programId())
                                : lifecycle.coverage(lane.programId(), milestones.getOrDefault(lane.programId(), List.of()), today),
                        today, words));
            }
            attention.addAll(LifecycleFiguresAdapter.attention(lane, overdue.getOrDefault(lane.programId(), 0), words));
            for (TimelineMarker m : lane.markers()) {
                if (UPCOMING_TYPES.contains(m.type()) && !m.date().isBefore(today) && !m.date().isAfter(until)) {
                    Dashboard.UpcomingAudit u = new Dashboard.UpcomingAudit(m.date(), DAYS.between(today, m.date()),
                            lane.programId(), lane.name(), m.type().label(), m.status());
                    upcoming.add(u);
                    upcomingTypes.put(u, m.type());
                }
            }
            int count = overdue.getOrDefault(lane.programId(), 0);
            if (count > 0) {
                late.add(new Dashboard.ProgramOverdue(lane.programId(), lane.name(), count));
            }
            countdowns.add(countdown(lane, today));
            lane.bars().stream()
                    .filter(b -> b.kind() == BarKind.OBSERVATION_WINDOW && b.contains(today))
                    .forEach(b -> windows.add(new Dashboard.OpenWindow(lane.programId(), lane.name(), b.start(), b.end(),
                            DAYS.between(today, b.end()),
                            lifecycle == null ? null : lifecycle.expectedVersusDone(lane.programId()).stream()
                                    .filter(a -> a.cycle() == b.cycle()).toList())));
        }
        upcoming.sort(Comparator.comparing(Dashboard.UpcomingAudit::date).thenComparing(Dashboard.UpcomingAudit::program));
        late.sort(Comparator.comparing(Dashboard.ProgramOverdue::overdueTasks).reversed()
                .thenComparing(Dashboard.ProgramOverdue::program));
        countdowns.sort(Comparator.comparing((Dashboard.Countdown c) -> !c.alarm())
                .thenComparing(c -> c.days() == null ? Long.MAX_VALUE : c.days()));
        Comparator<Dashboard.Row> worstFirst = Comparator.comparing((Dashboard.Row r) -> -r.tone().ordinal())
                .thenComparing(r -> r.date() == null ? LocalDate.MAX : r.date()).thenComparing(Dashboard.Row::program);
        certificates.sort(worstFirst);
        coverage.sort(worstFirst);
        attention.sort(worstFirst);
        List<Dashboard.Row> upcomingRows = upcoming.stream()
                .map(u -> new Dashboard.Row(u.programId(), u.program(), words.label(upcomingTypes.get(u)), u.date(),
                        words.label(u.status()) + " · " + (u.daysAway() == 0 ? words.text("dashboard.row.today")
                                : words.text("dashboard.row.inDays", String.valueOf(u.daysAway()))),
                        switch (u.status()) {
                            case MISSED -> Dashboard.Tone.ALARM;
                            case AT_RISK -> Dashboard.Tone.WARN;
                            case DONE -> Dashboard.Tone.OK;
                            case PLANNED -> Dashboard.Tone.NEUTRAL;
                        }))
                .toList();
        List<Dashboard.Answer> answers = List.of(
                answer("certificates", words.text("dashboard.answer.certificates"), certificates,
                        words.text("dashboard.answer.certificates.none"), words),
                answer("coverage", words.text("dashboard.answer.coverage"), coverage,
                        words.text("dashboard.answer.coverage.none"), words),
                new Dashboard.Answer("upcoming", words.text("dashboard.answer.upcoming", String.valueOf(UPCOMING_DAYS)),
                        upcoming.isEmpty() ? words.text("dashboard.answer.upcoming.none")
                                : words.text("dashboard.answer.upcoming.words", upcoming.size(),
                                words.date(upcoming.get(0).date()), upcoming.get(0).program()),
                        upcomingRows.stream().anyMatch(r -> r.tone() == Dashboard.Tone.WARN || r.tone() == Dashboard.Tone.ALARM)
                                ? Dashboard.Tone.WARN : Dashboard.Tone.NEUTRAL, upcoming.size()),
                answer("attention", words.text("dashboard.answer.attention"), attention,
                        words.text("dashboard.answer.attention.none"), words));
        return new Dashboard(today, List.copyOf(upcoming), List.copyOf(late),
                lifecycle == null ? null : lifecycle.openFindingsByKind(), List.copyOf(countdowns), List.copyOf(windows),
                answers, List.copyOf(certificates), List.copyOf(coverage), upcomingRows, List.copyOf(attention));
    }

    /** "2 valid · 1 at risk · 1 lapsed": the states of a list counted in words, coloured by the worst. */
    static Dashboard.Answer answer(String key, String title, List<Dashboard.Row> rows, String none) {
        return answer(key, title, rows, none, DashboardWords.ENGLISH);
    }

    static Dashboard.Answer answer(String key, String title, List<Dashboard.Row> rows, String none, DashboardWords words) {
        if (rows.isEmpty()) {
            return new Dashboard.Answer(key, title, none, Dashboard.Tone.OK, 0);
        }
        java.util.Map<String, Long> byState = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byState.merge(r.state(), 1L, Long::sum));
        String counted = byState.entrySet().stream()
                .map(e -> words.count(e.getValue(), e.getKey()))
                .collect(java.util.stream.Collectors.joining(" · "));
        Dashboard.Tone worst = rows.stream().map(Dashboard.Row::tone).max(Comparator.naturalOrder()).orElseThrow();
        long count = key.equals("attention") ? rows.size()
                : rows.stream().filter(r -> r.tone() == Dashboard.Tone.ALARM || r.tone() == Dashboard.Tone.WARN).count();
        return new Dashboard.Answer(key, title, counted, worst, count);
    }

    static Dashboard.Countdown countdown(ProgramLane lane, LocalDate today) {
        boolean iso = lane.framework() == Framework.ISO27001;
        BarKind current = iso ? BarKind.CERTIFICATE_VALID : BarKind.REPORT_CURRENT;
        BarKind alarm = iso ? BarKind.CERTIFICATE_LAPSED : BarKind.COVERAGE_GAP;
        String what = iso ? "Certificate expires" : "SOC 2 report goes stale";
        Optional<TimelineBar> lapse = lane.bars().stream()
                .filter(b -> b.kind() == alarm && b.contains(today)).findFirst();
        if (lapse.isPresent()) {
            return new Dashboard.Countdown(lane.programId(), lane.name(), what, lapse.get().start(), null, true,
                    (iso ? "Lapsed since " : "Coverage gap since ") + lapse.get().start());
        }
        Optional<TimelineBar> valid = lane.bars().stream()
                .filter(b -> b.kind() == current && b.contains(today) && b.status() != MilestoneStatus.PLANNED)
                .max(Comparator.comparing(TimelineBar::end));
        if (valid.isPresent()) {
            long days = DAYS.between(today, valid.get().end());
            return new Dashboard.Countdown(lane.programId(), lane.name(), what, valid.get().end(), days,
                    valid.get().status() == MilestoneStatus.MISSED,
                    days + (days == 1 ? " day" : " days") + " (" + valid.get().end() + ")");
        }
        Optional<TimelineBar> next = lane.bars().stream()
                .filter(b -> b.kind() == current && b.start().isAfter(today)).min(Comparator.comparing(TimelineBar::start));
        String none = iso ? "Not certified yet" : "No current report";
        return new Dashboard.Countdown(lane.programId(), lane.name(), what, null, null, false,
                next.map(b -> none + " (first " + b.start() + ")").orElse(none));
    }
}
