package io.auditflow.reminder;

import io.auditflow.common.Due;
import io.auditflow.common.AuditflowProperties;
import io.auditflow.identity.TeamSummary;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.OutgoingMail;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the reminders that fall due today and queues them in the outbox: audit milestones (to the
 * program owner and team), tasks before and on their due date (to the assignee, or the team when
 * nobody took it), and escalations of overdue tasks (assignee or team, then manager, then
 * executives). Every mail has a key naming the event, so running this any number of times a day
 * queues each mail once; a missed day is caught up with the latest reminder only.
 */
@Component
public class ReminderScanner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReminderScanner.class);

    /** Milestones that people are reminded of. */
    static final Set<MilestoneType> REMINDED = Set.of(MilestoneType.AS_OF_DATE, MilestoneType.FIELDWORK_START,
            MilestoneType.STAGE1_AUDIT, MilestoneType.STAGE2_AUDIT, MilestoneType.SURVEILLANCE_AUDIT_1,
            MilestoneType.SURVEILLANCE_AUDIT_2, MilestoneType.RECERTIFICATION_AUDIT, MilestoneType.REPORT_ISSUED,
            MilestoneType.CERTIFICATE_EXPIRY);

    private final MilestoneService milestones;
    private final ProgramService programs;
    private final UserService users;
    private final TaskService tasks;
    private final ReminderSettingsService settings;
    private final NotificationPreferences preferences;
    private final ReminderMails mails;
    private final MailOutbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;

    ReminderScanner(MilestoneService milestones, ProgramService programs, UserService users, TaskService tasks,
                    ReminderSettingsService settings, NotificationPreferences preferences, ReminderMails mails,
                    MailOutbox outbox, TransactionTemplate tx, Clock clock, AuditflowProperties properties) {
        this.milestones = milestones;
        this.programs = programs;
        this.users = users;
        this.tasks = tasks;
        this.settings = settings;
        this.preferences = preferences;
        this.mails = mails;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** What one scan queued. */
    public record Result(int auditReminders, int taskReminders, int escalations) {
        public int total() {
            return auditReminders + taskReminders + escalations;
        }
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Scans milestones and tasks for today and queues what is due. */
    public Result runOnce() {
        LocalDate today = today();
        cache.set(new Cache());
        try {
            int audits = scanMilestones(today);
            int[] t = scanTasks(today);
            return new Result(audits, t[0], t[1]);
        } finally {
            cache.remove();
        }
    }

    /** Look-ups of one scan: people, teams, preferences and offsets do not change within it. */
    private static final class Cache {
        final Map<String, Optional<UserSummary>> users = new java.util.HashMap<>();
        final Map<String, Optional<TeamSummary>> teams = new java.util.HashMap<>();
        final Map<String, Delivery> deliveries = new java.util.HashMap<>();
        final Map<Long, Offsets> offsets = new java.util.HashMap<>();
    }

    private final ThreadLocal<Cache> cache = new ThreadLocal<>();

    private Cache cache() {
        Cache c = cache.get();
        return c == null ? new Cache() : c;
    }

    private Optional<UserSummary> user(String username) {
        return cache().users.computeIfAbsent(username, users::findUser);
    }

    private Optional<TeamSummary> team(String code) {
        return code == null ? Optional.empty() : cache().teams.computeIfAbsent(code, users::findTeam);
    }

    private Delivery delivery(String username, NotificationCategory category) {
        return cache().deliveries.computeIfAbsent(username + "/" + category,
                k -> preferences.deliveryFor(username, category));
    }

    private Offsets offsets(Long programId) {
        return programId == null ? settings.defaults()
                : cache().offsets.computeIfAbsent(programId, settings::effective);
    }

    int scanMilestones(LocalDate today) {
        int maxOffset = Math.max(settings.defaults().milestones().stream().max(Integer::compare).orElse(0),
                ReminderSettingsService.MAX_DAYS);
        int queued = 0;
        for (Milestone m : milestones.plannedBetween(today.plusDays(1), today.plusDays(maxOffset))) {
            if (!REMINDED.contains(m.getType()) || m.getStatus() == MilestoneStatus.DONE || m.getPlannedDate() == null) {
                continue;
            }
            Optional<Program> program = programs.find(m.getProgramId());
            if (program.isEmpty() || program.get().archived()) {
                continue;
            }
            long daysLeft = ChronoUnit.DAYS.between(today, m.getPlannedDate());
            Integer offset = Offsets.dueOffset(offsets(m.getProgramId()).milestones(), daysLeft);
            if (offset == null) {
                continue;
            }
            Program p = program.get();
            queued += inTransaction(() -> {
                int n = 0;
                for (UserSummary person : ownerAndTeam(p)) {
                    if (delivery(person.username(), NotificationCategory.AUDIT_REMINDER) != Delivery.IMMEDIATE) {
                        continue;
                    }
                    String key = "AUDIT:" + m.getId() + ":" + m.getPlannedDate() + ":" + offset + ":" + person.username();
                    n += queue(mails.audit(key, person, p.name(), p.id(), m.getId(), m.getType(), m.getPlannedDate(), daysLeft));
                }
                return n;
            });
        }
        return queued;
    }

    int[] scanTasks(LocalDate today) {
        int maxBefore = Math.max(settings.defaults().tasks().stream().max(Integer::compare).orElse(0),
                ReminderSettingsService.MAX_DAYS);
        Date horizon = Date.from(today.plusDays(maxBefore + 1L).atStartOfDay(zone).toInstant());
        int reminders = 0;
        int escalations = 0;
        Map<Long, Optional<Program>> programCache = new LinkedHashMap<>();
        for (Task task : tasks.createTaskQuery().active().dueBefore(horizon).list()) {
            TaskInfo info = info(task, programCache);
            if (info == null) {
                continue;
            }
            Offsets offsets = offsets(info.programId());
            long daysLeft = Due.daysLeft(info.due(), today);
            if (daysLeft > 0) {
                Integer offset = Offsets.dueOffset(offsets.tasks(), daysLeft);
                if (offset != null) {
                    reminders += inTransaction(() -> {
                        int n = 0;
                        for (UserSummary person : assigneeOrTeam(info)) {
                            if (delivery(person.username(), NotificationCategory.TASK_REMINDER) == Delivery.IMMEDIATE) {
                                n += queue(mails.taskBefore(taskKey(info, "BEFORE-" + offset, person), person, info, daysLeft));
                            }
                        }
                        return n;
                    });
                }
            } else if (daysLeft == 0) {
                reminders += inTransaction(() -> {
                    int n = 0;
                    for (UserSummary person : assigneeOrTeam(info)) {
                        if (delivery(person.username(), NotificationCategory.TASK_REMINDER) == Delivery.IMMEDIATE) {
                            n += queue(mails.taskDue(taskKey(info, "DUE", person), person, info));
                        }
                    }
                    return n;
                });
            } else {
                long overdue = -daysLeft;
                escalations += inTransaction(() -> {
                    int n = 0;
                    List<Integer> steps = offsets.escalation();
                    for (int step = 1; step <= steps.size(); step++) {
                        if (overdue < steps.get(step - 1)) {
                            break;
                        }
                        // Escalations ignore preferences on purpose: they cannot be switched off.
                        for (UserSummary person : escalationRecipients(info, step)) {
                            n += queue(mails.escalation(taskKey(info, "ESCALATION-" + step, person), person, info, step, overdue));
                        }
                    }
                    return n;
                });
            }
        }
        return new int[] {reminders, escalations};
    }

    private TaskInfo info(Task task, Map<Long, Optional<Program>> programCache) {
        if (task.getDueDate() == null) {
            return null;
        }
        Map<String, Object> vars = tasks.getVariables(task.getId(), List.of("programId", "teamCode"));
        Long programId = vars.get("programId") instanceof Number n ? n.longValue() : null;
        Optional<Program> program = programId == null ? Optional.empty()
                : programCache.computeIfAbsent(programId, programs::find);
        String teamCode = vars.get("teamCode") instanceof String s ? s : program.map(Program::team).orElse(null);
        LocalDate due = LocalDate.ofInstant(task.getDueDate().toInstant(), zone);
        String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
        return new TaskInfo(task.getId(), name, due, task.getAssignee(), teamCode, programId,
                program.map(Program::name).orElse("your audit program"));
    }

    static String taskKey(TaskInfo info, String kind, UserSummary person) {
        return "TASK:" + info.id() + ":" + info.due() + ":" + kind + ":" + person.username();
    }

    private Collection<UserSummary> ownerAndTeam(Program p) {
        Map<String, UserSummary> people = new LinkedHashMap<>();
        addUser(people, p.owner());
        team(p.team()).ifPresent(team -> team.members().forEach(u -> addUser(people, u)));
        return people.values();
    }

    private Collection<UserSummary> assigneeOrTeam(TaskInfo info) {
        Map<String, UserSummary> people = new LinkedHashMap<>();
        if (info.assignee() != null) {
            addUser(people, info.assignee());
        } else if (info.teamCode() != null) {
            team(info.teamCode()).ifPresent(team -> team.members().forEach(u -> addUser(people, u)));
        }
        return people.values();
    }

    Collection<UserSummary> escalationRecipients(TaskInfo info, int step) {
        if (step == 1) {
            return assigneeOrTeam(info);
        }
        Map<String, UserSummary> people = new LinkedHashMap<>();
        if (step == 2) {
            team(info.teamCode()).map(TeamSummary::manager).ifPresent(m -> addUser(people, m));
            if (people.isEmpty()) {
                // a team without a manager: the program owner stands in
                programs.find(info.programId()).ifPresent(p -> addUser(people, p.owner()));
            }
        } else {
            users.usersWithRole(Role.EXECUTIVE).forEach(u -> people.put(u.username(), u));
        }
        return people.values();
    }

    private void addUser(Map<String, UserSummary> people, String username) {
        if (username == null || people.containsKey(username)) {
            return;
        }
        user(username).filter(UserSummary::enabled).ifPresent(u -> people.put(u.username(), u));
    }

    private int queue(OutgoingMail mail) {
        return outbox.enqueue(mail) ? 1 : 0;
    }

    /** One milestone or task per transaction: its mails commit together, and one bad item does not stop the scan. */
    private int inTransaction(java.util.function.Supplier<Integer> work) {
        try {
            Integer n = tx.execute(s -> work.get());
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            log.error("Reminder could not be queued; the next scan tries again", e);
            return 0;
        }
    }
}
