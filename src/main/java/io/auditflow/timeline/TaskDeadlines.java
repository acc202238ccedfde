package io.auditflow.timeline;

import io.auditflow.common.Due;
import io.auditflow.common.AuditflowProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Due dates of the engine's open user tasks, read from Camunda's {@link TaskService}. Lifecycle
 * processes carry the program in the process variable {@code programId}.
 */
@Service
public class TaskDeadlines {

    public static final String PROGRAM_ID = "programId";

    private final TaskService tasks;
    private final org.camunda.bpm.engine.HistoryService history;
    private final Clock clock;
    private final AuditflowProperties properties;

    TaskDeadlines(TaskService tasks, org.camunda.bpm.engine.HistoryService history, Clock clock,
                  AuditflowProperties properties) {
        this.tasks = tasks;
        this.history = history;
        this.clock = clock;
        this.properties = properties;
    }

    /** Open tasks whose due date has passed, counted per program id. */
    public Map<Long, Integer> overdueByProgram() {
        Map<Long, Integer> counts = new HashMap<>();
        for (Task t : tasks.createTaskQuery().active()
                .dueBefore(Date.from(Due.overdueBefore(LocalDate.now(clock.withZone(properties.zone())), properties.zone()))).list()) {
            Long programId = programIdOf(t);
            if (programId != null) {
                counts.merge(programId, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Per due month from {@code first} on (12 months): how many tasks with a due date in that month
     * were finished after it or are still open after it. Same rule as {@link #overdueByProgram}.
     */
    public Map<java.time.YearMonth, Integer> overdueByDueMonth(java.time.YearMonth first, int months) {
        Map<java.time.YearMonth, Integer> counts = new java.util.TreeMap<>();
        for (int i = 0; i < months; i++) {
            counts.put(first.plusMonths(i), 0);
        }
        java.time.ZoneId zone = properties.zone();
        Date from = Date.from(first.atDay(1).atStartOfDay(zone).toInstant());
        Date to = Date.from(first.plusMonths(months).atDay(1).atStartOfDay(zone).toInstant());
        Date now = Date.from(clock.instant());
        for (org.camunda.bpm.engine.history.HistoricTaskInstance t : history.createHistoricTaskInstanceQuery()
                .taskDueAfter(new Date(from.getTime() - 1)).taskDueBefore(to).list()) {
            Date due = t.getDueDate();
            Date end = t.getEndTime();
            boolean late = end == null ? due.before(now) : end.after(due);
            if (late) {
                counts.merge(java.time.YearMonth.from(due.toInstant().atZone(zone)), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Open tasks with a due date that the user is assigned to or may claim (directly or through a team). */
    public List<DueTask> dueTasksOf(String username, List<String> teams) {
        Map<String, Task> found = new LinkedHashMap<>();
        tasks.createTaskQuery().active().taskAssignee(username).list().forEach(t -> found.put(t.getId(), t));
        tasks.createTaskQuery().active().taskCandidateUser(username).list().forEach(t -> found.put(t.getId(), t));
        if (!teams.isEmpty()) {
            tasks.createTaskQuery().active().taskCandidateGroupIn(teams).list().forEach(t -> found.put(t.getId(), t));
        }
        List<DueTask> due = new ArrayList<>();
        for (Task t : found.values()) {
            if (t.getDueDate() != null) {
                LocalDate day = LocalDate.ofInstant(t.getDueDate().toInstant(), properties.zone());
                due.add(new DueTask(t.getId(), t.getName(), day, programIdOf(t)));
            }
        }
        return due;
    }

    private Long programIdOf(Task t) {
        Object value = tasks.getVariable(t.getId(), PROGRAM_ID);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d{1,18}")) {
            return Long.valueOf(s);
        }
        return null;
    }

    /** An open task with its due day in the organisation's time zone. */
    public record DueTask(String taskId, String name, LocalDate due, Long programId) {
    }
}
