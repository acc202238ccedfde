package io.auditflow.inbox;

import io.auditflow.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code inbox_task} in step with Camunda's user tasks. Called by the engine inside its
 * command, so the row changes commit or roll back together with the task itself.
 */
@Component
class InboxProjection {

    static final String OPEN = "OPEN";
    static final String COMPLETED = "COMPLETED";
    static final String DELETED = "DELETED";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    InboxProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void onEvent(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> created(task);
            case TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE -> updated(task);
            case TaskListener.EVENTNAME_COMPLETE -> ended(task, COMPLETED);
            case TaskListener.EVENTNAME_DELETE -> ended(task, DELETED);
            default -> { }
        }
    }

    private void created(DelegateTask task) {
        Long programId = asLong(task.getVariable("programId"));
        String programName = null;
        String framework = null;
        if (programId != null) {
            var rows = jdbc.queryForList("select name, framework from audit_program where id = ?", programId);
            if (!rows.isEmpty()) {
                programName = (String) rows.get(0).get("name");
                framework = (String) rows.get(0).get("framework");
            }
        }
        String name = name(task);
        jdbc.update("insert into inbox_task (task_id, process_instance_id, program_id, program_name, framework, cycle,"
                        + " name, name_lower, task_key, form_key, assignee, candidate_group, due_date, milestone_type,"
                        + " control_activity, task_kind, state, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                task.getId(), task.getProcessInstanceId(), programId, programName, framework,
                asInteger(task.getVariable("cycle")), name, name.toLowerCase(Locale.ROOT), task.getTaskDefinitionKey(),
                formKey(task), task.getAssignee(), candidateGroup(task), timestamp(task.getDueDate()),
                asString(task.getVariable("milestoneType")), asString(task.getVariable("controlActivity")),
                asString(task.getVariable("taskKind")), OPEN,
                task.getCreateTime() == null ? Timestamp.from(clock.instant()) : timestamp(task.getCreateTime()));
    }

    private void updated(DelegateTask task) {
        String name = name(task);
        jdbc.update("update inbox_task set assignee = ?, due_date = ?, name = ?, name_lower = ?, candidate_group = ?"
                        + " where task_id = ?",
                task.getAssignee(), timestamp(task.getDueDate()), name, name.toLowerCase(Locale.ROOT),
                candidateGroup(task), task.getId());
    }

    private void ended(DelegateTask task, String state) {
        jdbc.update("update inbox_task set state = ?, ended_at = ?, ended_by = ? where task_id = ? and state = ?",
                state, Timestamp.from(clock.instant()), actor(task), task.getId(), OPEN);
    }

    /** Who ended the task: the engine's authenticated user, else the assignee, else the signed-in user. */
    private static String actor(DelegateTask task) {
        var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return auth.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : CurrentUser.username().orElse(null);
    }

    /** Programs are renamed rarely; open tasks follow at once. */
    @EventListener
    void programChanged(io.auditflow.program.ProgramChanged event) {
        jdbc.update("update inbox_task set program_name = (select p.name from audit_program p where p.id = ?),"
                + " framework = (select p.framework from audit_program p where p.id = ?)"
                + " where program_id = ? and state = ?", event.programId(), event.programId(), event.programId(), OPEN);
    }

    private static String name(DelegateTask task) {
        String name = task.getName() == null || task.getName().isBlank() ? task.getTaskDefinitionKey() : task.getName();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static String candidateGroup(DelegateTask task) {
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                return link.getGroupId();
            }
        }
        return asString(task.getVariable("teamCode"));
    }

    private static String formKey(DelegateTask task) {
        if (task instanceof TaskEntity entity && entity.getTaskDefinition() != null) {
            Expression key = entity.getTaskDefinition().getFormKey();
            if (key != null) {
                Object value = key.getValue(task);
                return value == null ? null : value.toString();
            }
        }
        return null;
    }

    private static Timestamp timestamp(java.util.Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    private static Long asLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer asInteger(Object value) {
        Long l = asLong(value);
        return l == null ? null : l.intValue();
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }
}
