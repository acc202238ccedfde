package io.auditflow.lifecycle.process;

import io.auditflow.common.SystemAuthentication;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A delegate that does the system's own work: it runs with system rights, whoever triggered the job. */
abstract class SystemDelegate implements JavaDelegate {

    protected final ProcessSupport s;

    SystemDelegate(ProcessSupport support) {
        this.s = support;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        SystemAuthentication.run(() -> run(execution));
    }

    protected abstract void run(DelegateExecution execution);
}
