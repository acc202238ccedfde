package io.auditflow.engagement;

import io.auditflow.common.UserTaskListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One completion listener for every user task: a task whose BPMN carries the input parameter
 * {@code offersEngagement} offers the managers to create the engagement when it is completed. The
 * models need no listener entry and no code per task; the lifecycle does not know engagements.
 */
@Component
class EngagementOfferListener extends AbstractProcessEnginePlugin {

    private final EngagementOffers offers;

    EngagementOfferListener(@Lazy EngagementOffers offers) {
        this.offers = offers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskListeners.addToEveryUserTask(configuration, this::completed, TaskListener.EVENTNAME_COMPLETE);
    }

    void completed(DelegateTask task) {
        Object offer = task.getExecution().getVariableLocal(EngagementOffers.VARIABLE);
        Object programId = task.getVariable("programId");
        if (offer == null || !(programId instanceof Number id)) {
            return;
        }
        Object cycle = task.getVariable("cycle");
        offers.taskCompleted(id.longValue(), cycle instanceof Number n ? n.intValue() : 1, offer.toString(), task.getId(),
                task.getName());
    }
}
