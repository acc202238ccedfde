package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The conventions every BPMN file keeps, checked without an engine: the contract other features rely on. */
class BpmnFilesTest {

    static Stream<Path> files() throws IOException {
        return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("files")
    void the_process_id_matches_the_file_name_and_history_is_kept_for_a_limited_time(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        assertThat(process.getId() + ".bpmn").isEqualTo(file.getFileName().toString());
        assertThat(process.getId()).endsWith("Process");
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("files")
    void every_flow_node_and_sequence_flow_has_a_diagram_element(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).toList();
        List<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> ((BaseElement) e.getBpmnElement()).getId()).toList();
        assertThat(shapes).containsAll(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
        assertThat(edges).containsAll(model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList());
    }

    @ParameterizedTest
    @MethodSource("files")
    void user_tasks_go_to_the_program_team_with_a_due_date_a_form_and_a_task_kind(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask t : model.getModelElementsByType(UserTask.class)) {
            assertThat(t.getCamundaCandidateGroups()).as(t.getId()).isEqualTo("${teamCode}");
            assertThat(t.getCamundaDueDate()).as(t.getId()).startsWith("${");
            assertThat(t.getCamundaFormKey()).as(t.getId()).matches("auditflow:([a-z0-9-]+|\\$\\{.+})");
            assertThat(t.getModelInstance().getModelElementsByType(CamundaInputParameter.class).stream()
                    .filter(p -> p.getParentElement().getParentElement().getParentElement() == t)
                    .map(CamundaInputParameter::getCamundaName)).as(t.getId()).contains("taskKind");
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void service_tasks_are_save_points_that_retry_after_five_minutes(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (ServiceTask t : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(t.isCamundaAsyncBefore()).as(t.getId()).isTrue();
            assertThat(t.getCamundaDelegateExpression()).as(t.getId()).matches("\\$\\{[a-zA-Z0-9]+Delegate}");
            assertThat(t.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
                    .singleResult().getTextContent()).isEqualTo("R3/PT5M");
        }
    }
}
