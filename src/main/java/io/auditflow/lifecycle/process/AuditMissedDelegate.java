package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.CertificateState;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The deadline passed without the audit: a missed surveillance suspends the certificate, a missed
 * recertification lets it lapse at expiry. Either can still be restored within the grace period.
 */
@Component("auditMissedDelegate")
class AuditMissedDelegate extends SystemDelegate {

    AuditMissedDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        MilestoneType type = MilestoneType.valueOf((String) ex.getVariable("auditType"));
        String grace = String.valueOf(s.day(ex, "graceEnd"));
        s.milestones.setStatus(programId, type, ProcessSupport.cycle(ex), MilestoneStatus.MISSED,
                "Deadline " + s.day(ex, "auditDeadline") + " passed; can be held until " + grace);
        switch (type) {
            case SURVEILLANCE_AUDIT_1, SURVEILLANCE_AUDIT_2 -> s.certificates.setState(programId, CertificateState.SUSPENDED,
                    type.label() + " missed: suspended until the audit is held (by " + grace + ")");
            case RECERTIFICATION_AUDIT -> s.certificates.setState(programId, CertificateState.LAPSED,
                    "Expired without recertification: restorable until " + grace);
            default -> {
                // Stage 2 before a first certificate: nothing to suspend.
            }
        }
    }
}
