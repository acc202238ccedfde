package io.auditflow.lifecycle;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.support.FormAnswers;
import io.auditflow.support.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives a program's processes through time like a discrete-event simulation: the clock jumps to
 * the next timer or task due date, due jobs run, and tasks the filter accepts are completed on
 * their due date through their real completion forms ({@link TaskForms#validate}).
 */
class ProcessDriver {

    private final TestClock clock;
    private final ManagementService management;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TaskForms forms;
    private final String businessKey;
    private final Map<String, Map<String, Object>> answers = new HashMap<>();
    private Predicate<Task> autoComplete = t -> true;

    ProcessDriver(TestClock clock, ManagementService management, TaskService tasks, RuntimeService runtime,
                  TaskForms forms, Long programId) {
        this.clock = clock;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.forms = forms;
        this.businessKey = LifecycleService.businessKey(programId);
    }

    /** Which open tasks the driver completes on their due date; the others stay open. */
    ProcessDriver completing(Predicate<Task> filter) {
        this.autoComplete = filter;
        return this;
    }

    /** Form answers for one task definition key, used instead of the defaults. */
    ProcessDriver answer(String taskDefinitionKey, Map<String, Object> values) {
        answers.put(taskDefinitionKey, values);
        return this;
    }

    List<Task> openTasks() {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).initializeFormKeys().list();
    }

    List<Task> openTasks(String key) {
        return openTasks().stream().filter(t -> t.getTaskDefinitionKey().equals(key)).toList();
    }

    /** Runs every due job and completes due tasks, moving the clock event by event up to {@code target}. */
    void runUntil(LocalDate target) {
        Instant end = target.atTime(12, 0).atZone(clock.getZone()).toInstant();
        for (int guard = 0; guard < 20000; guard++) {
            if (runDueJobs() | completeDueTasks()) {
                continue;
            }
            Instant next = nextEvent();
            if (next == null || next.isAfter(end)) {
                break;
            }
            clock.set(next.isAfter(clock.instant()) ? next : clock.instant());
        }
        if (clock.instant().isBefore(end)) {
            clock.set(end);
        }
        runDueJobs();
    }

    /** Runs due jobs only (no task completion), at the current time. */
    boolean runDueJobs() {
        boolean any = false;
        for (int guard = 0; guard < 5000; guard++) {
            Set<String> mine = myInstances();
            Job due = management.createJobQuery().executable().orderByJobDuedate().asc().list().stream()
                    .filter(j -> mine.contains(j.getProcessInstanceId())).findFirst().orElse(null);
            if (due == null) {
                return any;
            }
            management.executeJob(due.getId());
            any = true;
        }
        throw new AssertionError("Jobs keep coming: a loop without wait state?");
    }

    private boolean completeDueTasks() {
        boolean any = false;
        for (Task t : openTasks()) {
            if (autoComplete.test(t) && (t.getDueDate() == null || !t.getDueDate().toInstant().isAfter(clock.instant()))) {
                complete(t, Map.of());
                any = true;
            }
        }
        return any;
    }

    private Instant nextEvent() {
        Set<String> mine = myInstances();
        Instant next = management.createJobQuery().timers().list().stream()
                .filter(j -> mine.contains(j.getProcessInstanceId()))
                .filter(j -> j.getRetries() > 0 && j.getDuedate() != null)
                .map(j -> j.getDuedate().toInstant()).filter(i -> i.isAfter(clock.instant()))
                .min(Comparator.naturalOrder()).orElse(null);
        for (Task t : openTasks()) {
            if (autoComplete.test(t) && t.getDueDate() != null && t.getDueDate().toInstant().isAfter(clock.instant())) {
                Instant due = t.getDueDate().toInstant();
                next = next == null || due.isBefore(next) ? due : next;
            }
        }
        return next;
    }

    Set<String> myInstances() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(pi -> pi.getId()).collect(Collectors.toSet());
    }

    /** Completes one task with its form's default answers, overridden by {@code values}. */
    void complete(Task task, Map<String, Object> values) {
        Map<String, Object> raw = new HashMap<>(defaults(task.getFormKey()));
        raw.putAll(answers.getOrDefault(task.getTaskDefinitionKey(), Map.of()));
        raw.putAll(values);
        Map<String, Object> variables = forms.validate(task.getFormKey(), raw);
        SystemAuthentication.run(() -> tasks.complete(task.getId(), variables));
    }

    void completeOnly(String key, Map<String, Object> values) {
        List<Task> open = openTasks(key);
        if (open.isEmpty()) {
            throw new AssertionError("No open task " + key + "; open: " + openTasks().stream()
                    .map(Task::getTaskDefinitionKey).toList());
        }
        for (Task t : open) {
            complete(t, values);
        }
        runDueJobs();
    }

    private Map<String, Object> defaults(String formKey) {
        Map<String, Object> answers = FormAnswers.plausible(formKey, clock.today());
        if (answers == null) {
            throw new AssertionError("Unknown form " + formKey);
        }
        return answers;
    }
}
