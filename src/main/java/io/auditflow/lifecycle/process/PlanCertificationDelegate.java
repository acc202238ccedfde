package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.lifecycle.Planner;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Plans an initial certification, or onboards an existing certificate with its decision date. */
@Component("planCertificationDelegate")
class PlanCertificationDelegate extends SystemDelegate {

    PlanCertificationDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        if (Boolean.TRUE.equals(ex.getVariable("onboarding"))) {
            LocalDate decision = s.day(ex, "decisionDate");
            Planner.Onboarding onboarding = s.planner.onboardIso(new Planner.IsoHistory(decision,
                    s.day(ex, "surveillance1HeldOn"), s.day(ex, "surveillance2HeldOn"),
                    s.day(ex, "requestedSurveillance1Date")), s.today());
            Planner.Plan plan = onboarding.plan();
            s.milestones.applyAll(programId, plan.milestones());
            s.certificates.issue(programId, 1, decision, plan.milestone(MilestoneType.CERTIFICATE_EXPIRY),
                    "Existing certificate onboarded");
            s.setDates(ex, plan.dates());
            ex.setVariable("nextAudit", onboarding.nextAudit().name());
        } else {
            Planner.Plan plan = s.planner.planIsoInitial(s.day(ex, "stage1Date"), s.day(ex, "requestedStage2Date"));
            s.writePlan(programId, plan.milestones());
            s.setDates(ex, plan.dates());
            ex.setVariable("nextAudit", MilestoneType.STAGE2_AUDIT.name());
        }
        ex.setVariable("cycle", 1);
    }
}
