package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.CertificateState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The late audit was held within the grace period: the certificate is restored. */
@Component("restoreCertificateDelegate")
class RestoreCertificateDelegate extends SystemDelegate {

    RestoreCertificateDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        s.certificates.find(programId)
                .filter(c -> c.state() == CertificateState.SUSPENDED || c.state() == CertificateState.LAPSED)
                .ifPresent(c -> s.certificates.setState(programId, CertificateState.RESTORED,
                        "Restored after the late " + ex.getVariable("auditTitle") + " on " + s.dayOrToday(ex, "auditHeldOn")));
    }
}
