package io.auditflow.inbox;

import io.auditflow.security.Roles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a task's own process model (the deployed BPMN) to say what the task is for and what
 * happens after it is completed. Only for tasks the caller may see (checked by {@link InboxService#get}).
 */
@Service
@Transactional(readOnly = true)
public class TaskModel {

    private static final int MAX_STEPS = 6;
    private static final int MAX_DEPTH = 6;
    /** Bundle prefixes of the words of a model's elements and named flows (decision 0171). */
    public static final String WORD_PREFIX_NEXT = "next.";
    public static final String WORD_PREFIX_FLOW = "flow.";

    private final InboxService inbox;
    private final HistoryService history;
    private final RepositoryService repository;

    TaskModel(InboxService inbox, HistoryService history, RepositoryService repository) {
        this.inbox = inbox;
        this.history = history;
        this.repository = repository;
    }

    @PreAuthorize(Roles.CAN_WORK)
    public TaskPurpose purpose(String taskId) {
        inbox.get(taskId); // visibility: "not found" for a task the caller may not see
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessDefinitionId() == null) {
            return new TaskPurpose(null, List.of());
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(task.getProcessDefinitionId());
        if (model == null || !(model.getModelElementById(task.getTaskDefinitionKey()) instanceof FlowNode node)) {
            return new TaskPurpose(null, List.of());
        }
        List<TaskPurpose.NextStep> next = new ArrayList<>();
        new Walk(task.getProcessDefinitionKey()).follow(node, null, null, next, new HashSet<>(), 0);
        return new TaskPurpose(documentation(node), List.copyOf(next));
    }

    private static String documentation(BaseElement element) {
        String text = element.getDocumentations().stream().map(Documentation::getTextContent)
                .filter(t -> t != null && !t.isBlank()).map(String::strip).collect(Collectors.joining("\n"));
        return text.isEmpty() ? null : text;
    }

    /** Walks one process model forward; keys name its elements and flows within that process. */
    private record Walk(String process) {

        private String nameKey(FlowElement node) {
            return WORD_PREFIX_NEXT + process + "." + node.getId();
        }

        /** Walks forward from a node to the first elements a person would call "what happens next". */
        void follow(FlowNode from, String when, String whenKey, List<TaskPurpose.NextStep> out, Set<String> seen, int depth) {
            // By sourceRef rather than the node's <outgoing> children, which hand-written models may leave out.
            List<SequenceFlow> outgoing = from.getModelInstance().getModelElementsByType(SequenceFlow.class).stream()
                    .filter(f -> f.getSource() != null && from.getId().equals(f.getSource().getId())).toList();
            for (SequenceFlow flow : outgoing) {
                boolean named = flow.getName() != null && !flow.getName().isBlank();
                step(flow.getTarget(), named ? flow.getName().strip() : when,
                        named ? WORD_PREFIX_FLOW + process + "." + flow.getId() : whenKey, out, seen, depth);
            }
        }

        private void step(FlowNode node, String when, String whenKey, List<TaskPurpose.NextStep> out, Set<String> seen, int depth) {
            if (node == null || out.size() >= MAX_STEPS || depth > MAX_DEPTH || !seen.add(node.getId() + "|" + when)) {
                return;
            }
            String name = name(node);
            String key = nameKey(node);
            if (node instanceof UserTask) {
                out.add(new TaskPurpose.NextStep(TaskPurpose.Kind.TASK, name, when, key, whenKey));
            } else if (node instanceof EndEvent) {
                // Inside a sub-process this ends only that part (one occurrence, one step); its name says which.
                out.add(new TaskPurpose.NextStep(TaskPurpose.Kind.END, name, when, key, whenKey));
            } else if (node instanceof IntermediateCatchEvent) {
                out.add(new TaskPurpose.NextStep(TaskPurpose.Kind.WAIT, name, when, key, whenKey));
            } else if (node instanceof ServiceTask || node instanceof IntermediateThrowEvent) {
                if (name != null) {
                    out.add(new TaskPurpose.NextStep(TaskPurpose.Kind.AUTOMATIC, name, when, key, whenKey));
                }
                follow(node, when, whenKey, out, seen, depth + 1);
            } else if (node instanceof SubProcess || node instanceof CallActivity) {
                out.add(new TaskPurpose.NextStep(TaskPurpose.Kind.AUTOMATIC, name, when, key, whenKey));
            } else {
                // gateways, boundary events and anything else: what follows them
                follow(node, when, whenKey, out, seen, depth + 1);
            }
        }
    }

    /** The element's name, or null when the model computes it (an expression) or gives none. */
    private static String name(FlowElement node) {
        String n = node.getName();
        return n == null || n.isBlank() || n.contains("${") || n.contains("#{") ? null : n.strip();
    }
}
