package io.auditflow.reminder;

import io.auditflow.common.Due;
import io.auditflow.common.AuditflowProperties;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.mail.MailOutbox;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One mail a day for each person who chose the digest: their tasks overdue and due this week, and
 * the audits coming up in their programs. Keyed by person and day, so it goes out once a day.
 */
@Component
public class DigestJob {

    private final NotificationPreferences preferences;
    private final UserService users;
    private final TaskService tasks;
    private final MilestoneService milestones;
    private final ProgramService programs;
    private final ReminderMails mails;
    private final MailOutbox outbox;
    private final TransactionTemplate tx;
    private final ReminderProperties properties;
    private final Clock clock;
    private final ZoneId zone;
    private final String inboxLink;

    DigestJob(NotificationPreferences preferences, UserService users, TaskService tasks, MilestoneService milestones,
              ProgramService programs, ReminderMails mails, MailOutbox outbox, TransactionTemplate tx,
              ReminderProperties properties, Clock clock, AuditflowProperties app) {
        this.preferences = preferences;
        this.users = users;
        this.tasks = tasks;
        this.milestones = milestones;
        this.programs = programs;
        this.mails = mails;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.zone = app.zone();
        String base = app.baseUrl().endsWith("/") ? app.baseUrl().substring(0, app.baseUrl().length() - 1) : app.baseUrl();
        this.inboxLink = base + "/inbox";
    }

    /** Queues today's digests; returns how many were new. */
    public int runOnce() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        int queued = 0;
        for (String username : preferences.digestUsers()) {
            Optional<UserSummary> user = users.findUser(username).filter(UserSummary::enabled);
            if (user.isEmpty()) {
                continue;
            }
            String key = "DIGEST:" + username + ":" + today;
            if (outbox.exists(key)) {
                continue;
            }
            UserSummary u = user.get();
            List<String> dueThisWeek = new ArrayList<>();
            List<String> overdue = new ArrayList<>();
            if (preferences.deliveryFor(username, NotificationCategory.TASK_REMINDER) == Delivery.DIGEST) {
                collectTasks(u, today, dueThisWeek, overdue, mails.locale(u));
            }
            List<String> audits = preferences.deliveryFor(username, NotificationCategory.AUDIT_REMINDER) == Delivery.DIGEST
                    ? upcomingAudits(u, today, mails.locale(u)) : List.of();
            if (dueThisWeek.isEmpty() && overdue.isEmpty() && audits.isEmpty()) {
                continue;
            }
            Boolean added = tx.execute(s -> outbox.enqueue(mails.digest(key, u, today, dueThisWeek, overdue, audits, inboxLink)));
            queued += Boolean.TRUE.equals(added) ? 1 : 0;
        }
        return queued;
    }

    private void collectTasks(UserSummary u, LocalDate today, List<String> dueThisWeek, List<String> overdue,
                              java.util.Locale locale) {
        Date weekEnd = Date.from(today.plusDays(7).atStartOfDay(zone).toInstant());
        Map<String, Task> mine = new LinkedHashMap<>();
        tasks.createTaskQuery().active().taskAssignee(u.username()).dueBefore(weekEnd).orderByDueDate().asc().list()
                .forEach(t -> mine.put(t.getId(), t));
        if (!u.teams().isEmpty()) {
            tasks.createTaskQuery().active().taskUnassigned().taskCandidateGroupIn(u.teams()).dueBefore(weekEnd)
                    .orderByDueDate().asc().list().forEach(t -> mine.putIfAbsent(t.getId(), t));
        }
        Map<Long, Optional<Program>> cache = new LinkedHashMap<>();
        for (Task t : mine.values()) {
            LocalDate due = LocalDate.ofInstant(t.getDueDate().toInstant(), zone);
            Object pid = tasks.getVariable(t.getId(), "programId");
            String programName = pid instanceof Number n
                    ? cache.computeIfAbsent(n.longValue(), programs::find).map(Program::name).orElse("") : "";
            String line = io.auditflow.common.Messages.get("mail.digest.taskLine", locale,
                    (t.getName() == null ? t.getTaskDefinitionKey() : t.getName())
                    + (programName.isEmpty() ? "" : " (" + programName + ")"), ReminderMails.day(due, locale),
                    t.getAssignee() == null ? io.auditflow.common.Messages.get("mail.digest.notTaken", locale) : "",
                    mails.taskLink(t.getId()));
            (Due.overdue(due, today) ? overdue : dueThisWeek).add(line);
        }
    }

    private List<String> upcomingAudits(UserSummary u, LocalDate today, java.util.Locale locale) {
        List<String> lines = new ArrayList<>();
        Map<Long, Optional<Program>> cache = new LinkedHashMap<>();
        for (Milestone m : milestones.plannedBetween(today, today.plusDays(properties.digestAuditDays()))) {
            if (!ReminderScanner.REMINDED.contains(m.getType()) || m.getStatus() == MilestoneStatus.DONE) {
                continue;
            }
            Optional<Program> p = cache.computeIfAbsent(m.getProgramId(), programs::find);
            if (p.isEmpty() || p.get().archived()) {
                continue;
            }
            boolean involved = u.username().equals(p.get().owner()) || u.teams().contains(p.get().team());
            if (involved) {
                long days = ChronoUnit.DAYS.between(today, m.getPlannedDate());
                lines.add(io.auditflow.common.Messages.get("mail.digest.auditLine", locale,
                        io.auditflow.common.Labels.of(m.getType(), locale), p.get().name(),
                        ReminderMails.day(m.getPlannedDate(), locale), days == 0
                                ? io.auditflow.common.Messages.get("mail.digest.today", locale)
                                : io.auditflow.common.Messages.get("mail.digest.inDays", locale, days),
                        mails.programLink(p.get().id())));
            }
        }
        return lines;
    }
}
