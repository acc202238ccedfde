package io.auditflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.common.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * What follows a task on its page is worded from the bundle (decision 0171): every element and named flow
 * of the models that the task page can show has its English words equal to the model's text and German
 * words of its own, so a changed model shows its own text instead of a stale translation.
 */
class ModelWordsTest {

    private static final ResourceBundle ENGLISH = Messages.bundle(Locale.ENGLISH);
    private static final ResourceBundle GERMAN = Messages.bundle(Locale.GERMAN);

    @Test
    void every_shown_element_and_named_flow_of_the_models_has_english_words_equal_to_the_model_and_german_words() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                String name = element.getName() == null ? null : element.getName().strip();
                if (name == null || name.isEmpty() || name.contains("${") || element instanceof UserTask) {
                    continue;
                }
                String prefix = element instanceof SequenceFlow ? TaskModel.WORD_PREFIX_FLOW
                        : shown(element) ? TaskModel.WORD_PREFIX_NEXT : null;
                if (prefix == null) {
                    continue;
                }
                String key = prefix + process(element) + "." + element.getId();
                checked++;
                if (!ENGLISH.containsKey(key) || !ENGLISH.getString(key).equals(name)) {
                    problems.add(key + " should be '" + name + "' in English");
                }
                if (!GERMAN.containsKey(key) || GERMAN.getString(key).equals(name)) {
                    problems.add(key + " needs German words");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(70);
    }

    @Test
    void every_user_task_named_in_a_model_has_a_german_name() throws IOException {
        List<String> english = new ArrayList<>();
        for (Path file : bpmnFiles()) {
            for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                String name = task.getName();
                if (name != null && !name.contains("${") && TaskWords.name(name.strip(), Locale.GERMAN).equals(name.strip())) {
                    english.add(name);
                }
            }
        }
        assertThat(english).isEmpty();
    }

    @Test
    void a_german_reader_reads_what_follows_a_request_answer_in_german_and_an_english_reader_the_model() {
        TaskPurpose.NextStep step = new TaskPurpose.NextStep(TaskPurpose.Kind.AUTOMATIC, "Tell the team the request is accepted",
                "accepted", "next.auditRequestProcess.ServiceTask_NotifyAccepted", "flow.auditRequestProcess.Flow_Accepted");

        assertThat(TaskWords.next(step, Locale.GERMAN)).isEqualTo("dem Team mitteilen, dass die Anforderung angenommen ist");
        assertThat(TaskWords.branch(step, Locale.GERMAN)).isEqualTo("angenommen");
        assertThat(TaskWords.next(step, Locale.ENGLISH)).isEqualTo("Tell the team the request is accepted");
        assertThat(TaskWords.branch(step, Locale.ENGLISH)).isEqualTo("accepted");
    }

    @Test
    void a_model_text_that_changed_since_its_translation_is_shown_as_the_model_says() {
        TaskPurpose.NextStep renamed = new TaskPurpose.NextStep(TaskPurpose.Kind.END, "Request accepted at last", "finally",
                "next.auditRequestProcess.EndEvent_RequestAccepted", "flow.auditRequestProcess.Flow_Accepted");

        assertThat(TaskWords.next(renamed, Locale.GERMAN)).isEqualTo("Request accepted at last");
        assertThat(TaskWords.branch(renamed, Locale.GERMAN)).isEqualTo("finally");
    }

    @Test
    void a_next_task_is_named_as_in_the_inbox() {
        TaskPurpose.NextStep task = new TaskPurpose.NextStep(TaskPurpose.Kind.TASK, "Readiness assessment", "yes",
                "next.soc2EngagementProcess.Task_ReadinessAssessment", "flow.soc2EngagementProcess.Flow_Readiness");

        assertThat(TaskWords.next(task, Locale.GERMAN)).isEqualTo("Bereitschaftsbewertung");
        assertThat(TaskWords.branch(task, Locale.GERMAN)).isEqualTo("ja");
    }

    /** The kinds TaskModel names as a next step (user tasks are worded by task.name.*). */
    private static boolean shown(FlowElement e) {
        return e instanceof ServiceTask || e instanceof IntermediateThrowEvent || e instanceof EndEvent
                || e instanceof IntermediateCatchEvent || e instanceof SubProcess || e instanceof CallActivity;
    }

    private static String process(ModelElementInstance e) {
        for (ModelElementInstance p = e.getParentElement(); p != null; p = p.getParentElement()) {
            if (p instanceof Process process) {
                return process.getId();
            }
        }
        throw new AssertionError("no process around " + e);
    }

    private static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
