package io.auditflow.lifecycle.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The window has closed: the next year begins (its start the day after, unless a manager moved it). */
@Component("startNextRenewalYearDelegate")
class StartNextRenewalYearDelegate extends SystemDelegate {

    StartNextRenewalYearDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        ex.setVariable("previousWindowEnd", ex.getVariable("windowEnd"));
        ex.setVariable("cycle", ProcessSupport.cycle(ex) + 1);
    }
}
