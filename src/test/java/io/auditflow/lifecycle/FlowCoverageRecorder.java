package io.auditflow.lifecycle;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Test-only engine plugin: records every sequence flow an execution takes, as
 * {@code processInstanceId/flowId}, so process tests can measure sequence-flow coverage. Picked up
 * by component scanning in every integration-test context; it only records.
 */
@Component
public class FlowCoverageRecorder extends AbstractProcessEnginePlugin {

    /** Entries {@code processInstanceId|sequenceFlowId}. */
    public static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scopeElement, TransitionImpl transition) {
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution ->
                        TAKEN.add(execution.getProcessInstanceId() + "|" + transition.getId()));
            }
        });
    }
}
