package io.auditflow.inbox;

import io.auditflow.common.UserTaskListeners;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Adds the inbox projection's listener to every user task of every process model at parse time,
 * so no model has to name it and the projection is written in the engine's own transaction.
 */
@Component
class InboxEnginePlugin extends AbstractProcessEnginePlugin {

    private final InboxProjection projection;

    InboxEnginePlugin(@Lazy InboxProjection projection) {
        this.projection = projection;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskListeners.addToEveryUserTask(configuration, projection::onEvent, TaskListener.EVENTNAME_CREATE,
                TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE,
                TaskListener.EVENTNAME_DELETE);
    }
}
