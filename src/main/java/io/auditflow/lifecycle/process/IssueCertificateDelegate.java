package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.CertificateService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.lifecycle.Planner;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Issues the certificate after a positive decision and plans its cycle. After a recertification the
 * new certificate keeps the old expiry basis; after Stage 2 it runs 3 years from the decision.
 */
@Component("issueCertificateDelegate")
class IssueCertificateDelegate extends SystemDelegate {

    IssueCertificateDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        MilestoneType audit = MilestoneType.valueOf((String) ex.getVariable("auditType"));
        boolean recertification = audit == MilestoneType.RECERTIFICATION_AUDIT;
        int cycle = recertification ? ProcessSupport.cycle(ex) + 1 : ProcessSupport.cycle(ex);
        LocalDate decision = s.dayOrToday(ex, "decisionDate");
        LocalDate previousExpiry = recertification
                ? s.certificates.find(programId).map(CertificateService.Certificate::expiryDate).orElse(null) : null;
        Planner.Plan plan = s.planner.planIsoCycle(cycle, decision, previousExpiry, null);
        s.writePlan(programId, plan.milestones());
        s.milestones.markDone(programId, MilestoneType.CERTIFICATION_DECISION, cycle, decision);
        s.certificates.issue(programId, cycle, decision, plan.milestone(MilestoneType.CERTIFICATE_EXPIRY),
                "Certificate " + cycle + " issued on " + decision);
        s.setDates(ex, plan.dates());
        ex.setVariable("cycle", cycle);
        ex.setVariable("nextAudit", MilestoneType.SURVEILLANCE_AUDIT_1.name());
    }
}
