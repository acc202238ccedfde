package io.auditflow.timeline;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the executive timeline from programs, their milestones and overdue tasks. Read-only. */
@Service
public class TimelineService {

    private final ProgramService programs;
    private final MilestoneService milestones;
    private final TaskDeadlines deadlines;
    private final Clock clock;
    private final AuditflowProperties properties;

    TimelineService(ProgramService programs, MilestoneService milestones, TaskDeadlines deadlines, Clock clock,
                    AuditflowProperties properties) {
        this.programs = programs;
        this.milestones = milestones;
        this.deadlines = deadlines;
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
        LocalDate today = today();
        LocalDate from = range.from(today);
        LocalDate to = range.to(today);
        Map<Long, Integer> overdue = deadlines.overdueByProgram();
        List<ProgramLane> lanes = new ArrayList<>();
        for (Program p : programs.list(false)) {
            if (!frameworks.isEmpty() && !frameworks.contains(p.framework())) {
                continue;
            }
            if (owner != null && !owner.equals(p.owner())) {
                continue;
            }
            // Lanes carry every bar, not only the visible ones, so countdowns do not depend on the zoom.
            lanes.add(TimelineBuilder.lane(p, milestones.ofProgram(p.id()), today,
                    to.isAfter(today) ? to : today, overdue.getOrDefault(p.id(), 0)));
        }
        return new Timeline(from, to, today, List.copyOf(lanes));
    }

    /** The people who own active programs: the owner filter's choices. */
    @PreAuthorize("isAuthenticated()")
    public List<Program> activePrograms() {
        return programs.list(false);
    }
}
