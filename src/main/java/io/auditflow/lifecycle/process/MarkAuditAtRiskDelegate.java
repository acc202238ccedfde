package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.CertificateState;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The audit's deadline is close and it has not happened: the audit and the certificate are at risk. */
@Component("markAuditAtRiskDelegate")
class MarkAuditAtRiskDelegate extends SystemDelegate {

    MarkAuditAtRiskDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        String deadline = String.valueOf(s.day(ex, "auditDeadline"));
        s.milestones.setStatus(programId, MilestoneType.valueOf((String) ex.getVariable("auditType")),
                ProcessSupport.cycle(ex), MilestoneStatus.AT_RISK, "Not done yet; deadline " + deadline);
        s.certificates.find(programId).filter(c -> c.state() == CertificateState.VALID || c.state() == CertificateState.RESTORED)
                .ifPresent(c -> s.certificates.setState(programId, CertificateState.AT_RISK,
                        ex.getVariable("auditTitle") + " not done; deadline " + deadline));
    }
}
