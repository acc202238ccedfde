package io.auditflow.lifecycle.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** No corrective action plan by the deadline: the finding is flagged overdue. */
@Component("flagFindingOverdueDelegate")
class FlagFindingOverdueDelegate extends SystemDelegate {

    FlagFindingOverdueDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        s.findings.markOverdue(ProcessSupport.number(ex, CorrectiveActionDelegates.FINDING_ID));
    }
}
