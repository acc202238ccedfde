package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.MilestoneStatus;
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
            Planner.Plan plan = s.planner.planIsoCycle(1, decision, null, s.day(ex, "requestedSurveillance1Date"));
            s.writePlan(programId, plan.milestones());
            s.milestones.markDone(programId, MilestoneType.CERTIFICATION_DECISION, 1, decision);
            s.certificates.issue(programId, 1, decision, plan.milestone(MilestoneType.CERTIFICATE_EXPIRY),
                    "Existing certificate onboarded");
            s.setDates(ex, plan.dates());
            ex.setVariable("nextAudit", firstOpenAudit(programId, plan).name());
        } else {
            Planner.Plan plan = s.planner.planIsoInitial(s.day(ex, "stage1Date"), s.day(ex, "requestedStage2Date"));
            s.writePlan(programId, plan.milestones());
            s.setDates(ex, plan.dates());
            ex.setVariable("nextAudit", MilestoneType.STAGE2_AUDIT.name());
        }
        ex.setVariable("cycle", 1);
    }

    /**
     * A certificate onboarded late in its cycle: audits whose deadline passed before onboarding are
     * taken as held on their planned date (the body would have suspended the certificate otherwise).
     */
    private MilestoneType firstOpenAudit(Long programId, Planner.Plan plan) {
        LocalDate today = s.today();
        if (!plan.date("surveillance1Deadline").isBefore(today)) {
            return MilestoneType.SURVEILLANCE_AUDIT_1;
        }
        assumeHeld(programId, MilestoneType.SURVEILLANCE_AUDIT_1, plan);
        if (!plan.date("surveillance2Deadline").isBefore(today)) {
            return MilestoneType.SURVEILLANCE_AUDIT_2;
        }
        assumeHeld(programId, MilestoneType.SURVEILLANCE_AUDIT_2, plan);
        return MilestoneType.RECERTIFICATION_AUDIT;
    }

    private void assumeHeld(Long programId, MilestoneType type, Planner.Plan plan) {
        s.milestones.markDone(programId, type, 1, plan.milestone(type));
        s.milestones.setStatus(programId, type, 1, MilestoneStatus.DONE, "Held before Auditflow (assumed at onboarding)");
    }
}
