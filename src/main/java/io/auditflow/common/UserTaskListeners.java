package io.auditflow.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The one way a feature hooks a listener onto every user task of every process model: at parse time,
 * so no model has to name it and the listener runs in the engine's own transaction. The inbox
 * projection and the assignment notifications both use it.
 */
public final class UserTaskListeners {

    private UserTaskListeners() {
    }

    /** Call from a process engine plugin's {@code preInit}. */
    public static void addToEveryUserTask(ProcessEngineConfigurationImpl configuration, TaskListener listener,
                                          String... events) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        List<String> on = List.of(events);
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                on.forEach(event -> definition.addTaskListener(event, listener));
            }
        });
    }
}
