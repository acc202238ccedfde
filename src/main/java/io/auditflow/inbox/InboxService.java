package io.auditflow.inbox;

import io.auditflow.common.Due;
import io.auditflow.common.AuditEvent;
import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Phrase;
import io.auditflow.common.Text;
import io.auditflow.common.Validation;
import io.auditflow.identity.Names;
import io.auditflow.identity.TeamSummary;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.lifecycle.TaskForms;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance team's inbox. Lists read the {@code inbox_task} projection with one indexed
 * query per page; changes go through Camunda's TaskService (which updates the projection through
 * {@link InboxProjection}) and leave a line in the task's history. Who may see a task is decided
 * here for every caller: managers see all, members the tasks of their teams and their own; a task
 * someone may not see answers "not found", so ids cannot be probed.
 */
@Service
@Transactional
public class InboxService {

    /** Tasks due within this many days (today included) are "due soon". */
    public static final int DUE_SOON_DAYS = Due.SOON_DAYS;
    public static final int MAX_PAGE_SIZE = 200;
    public static final int MAX_REASON = 1000;
    public static final int MAX_COMMENT = 2000;
    /** The most tasks one bulk change may name. */
    public static final int MAX_BULK = 200;

    private static final String COLUMNS = "task_id, name, program_id, program_name, framework, cycle, assignee,"
            + " candidate_group, due_date, milestone_type, control_activity, task_kind, form_key, state, created_at,"
            + " ended_at, ended_by";

    private final JdbcTemplate jdbc;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final UserService users;
    private final Names names;
    private final ProgramService programs;
    private final ApplicationEventPublisher events;
    private final MilestoneService milestones;
    private final TaskForms forms;
    private final Clock clock;
    private final ZoneId zone;
    private final org.springframework.transaction.support.TransactionTemplate perTask;

