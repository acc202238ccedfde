package io.auditflow.lifecycle.process;

import io.auditflow.common.SystemAuthentication;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the evidence date and result of a control activity occurrence when its task is completed. */
@Component("controlActivityCompletedListener")
class ControlActivityCompletedListener implements TaskListener {

    private final ProcessSupport s;

    ControlActivityCompletedListener(ProcessSupport s) {
        this.s = s;
    }

    @Override
    public void notify(DelegateTask task) {
        Long occurrenceId = ((Number) task.getVariable("occurrenceId")).longValue();
        Object result = task.getVariable("result");
        SystemAuthentication.run(() -> s.controls.recordDone(occurrenceId, s.dayOrToday(task, "performedOn"),
                result == null ? "OK" : result.toString()));
    }
}
