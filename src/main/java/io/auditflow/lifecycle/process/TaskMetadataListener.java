package io.auditflow.lifecycle.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Copies the task's input parameters ({@code taskKind}, {@code milestoneType}, {@code controlActivity})
 * into task-local variables when the task is created, so the inbox finds them on the task itself.
 */
@Component("taskMetadataListener")
class TaskMetadataListener implements TaskListener {

    static final String[] NAMES = {"taskKind", "milestoneType", "controlActivity"};

    @Override
    public void notify(DelegateTask task) {
        for (String name : NAMES) {
            Object value = task.getExecution().getVariableLocal(name);
            if (value != null) {
                task.setVariableLocal(name, value.toString());
            }
        }
    }
}
