package io.auditflow.control.process;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.control.SoaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The three outcomes of {@code soaApprovalProcess}, each one line that calls {@link SoaService}. */
final class SoaApprovalDelegates {

    private SoaApprovalDelegates() {
    }

    static Long versionId(DelegateExecution ex) {
        return ((Number) ex.getVariable("soaVersionId")).longValue();
    }

    static String text(DelegateExecution ex, String name) {
        Object v = ex.getVariable(name);
        return v == null ? null : v.toString();
    }

    @Component("soaApprovedDelegate")
    static class Approved implements JavaDelegate {
        private final SoaService soa;

        Approved(SoaService soa) {
            this.soa = soa;
        }

        @Override
        public void execute(DelegateExecution ex) {
            SystemAuthentication.run(() -> soa.recordApproval(versionId(ex), text(ex, "decidedBy"), text(ex, "decisionNote"),
                    ex.getProcessInstanceId()));
        }
    }

    @Component("soaRejectedDelegate")
    static class Rejected implements JavaDelegate {
        private final SoaService soa;

        Rejected(SoaService soa) {
            this.soa = soa;
        }

        @Override
        public void execute(DelegateExecution ex) {
            SystemAuthentication.run(() -> soa.recordRejection(versionId(ex), text(ex, "decidedBy"), text(ex, "decisionNote"),
                    ex.getProcessInstanceId()));
        }
    }

    @Component("soaLapsedDelegate")
    static class Lapsed implements JavaDelegate {
        private final SoaService soa;

        Lapsed(SoaService soa) {
            this.soa = soa;
        }

        @Override
        public void execute(DelegateExecution ex) {
            SystemAuthentication.run(() -> soa.recordLapse(versionId(ex)));
        }
    }
}
