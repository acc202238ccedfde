package io.auditflow.timeline;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** Starts a one-task process with a due date and a programId, as the lifecycle processes do. */
public final class TestTasks {

    public static final String PROCESS = "timelineTestTaskProcess";

    private TestTasks() {
    }

    public static void deploy(RepositoryService repository) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Prepare").name("${taskName}").camundaDueDate("${due}")
                .camundaAssignee("${assignee}").camundaCandidateGroups("${group}")
                .endEvent().done();
        repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).name(PROCESS).deploy();
    }

    public static void start(RuntimeService runtime, Long programId, String name, Date due, String assignee, String group) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("programId", programId);
        vars.put("taskName", name);
        vars.put("due", due);
        vars.put("assignee", assignee);
        vars.put("group", group);
        runtime.startProcessInstanceByKey(PROCESS, vars);
    }
}
