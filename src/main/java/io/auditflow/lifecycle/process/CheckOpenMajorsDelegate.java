package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.FindingKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Counts the program's open major nonconformities: any of them blocks the certification decision. */
@Component("checkOpenMajorsDelegate")
class CheckOpenMajorsDelegate extends SystemDelegate {

    CheckOpenMajorsDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        ex.setVariable("openMajors", s.findings.openCount(ProcessSupport.programId(ex), FindingKind.MAJOR_NONCONFORMITY));
    }
}
