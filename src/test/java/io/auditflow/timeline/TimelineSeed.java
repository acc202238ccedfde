package io.auditflow.timeline;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import java.time.LocalDate;
import java.util.EnumSet;

/**
 * Creates programs and their milestones through the real services, relative to a given today:
 * the realistic pictures that timeline tests and screenshots need.
 */
public class TimelineSeed {

    private final ProgramService programs;
    private final MilestoneService milestones;
    private final LocalDate today;
    private Long programId;
    private Program program;

    public TimelineSeed(ProgramService programs, MilestoneService milestones, LocalDate today) {
        this.programs = programs;
        this.milestones = milestones;
        this.today = today;
    }

    public TimelineSeed program(String name, Framework framework, String owner, String team) {
        Program p = SystemAuthentication.call(() -> programs.create(new ProgramRequest(name, framework,
                framework.isSoc2() ? EnumSet.of(TrustCategory.SECURITY, TrustCategory.AVAILABILITY)
                        : EnumSet.noneOf(TrustCategory.class),
                "Seeded for the timeline", framework == Framework.ISO27001 ? "2022" : null, owner, team)));
        programId = p.id();
        program = p;
        return this;
    }

    /** The day {@code months} months (and {@code days} days) from today. */
    public LocalDate at(int months, int days) {
        return today.plusMonths(months).plusDays(days);
    }

    public TimelineSeed planned(MilestoneType type, int cycle, LocalDate date) {
        SystemAuthentication.run(() -> milestones.plan(programId, type, cycle, date));
        return this;
    }

    public TimelineSeed done(MilestoneType type, int cycle, LocalDate date) {
        SystemAuthentication.run(() -> {
            milestones.plan(programId, type, cycle, date);
            milestones.markDone(programId, type, cycle, date);
        });
        return this;
    }

    public TimelineSeed status(MilestoneType type, int cycle, LocalDate date, MilestoneStatus status, String note) {
        SystemAuthentication.run(() -> {
            milestones.plan(programId, type, cycle, date);
            milestones.setStatus(programId, type, cycle, status, note);
        });
        return this;
    }

    /** A SOC 2 Type II cycle: window, fieldwork, report, stale date; each part done once its day has passed. */
    public TimelineSeed soc2Cycle(int cycle, LocalDate start, boolean issueReport) {
        LocalDate end = start.plusYears(1).minusDays(1);
        mark(MilestoneType.OBSERVATION_START, cycle, start);
        mark(MilestoneType.OBSERVATION_END, cycle, end);
        mark(MilestoneType.FIELDWORK_START, cycle, end.minusMonths(2));
        mark(MilestoneType.FIELDWORK_END, cycle, end.plusWeeks(3));
        if (issueReport) {
            mark(MilestoneType.REPORT_ISSUED, cycle, end.plusMonths(2));
        }
        planned(MilestoneType.REPORT_STALE, cycle, end.plusMonths(12));
        return this;
    }

    /** An ISO cycle from a certification decision: stages before it, surveillance, recertification, expiry. */
    public TimelineSeed isoCycle(int cycle, LocalDate decision, boolean withStages) {
        if (withStages) {
            mark(MilestoneType.STAGE1_AUDIT, cycle, decision.minusWeeks(10));
            mark(MilestoneType.STAGE2_AUDIT, cycle, decision.minusWeeks(4));
        }
        mark(MilestoneType.CERTIFICATION_DECISION, cycle, decision);
        mark(MilestoneType.SURVEILLANCE_AUDIT_1, cycle, decision.plusMonths(11));
        mark(MilestoneType.SURVEILLANCE_AUDIT_2, cycle, decision.plusMonths(23));
        mark(MilestoneType.RECERTIFICATION_AUDIT, cycle, decision.plusMonths(33));
        planned(MilestoneType.CERTIFICATE_EXPIRY, cycle, decision.plusYears(3).minusDays(1));
        return this;
    }

    private void mark(MilestoneType type, int cycle, LocalDate date) {
        if (date.isBefore(today)) {
            done(type, cycle, date);
        } else {
            planned(type, cycle, date);
        }
    }

    public Program lastProgram() {
        return program;
    }

    public Long programId() {
        return programId;
    }
}
