package io.auditflow.notification;

import io.auditflow.common.Phrase;
import io.auditflow.common.StoredPhrase;
import io.auditflow.common.UserTaskListeners;
import io.auditflow.security.CurrentUser;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * "Assigned to you": when someone else gives a person a task (in the app, the API or Cockpit), the
 * assignee gets a notification in the engine's transaction. Claiming a task oneself notifies no one.
 */
@Component
class AssignmentNotifications extends AbstractProcessEnginePlugin {

    private final NotificationService notifications;
    private final Clock clock;

    AssignmentNotifications(@Lazy NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskListeners.addToEveryUserTask(configuration, this::assigned, TaskListener.EVENTNAME_ASSIGNMENT);
    }

    void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null || assignee.equals(CurrentUser.username().orElse(null))) {
            return;
        }
        String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
        // the task's name worded like the inbox rows when the notification is read (decision 0181)
        notifications.record("ASSIGNED:" + task.getId() + ":" + assignee + ":" + clock.millis(), assignee,
                NotificationKind.ASSIGNED, name, Phrase.of("notification.task",
                        new StoredPhrase.Data(StoredPhrase.TASK_NAME, name, locale -> name)), "/inbox/task/" + task.getId());
    }
}
