package io.auditflow.timeline;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the executive timeline from programs, their milestones and overdue tasks. Read-only. */
@Service
public class TimelineService {

    private final ProgramService programs;
    private final LifecycleFigures figures;
    private final Clock clock;
    private final AuditflowProperties properties;

    TimelineService(ProgramService programs, LifecycleFigures figures, Clock clock, AuditflowProperties properties) {
        this.programs = programs;
        this.figures = figures;
        this.clock = clock;
        this.properties = properties;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    /**
     * Every active program as a lane, filtered by framework (empty: all) and owner user name (null: all).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Timeline timeline(TimelineRange range, Set<Framework> frameworks, String owner) {
        return timeline(new TimelineQuery(range, frameworks, owner, "", false, TimelineQuery.Grouping.NONE));
    }

    /** Every active program matching the query as a lane; "at risk only" keeps lanes that need attention. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Timeline timeline(TimelineQuery query) {
        return timeline(query, Locale.ENGLISH);
    }

    /** The same lanes with their hover and screen-reader texts in the reader's language (the drawing's words). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Timeline timeline(TimelineQuery query, Locale locale) {
        return timeline(query, locale, figures.overdueTasksByProgram());
    }

    /** {@link #timeline(TimelineQuery, Locale)} with the overdue task counts the caller has already read (the dashboard). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Timeline timeline(TimelineQuery query, Locale locale, Map<Long, Integer> overdue) {
        return read(query, locale, overdue).timeline();
    }

    /** A timeline with the milestones it was built from, by program id, so a caller need not read them again. */
    public record WithMilestones(Timeline timeline, Map<Long, List<io.auditflow.lifecycle.Milestone>> milestones) {
    }

    /** {@link #timeline(TimelineQuery, Locale, Map)} and the milestones read for it (the dashboard's coverage answers). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public WithMilestones read(TimelineQuery query, Locale locale, Map<Long, Integer> overdue) {
        DashboardWords words = DashboardWords.of(locale);
        LocalDate today = today();
        LocalDate from = query.range().from(today);
        LocalDate to = query.range().to(today);
        List<ProgramLane> lanes = new ArrayList<>();
        List<Program> active = programs.list(false);
        Map<Long, List<io.auditflow.lifecycle.Milestone>> milestones = figures.milestonesOf(active.stream().map(Program::id).toList());
        for (Program p : active) {
            if (!query.frameworks().isEmpty() && !query.frameworks().contains(p.framework())) {
                continue;
            }
            if (query.owner() != null && !query.owner().equals(p.owner())) {
                continue;
            }
            if (!query.matchesName(p.name())) {
                continue;
            }
            // Lanes carry every bar, not only the visible ones, so countdowns do not depend on the zoom.
            ProgramLane lane = TimelineBuilder.lane(p, milestones.getOrDefault(p.id(), List.of()), today,
                    to.isAfter(today) ? to : today, overdue.getOrDefault(p.id(), 0), words);
            if (query.atRiskOnly() && !LifecycleFiguresAdapter.needsAttention(lane)) {
                continue;
            }
            lanes.add(lane);
        }
        return new WithMilestones(new Timeline(from, to, today, List.copyOf(lanes)), milestones);
    }

    /** Open major nonconformities per program id: a marker on their lane. */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, List<LifecycleFigures.FindingFigure>> openMajorFindings() {
        Map<Long, List<LifecycleFigures.FindingFigure>> byProgram = new java.util.HashMap<>();
        for (LifecycleFigures.FindingFigure f : figures.openFindings()) {
            if ("MAJOR_NONCONFORMITY".equals(f.kind())) {
                byProgram.computeIfAbsent(f.programId(), k -> new ArrayList<>()).add(f);
            }
        }
        return byProgram;
    }

    /** The people who own active programs: the owner filter's choices. */
    @PreAuthorize("isAuthenticated()")
    public List<Program> activePrograms() {
        return programs.list(false);
    }
}
