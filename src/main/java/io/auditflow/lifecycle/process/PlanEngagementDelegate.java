package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.Planner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Plans one SOC 2 engagement: writes its milestones and sets the dates its timers and tasks use. */
@Component("planEngagementDelegate")
class PlanEngagementDelegate extends SystemDelegate {

    PlanEngagementDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        boolean typeTwo = Boolean.TRUE.equals(ex.getVariable("typeTwo"));
        Planner.Plan plan = s.planner.planSoc2(new Planner.Soc2Inputs(typeTwo, ProcessSupport.cycle(ex), s.today(),
                s.day(ex, "asOfDate"), s.day(ex, "windowStart"), s.day(ex, "windowEnd"),
                s.day(ex, "requestedFieldworkStart"), s.day(ex, "requestedFieldworkEnd"),
                Boolean.TRUE.equals(ex.getVariable("readiness"))));
        s.writePlan(ProcessSupport.programId(ex), plan.milestones());
        s.setDates(ex, plan.dates());
    }
}
