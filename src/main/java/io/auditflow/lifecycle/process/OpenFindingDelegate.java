package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.FindingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Sets the finding's plan deadline (by kind, from settings) for the tasks and the overdue timer. */
@Component("openFindingDelegate")
class OpenFindingDelegate extends SystemDelegate {

    OpenFindingDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        FindingService.FindingView f = s.findings.get(ProcessSupport.number(ex, CorrectiveActionDelegates.FINDING_ID));
        ex.setVariable("planDue", s.dates.toDate(f.dueDate()));
        ex.setVariable("planOverdueOn", s.dates.toDate(f.dueDate().plusDays(1)));
    }
}
