package io.auditflow.lifecycle.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The corrective action proved effective: the finding is closed. */
@Component("closeFindingDelegate")
class CloseFindingDelegate extends SystemDelegate {

    CloseFindingDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        s.findings.close(ProcessSupport.number(ex, CorrectiveActionDelegates.FINDING_ID), s.dayOrToday(ex, "checkedOn"));
    }
}