    InboxService(org.springframework.transaction.PlatformTransactionManager transactions, JdbcTemplate jdbc, TaskService taskService, RuntimeService runtimeService,
                 IdentityService identityService, UserService users, ProgramService programs,
                 MilestoneService milestones, TaskForms forms, Clock clock, AuditflowProperties properties,
                 ApplicationEventPublisher events, Names names) {
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.users = users;
        this.names = names;
        this.programs = programs;
        this.milestones = milestones;
        this.forms = forms;
        this.clock = clock;
        this.zone = properties.zone();
        this.events = events;
        this.perTask = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.perTask.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- lists ------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public TaskCounts counts() {
        String me = CurrentUser.require();
        List<String> teams = users.teamCodesOf(me);
        long mine = count(TaskFilter.of(TaskListView.MINE), me, teams);
        long team = count(TaskFilter.of(TaskListView.TEAM), me, teams);
        Long all = CurrentUser.canManage() ? count(TaskFilter.of(TaskListView.ALL), me, teams) : null;
        return new TaskCounts(mine, team, all);
    }

    /** One slice of a list, sorted by due date (no due date last), then by id for a stable order. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public List<InboxTask> list(TaskFilter filter, int offset, int limit) {
        return list(filter, TaskSort.DEFAULT, offset, limit);
    }

    /**
     * One slice of a list in the given order, sorted by the database (the sort column comes from
     * the {@link TaskSort.Field} whitelist, never from user text); ties by due date, then id.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public List<InboxTask> list(TaskFilter filter, TaskSort sort, int offset, int limit) {
        String me = CurrentUser.require();
        List<String> teams = teamsFor(filter, me);
        int size = Math.max(0, Math.min(limit, MAX_PAGE_SIZE));
        int from = Math.max(0, offset);
        String orderBy = (sort == null ? TaskSort.DEFAULT : sort).orderBy();
        if (teams.size() > 1 && from + size <= 5_000) {
            return teamPage(filter, orderBy, me, teams, from, size);
        }
        Sql sql = where(filter, me, teams);
        sql.args.add(size);
        sql.args.add(from);
        return jdbc.query("select " + COLUMNS + " from inbox_task where " + sql.where
                + " order by " + orderBy + " limit ? offset ?", this::map, sql.args.toArray());
    }

    /**
     * Several teams: one limited index scan per team, merged, instead of sorting every task of
     * all the teams (docs/performance.md). A task has one candidate group, so no duplicates.
     */
    private List<InboxTask> teamPage(TaskFilter filter, String orderBy, String me, List<String> teams, int offset, int limit) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (String team : teams) {
            Sql sql = where(filter, me, List.of(team));
            parts.add("(select " + COLUMNS + " from inbox_task where " + sql.where
                    + " order by " + orderBy + " limit " + (offset + limit) + ")");
            args.addAll(sql.args);
        }
        args.add(limit);
        args.add(offset);
        return jdbc.query("select * from (" + String.join(" union all ", parts) + ") t"
                + " order by " + orderBy + " limit ? offset ?", this::map, args.toArray());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public long count(TaskFilter filter) {
        String me = CurrentUser.require();
        return count(filter, me, teamsFor(filter, me));
    }

    /** Team codes are looked up only for the team list; the other lists need no extra query. */
    private List<String> teamsFor(TaskFilter filter, String me) {
        return filter != null && filter.view() == TaskListView.TEAM ? users.teamCodesOf(me) : List.of();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public TaskPage page(TaskFilter filter, int page, int size) {
        return page(filter, TaskSort.DEFAULT, page, size);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public TaskPage page(TaskFilter filter, TaskSort sort, int page, int size) {
        Validation v = new Validation();
        v.check(page >= 0, "page", "Use a page number of 0 or more");
        v.check(size >= 1 && size <= MAX_PAGE_SIZE, "size", "Use a page size from 1 to " + MAX_PAGE_SIZE);
        v.throwIfInvalid();
        return new TaskPage(list(filter, sort, page * size, size), count(filter), page, size);
    }

    private long count(TaskFilter filter, String me, List<String> teams) {
        Sql sql = where(filter, me, teams);
        Long n = jdbc.queryForObject("select count(*) from inbox_task where " + sql.where, Long.class, sql.args.toArray());
        return n == null ? 0 : n;
    }

    private Sql where(TaskFilter filter, String me, List<String> teams) {
        Sql sql = new Sql();
        TaskListView view = filter == null || filter.view() == null ? TaskListView.MINE : filter.view();
        switch (view) {
            case MINE -> sql.and("assignee = ?", me);
            case TEAM -> {
                if (teams.isEmpty()) {
                    sql.and("1 = 0");
                } else {
                    sql.and("candidate_group in (" + String.join(",", teams.stream().map(t -> "?").toList()) + ")",
                            teams.toArray());
                }
            }
            case ALL -> {
                if (!CurrentUser.canManage()) {
                    throw new AccessDeniedException("Only managers see every open task");
                }
            }
        }
        sql.and("state = ?", InboxProjection.OPEN);
        // Archived programs are read-only: their tasks leave every list until the program is restored.
        sql.and("not exists (select 1 from audit_program ap where ap.id = inbox_task.program_id and ap.archived = true)");
        if (filter == null) {
            return sql;
        }
        if (filter.programId() != null) {
            sql.and("program_id = ?", filter.programId());
        }
        if (filter.framework() != null) {
            sql.and("framework = ?", filter.framework().name());
        }
        if (filter.due() != null) {
            LocalDate today = LocalDate.now(clock);
            switch (filter.due()) {
                case OVERDUE -> sql.and("due_date < ?", Timestamp.from(Due.overdueBefore(today, clock.getZone())));
                case WEEK -> sql.and("due_date >= ? and due_date < ?", startOf(today), startOf(today.plusDays(7)));
                case MONTH -> sql.and("due_date >= ? and due_date < ?", startOf(today), startOf(today.plusDays(31)));
                case LATER -> sql.and("(due_date >= ? or due_date is null)", startOf(today.plusDays(31)));
            }
        }
        if (filter.controlActivities()) {
            sql.and("control_activity is not null");
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().trim().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            sql.and("name_lower like ? escape '\\'", "%" + q + "%");
        }
        return sql;
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    // ---- one task ---------------------------------------------------------------------------

    /** The task if the caller may see it; otherwise "not found", whether it exists or not. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public InboxTask get(String taskId) {
        String me = CurrentUser.require();
        InboxTask task = find(taskId).orElseThrow(() -> notFound(taskId));
        if (!CurrentUser.canManage() && !me.equals(task.assignee())
                && (task.candidateGroup() == null || !users.teamCodesOf(me).contains(task.candidateGroup()))) {
            throw notFound(taskId);
        }
        return task;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public TaskDetails details(String taskId) {
        InboxTask task = get(taskId);
        Program program = task.programId() == null ? null : programs.find(task.programId()).orElse(null);
        String description = null;
        if (task.open()) {
            Task t = taskService.createTaskQuery().taskId(taskId).singleResult();
            description = t == null ? null : t.getDescription();
        }
        String prepares = null;
        LocalDate preparesDate = null;
        if (task.milestoneType() != null) {
            prepares = task.serves();
            try {
                MilestoneType type = MilestoneType.valueOf(task.milestoneType());
                prepares = type.label();
                if (task.programId() != null && task.cycle() != null) {
                    preparesDate = milestones.find(task.programId(), type, task.cycle())
                            .map(m -> m.getActualDate() != null ? m.getActualDate() : m.getPlannedDate()).orElse(null);
                }
            } catch (IllegalArgumentException e) {
                // a milestone code this version does not know: show the code in words
            }
        }
        return new TaskDetails(task, description, program, prepares, preparesDate, observationWindow(task).orElse(null),
                forms.fieldsFor(task.formKey()), history(taskId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public List<TaskEvent> history(String taskId) {
        get(taskId);
        return jdbc.query("select kind, actor, old_value, new_value, message, at from inbox_task_event"
                        + " where task_id = ? order by at, id",
                (rs, i) -> new TaskEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6))), taskId);
    }

    /**
     * The observation window evidence of this task must fall into: only for tasks that feed the
     * window (control activities, observation tasks); from the process variables
     * {@code observationStart}/{@code observationEnd} or else the program's OBSERVATION_START and
     * OBSERVATION_END milestones of the task's cycle.
     */
    @Transactional(readOnly = true)
    public Optional<DateWindow> observationWindow(InboxTask task) {
        boolean feedsWindow = task.controlActivity() != null
                || (task.taskKind() != null && (task.taskKind().toUpperCase(Locale.ROOT).contains("OBSERVATION")
                || task.taskKind().toUpperCase(Locale.ROOT).contains("CONTROL")));
        if (!feedsWindow || task.programId() == null) {
            return Optional.empty();
        }
        if (task.open()) {
            String pi = jdbc.queryForObject("select process_instance_id from inbox_task where task_id = ?", String.class,
                    task.id());
            if (pi != null) {
                try {
                    LocalDate start = date(runtimeService.getVariable(pi, "observationStart"));
                    LocalDate end = date(runtimeService.getVariable(pi, "observationEnd"));
                    if (start != null && end != null) {
                        return Optional.of(new DateWindow(start, end));
                    }
                } catch (ProcessEngineException e) {
                    // the instance has moved on; fall back to the milestones
                }
            }
        }
        int cycle = task.cycle() == null ? 1 : task.cycle();
        Optional<LocalDate> start = milestones.find(task.programId(), MilestoneType.OBSERVATION_START, cycle).map(InboxService::day);
        Optional<LocalDate> end = milestones.find(task.programId(), MilestoneType.OBSERVATION_END, cycle).map(InboxService::day);
        return start.isPresent() && end.isPresent() && start.get() != null && end.get() != null
                ? Optional.of(new DateWindow(start.get(), end.get())) : Optional.empty();
    }

    private static LocalDate day(Milestone m) {
        return m.getActualDate() != null ? m.getActualDate() : m.getPlannedDate();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), java.time.ZoneOffset.UTC);
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return LocalDate.parse(s.trim());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** People a manager may give the task to: the members of the task's team. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public List<String> possibleAssignees(String taskId) {
        InboxTask task = get(taskId);
        return task.candidateGroup() == null ? List.of()
                : users.findTeam(task.candidateGroup()).map(TeamSummary::members).orElse(List.of());
    }

    // ---- changes ----------------------------------------------------------------------------

    @PreAuthorize(Roles.CAN_WORK)
    public InboxTask claim(String taskId) {
        String me = CurrentUser.require();
        InboxTask task = requireOpen(locked(taskId));
        if (me.equals(task.assignee())) {
            return task;
        }
        if (task.assignee() != null) {
            throw new ConflictException(Phrase.of("service.inbox.claimedBy", TaskWords.named(task.name()), names.person(task.assignee())));
        }
        engine(taskId, () -> {
            taskService.claim(taskId, me);
            return null;
        });
        event(taskId, TaskEvent.CLAIMED, me, null, me, null);
        return find(taskId).orElseThrow();
    }

    @PreAuthorize(Roles.CAN_WORK)
    public InboxTask unclaim(String taskId) {
        String me = CurrentUser.require();
        InboxTask task = requireOpen(locked(taskId));
        if (task.assignee() == null) {
            return task;
        }
        if (!me.equals(task.assignee()) && !CurrentUser.canManage()) {
            throw new ConflictException(Phrase.of("service.inbox.handBack", TaskWords.named(task.name()), names.person(task.assignee())));
        }
        engine(taskId, () -> {
            taskService.setAssignee(taskId, null);
            return null;
        });
        event(taskId, TaskEvent.UNCLAIMED, me, task.assignee(), null, null);
        return find(taskId).orElseThrow();
    }

    /** Gives the task to a member of its team, or takes it back to the team with an empty assignee. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public InboxTask assign(String taskId, String assignee) {
        String me = CurrentUser.require();
        InboxTask task = requireOpen(locked(taskId));
        String target = assignee == null || assignee.isBlank() ? null : assignee.trim().toLowerCase(Locale.ROOT);
        if (target != null) {
            Optional<UserSummary> user = users.findUser(target);
            Validation v = new Validation();
            v.check(user.isPresent() && user.get().enabled(), "assignee", "No active user '" + assignee + "'");
            if (user.isPresent() && task.candidateGroup() != null) {
                v.check(users.teamCodesOf(user.get().username()).contains(task.candidateGroup()), "assignee",
                        Phrase.of("service.inbox.notOnTeam", names.person(user.get().username()), names.team(task.candidateGroup())));
            }
            v.throwIfInvalid();
            target = user.get().username();
        }
        if (java.util.Objects.equals(target, task.assignee())) {
            return task;
        }
        String value = target;
        engine(taskId, () -> {
            taskService.setAssignee(taskId, value);
            return null;
        });
        event(taskId, TaskEvent.ASSIGNED, me, task.assignee(), target, null);
        return find(taskId).orElseThrow();
    }

    /** Moves the due date; the reason is required and kept in the task's history. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public InboxTask changeDueDate(String taskId, LocalDate dueDate, String reason) {
        String me = CurrentUser.require();
        InboxTask task = requireOpen(locked(taskId));
        String why = checkDueDateChange(dueDate, reason);
        engine(taskId, () -> {
            Task t = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (t == null) {
                throw new NullValueException("task is gone");
            }
            // End of the day in the organisation's zone: the task is due all of that day.
            t.setDueDate(Date.from(dueDate.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1)));
            taskService.saveTask(t);
            return null;
        });
        event(taskId, TaskEvent.DUE_DATE_CHANGED, me, task.dueDate() == null ? null : task.dueDate().toString(),
                dueDate.toString(), why);
        return find(taskId).orElseThrow();
    }

    /** The rule for a new task due date and its reason, for one task and for a bulk change alike; returns the clean reason. */
    private String checkDueDateChange(LocalDate dueDate, String reason) {
        Validation v = new Validation();
        String why = Text.multiLine(reason, "reason", "The reason", v);
        v
                .check(dueDate != null, "dueDate", "Choose the new due date")
                .check(dueDate == null || !dueDate.isBefore(LocalDate.now(clock)), "dueDate", "Choose today or a later day")
                .check(!why.isEmpty(), "reason", "Say why the due date moves; the reason is kept")
                .check(why.length() <= MAX_REASON, "reason", "Keep the reason under " + MAX_REASON + " characters")
                .throwIfInvalid();
        return why;
    }

    /**
     * One change for many tasks: each task is changed in its own transaction with exactly the
     * checks of the single-task change (visibility, open, active program, team membership, the
     * due-date rule), so one refused task never holds back the others. Assigning and moving due
     * dates stay with managers; the task's own due date moves, never a lifecycle milestone.
     */
    @PreAuthorize(Roles.CAN_WORK)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public BulkResult bulk(BulkAction action, List<String> taskIds, String assignee, LocalDate dueDate, String reason) {
        String me = CurrentUser.require();
        Validation v = new Validation();
        v.check(action != null, "action", "Choose what to do: claim, assign or due_date");
        v.check(taskIds != null && !taskIds.isEmpty(), "taskIds", "Select at least one task");
        v.check(taskIds == null || taskIds.size() <= MAX_BULK, "taskIds", "Select at most " + MAX_BULK + " tasks at once");
        v.check(taskIds == null || taskIds.stream().allMatch(id -> id != null && !id.isBlank() && id.length() <= 64
                && id.chars().allMatch(c -> c > 32 && c < 127)), "taskIds", "Task ids are short codes without spaces");
        v.throwIfInvalid();
        if ((action == BulkAction.ASSIGN || action == BulkAction.DUE_DATE) && !CurrentUser.canManage()) {
            throw new AccessDeniedException("Only managers assign tasks or move due dates");
        }
        if (action == BulkAction.DUE_DATE) {
            checkDueDateChange(dueDate, reason); // once for all, with the messages next to the fields
        }
        if (action == BulkAction.ASSIGN && assignee != null && !assignee.isBlank()) {
            Optional<UserSummary> user = users.findUser(assignee.trim().toLowerCase(Locale.ROOT));
            new Validation().check(user.isPresent() && user.get().enabled(), "assignee",
                    "No active user '" + (assignee.length() > 64 ? assignee.substring(0, 64) + "…" : assignee) + "'").throwIfInvalid();
        }
        int changed = 0;
        int unchanged = 0;
        List<BulkResult.Refusal> refused = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(taskIds)) {
            try {
                Boolean did = perTask.execute(status -> switch (action) {
                    case CLAIM -> {
                        boolean mine = find(id).map(t -> me.equals(t.assignee())).orElse(false);
                        claim(id);
                        yield !mine;
                    }
                    case ASSIGN -> {
                        String before = find(id).map(InboxTask::assignee).orElse(null);
                        yield !java.util.Objects.equals(before, assign(id, assignee).assignee());
                    }
                    case DUE_DATE -> {
                        changeDueDate(id, dueDate, reason);
                        yield true;
                    }
                });
                if (Boolean.TRUE.equals(did)) {
                    changed++;
                } else {
                    unchanged++;
                }
            } catch (NotFoundException e) {
                refused.add(new BulkResult.Refusal(id, null, e.getMessage()));
            } catch (ConflictException e) {
                Phrase phrase = e.phrase();
                refused.add(new BulkResult.Refusal(id, nameOf(id), e.getMessage(), phrase == null ? null
                        : locale -> io.auditflow.common.Messages.word(phrase, locale)));
            } catch (io.auditflow.common.ValidationException e) {
                List<io.auditflow.common.FieldError> errors = e.errors();
                refused.add(new BulkResult.Refusal(id, nameOf(id), errors.stream()
                        .map(io.auditflow.common.FieldError::message).collect(java.util.stream.Collectors.joining("; ")),
                        locale -> errors.stream().map(x -> x.phrase() != null ? io.auditflow.common.Messages.word(x.phrase(), locale)
                                : io.auditflow.common.Messages.fromEnglish(x.message(), locale))
                                .collect(java.util.stream.Collectors.joining("; "))));
            }
        }
        return new BulkResult(changed, unchanged, refused);
    }

    /** The name of a task the caller may see (only called after a check that passed visibility). */
    private String nameOf(String id) {
        return find(id).map(InboxTask::name).orElse(null);
    }

    /**
     * Checks the form, then completes the task with the form's values as process variables; the
     * process moves on in the same transaction. An unassigned team task is claimed on the way.
     */
    @PreAuthorize(Roles.CAN_WORK)
    public InboxTask complete(String taskId, Map<String, ?> raw) {
        String me = CurrentUser.require();
        InboxTask task = requireOpen(locked(taskId));
        if (task.assignee() != null && !me.equals(task.assignee())) {
            throw new ConflictException(Phrase.of("service.inbox.nowAssigned", TaskWords.named(task.name()), names.person(task.assignee())));
        }
        Map<String, Object> variables = forms.validate(task.formKey(), raw);
        engine(taskId, () -> {
            if (task.assignee() == null) {
                taskService.claim(taskId, me);
            }
            taskService.complete(taskId, variables);
            return null;
        });
        event(taskId, TaskEvent.COMPLETED, me, null, null, null);
        return find(taskId).orElseThrow();
    }

    @PreAuthorize(Roles.CAN_WORK)
    public TaskEvent comment(String taskId, String text) {
        String me = CurrentUser.require();
        // Comments go on open tasks of active programs; a closed task's history stays as it was.
        requireOpen(get(taskId));
        Validation v = new Validation();
        String body = Text.multiLine(text, "comment", "The comment", v);
        v
                .check(!body.isEmpty(), "comment", "Write a comment first")
                .check(body.length() <= MAX_COMMENT, "comment", "Keep comments under " + MAX_COMMENT + " characters")
                .throwIfInvalid();
        return event(taskId, TaskEvent.COMMENT, me, null, null, body);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * The task, visible to the caller, with its row locked until the transaction ends: changes to
     * one task queue up here, and each sees what the one before it did (a completed task, a new
     * assignee) instead of racing inside the engine.
     */
    private InboxTask locked(String taskId) {
        get(taskId);
        return jdbc.query("select " + COLUMNS + " from inbox_task where task_id = ? for update", this::map, taskId)
                .stream().findFirst().orElseThrow(() -> notFound(taskId));
    }

    private InboxTask requireOpen(InboxTask task) {
        programs.requireActive(task.programId());
        if (!task.open()) {
            throw new ConflictException(ended(task));
        }
        return task;
    }

    /** Runs engine work as the current user; a race lost to another person becomes a 409 with what happened. */
    private <T> T engine(String taskId, Supplier<T> work) {
        identityService.setAuthenticatedUserId(CurrentUser.require());
        try {
            return work.get();
        } catch (OptimisticLockingException | TaskAlreadyClaimedException | NullValueException
                 | org.camunda.bpm.engine.exception.NotFoundException | PessimisticLockingFailureException e) {
            throw conflict(taskId);
        } catch (ProcessEngineException e) {
            if (isLockTimeout(e)) {
                throw conflict(taskId);
            }
            throw e;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ConflictException conflict(String taskId) {
        try {
            Optional<InboxTask> now = find(taskId);
            if (now.isPresent() && !now.get().open()) {
                return new ConflictException(Phrase.of(now.get().endedBy() == null ? "service.inbox.completed" : "service.inbox.completedBy",
                        TaskWords.named(now.get().name()), names.person(now.get().endedBy())));
            } else if (now.isPresent() && now.get().assignee() != null) {
                return new ConflictException(Phrase.of("service.inbox.nowWith", TaskWords.named(now.get().name()),
                        names.person(now.get().assignee())));
            }
        } catch (RuntimeException ignored) {
            // the general message will do
        }
        return new ConflictException(Phrase.of("service.inbox.someoneElse"));
    }

    /** "'Review user access' was already completed by Maya Manager": the task by its name, the person by theirs. */
    private Phrase ended(InboxTask task) {
        boolean completed = "COMPLETED".equals(task.state());
        String key = "service.inbox." + (completed ? "completed" : "closed") + (task.endedBy() == null ? "" : "By");
        return Phrase.of(key, TaskWords.named(task.name()), names.person(task.endedBy()));
    }

    private static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())
                    || "HYT00".equals(sql.getSQLState()) || sql.getErrorCode() == 50200)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private TaskEvent event(String taskId, String kind, String actor, String oldValue, String newValue, String message) {
        Instant at = clock.instant();
        jdbc.update("insert into inbox_task_event (task_id, kind, actor, old_value, new_value, message, at)"
                + " values (?,?,?,?,?,?,?)", taskId, kind, actor, oldValue, newValue, message, Timestamp.from(at));
        if (!TaskEvent.COMMENT.equals(kind)) { // comments are the task's own history, not an audit event
            events.publishEvent(new AuditEvent("TASK_" + kind, "task " + taskId,
                    (oldValue == null ? "" : oldValue + " -> ") + (newValue == null ? "" : newValue)));
        }
        return new TaskEvent(kind, actor, oldValue, newValue, message, at);
    }

    private Optional<InboxTask> find(String taskId) {
        if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
            return Optional.empty();
        }
        return jdbc.query("select " + COLUMNS + " from inbox_task where task_id = ?", this::map, taskId).stream().findFirst();
    }

    private static NotFoundException notFound(String taskId) {
        return new NotFoundException("No task " + taskId + " in your inbox");
    }

    private InboxTask map(ResultSet rs, int row) throws SQLException {
        Timestamp due = rs.getTimestamp("due_date");
        LocalDate dueDate = due == null ? null : LocalDate.ofInstant(due.toInstant(), zone);
        String state = rs.getString("state");
        String framework = rs.getString("framework");
        Framework fw = null;
        if (framework != null) {
            try {
                fw = Framework.valueOf(framework);
            } catch (IllegalArgumentException e) {
                fw = null;
            }
        }
        long cycle = rs.getLong("cycle");
        Integer cycleValue = rs.wasNull() ? null : (int) cycle;
        long program = rs.getLong("program_id");
        Long programId = rs.wasNull() ? null : program;
        return new InboxTask(rs.getString("task_id"), rs.getString("name"), programId, rs.getString("program_name"), fw,
                cycleValue, rs.getString("assignee"), rs.getString("candidate_group"), dueDate,
                dueStatus(state, dueDate), rs.getString("milestone_type"), rs.getString("control_activity"),
                rs.getString("task_kind"), rs.getString("form_key"), state, instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("ended_at")), rs.getString("ended_by"));
    }

    private DueStatus dueStatus(String state, LocalDate due) {
        if (!InboxProjection.OPEN.equals(state)) {
            return DueStatus.CLOSED;
        }
        if (due == null) {
            return DueStatus.NO_DUE_DATE;
        }
        LocalDate today = LocalDate.now(clock);
        if (Due.overdue(due, today)) {
            return DueStatus.OVERDUE;
        }
        return Due.dueSoon(due, today) ? DueStatus.DUE_SOON : DueStatus.ON_TRACK;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** A WHERE clause under construction, with its arguments in order. */
    private static final class Sql {
        private String where = "";
        private final List<Object> args = new ArrayList<>();

        void and(String condition, Object... values) {
            where = where.isEmpty() ? condition : where + " and " + condition;
            args.addAll(List.of(values));
        }
    }
}
