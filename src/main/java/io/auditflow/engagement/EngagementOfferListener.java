package io.auditflow.engagement;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
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
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_COMPLETE, EngagementOfferListener.this::completed);
            }
        });
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
