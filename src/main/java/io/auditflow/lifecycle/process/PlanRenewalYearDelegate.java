package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.lifecycle.Planner;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Plans one renewal year: its window starts the day after the previous one ended (or on a start the
 * manager moved, in which case the gap is flagged for review), plus the next window's start.
 */
@Component("planRenewalYearDelegate")
class PlanRenewalYearDelegate extends SystemDelegate {

    PlanRenewalYearDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        int cycle = ProcessSupport.cycle(ex);
        LocalDate previousEnd = s.day(ex, "previousWindowEnd");
        LocalDate start;
        LocalDate end;
        if (previousEnd == null) {
            start = s.day(ex, "firstWindowStart");
            end = s.day(ex, "firstWindowEnd");
        } else {
            LocalDate moved = s.day(ex, "nextWindowStart");
            start = moved != null ? moved : Planner.nextWindowStart(previousEnd);
            end = Planner.periodEnd(start, 12);
            ex.setVariable("readiness", false);
            ex.setVariable("requestedFieldworkStart", null);
            ex.setVariable("requestedFieldworkEnd", null);
        }
        ex.removeVariable("nextWindowStart");
        boolean gap = previousEnd != null && start.isAfter(previousEnd.plusDays(1));
        Planner.Plan plan = s.planner.planSoc2(new Planner.Soc2Inputs(true, cycle, s.today(), null, start, end,
                s.day(ex, "requestedFieldworkStart"), s.day(ex, "requestedFieldworkEnd"), false));
        s.writePlan(programId, plan.milestones());
        s.milestones.plan(programId, MilestoneType.OBSERVATION_START, cycle + 1, Planner.nextWindowStart(end));
        if (cycle > 1) {
            s.milestones.plan(programId, MilestoneType.BRIDGE_LETTER, cycle, end.plusDays(1));
        }
        if (gap) {
            s.milestones.setStatus(programId, MilestoneType.OBSERVATION_START, cycle, MilestoneStatus.AT_RISK,
                    "Coverage gap: " + previousEnd.plusDays(1) + " to " + start.minusDays(1));
        }
        ex.setVariable("typeTwo", true);
        ex.setVariable("windowStart", s.dates.toDate(start));
        ex.setVariable("windowEnd", s.dates.toDate(end));
        ex.setVariable("windowClosed", s.dates.toDate(end.plusDays(1)));
        ex.setVariable("engageAuditorOn", s.dates.toDate(plan.date("engageAuditorOn")));
        ex.setVariable("engageAuditorDue", s.dates.toDate(plan.date("engageAuditorDue")));
        ex.setVariable("bridgeLetterNeeded", cycle > 1);
        ex.setVariable("bridgeLetterDue", s.dates.toDate(end.plusDays(14)));
        ex.setVariable("coverageGap", gap);
    }
}
