package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.CertificateState;
import io.auditflow.lifecycle.MilestoneType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The grace period is over: the certificate is gone and certification starts again at Stage 2. */
@Component("certificateLapsedDelegate")
class CertificateLapsedDelegate extends SystemDelegate {

    CertificateLapsedDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        s.certificates.setState(programId, CertificateState.LAPSED,
                "Not restored within " + s.planner.settings().restoreMonths() + " months: Stage 2 again");
        int next = s.certificates.find(programId).isPresent() ? ProcessSupport.cycle(ex) + 1 : ProcessSupport.cycle(ex);
        ex.setVariable("cycle", next);
        ex.setVariable("nextAudit", MilestoneType.STAGE2_AUDIT.name());
        s.milestones.plan(programId, MilestoneType.STAGE2_AUDIT, next,
                s.today().plusDays(s.planner.settings().stage2AfterStage1Days()));
    }
}
