package io.auditflow.reminder;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.mail.OutboxSender;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/**
 * People, a team and a program of one test, with unique names so tests sharing the application
 * context cannot see each other's mail; plus a day-by-day runner of scanner, digest and sender.
 */
class ReminderFixture {

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String team = "team" + id;
    final String owner = "owner" + id;
    final String member1 = "ann" + id;
    final String member2 = "ben" + id;
    final String manager = "mgr" + id;
    final String executive = "exec" + id;

    private final UserService users;
    private final ProgramService programs;

    ReminderFixture(UserService users, ProgramService programs) {
        this.users = users;
        this.programs = programs;
        SystemAuthentication.run(() -> {
            users.seedTeam(team, "Team " + id, null);
            users.seedUser(owner, "Olivia Owner", email(owner), "password", Set.of(Role.COMPLIANCE_MANAGER), Set.of());
            users.seedUser(member1, "Ann Member", email(member1), "password", Set.of(Role.COMPLIANCE_MEMBER), Set.of(team));
            users.seedUser(member2, "Ben Member", email(member2), "password", Set.of(Role.COMPLIANCE_MEMBER), Set.of(team));
            users.seedUser(manager, "Mia Manager", email(manager), "password", Set.of(Role.COMPLIANCE_MANAGER), Set.of());
            users.seedUser(executive, "Eli Executive", email(executive), "password", Set.of(Role.EXECUTIVE), Set.of());
            users.seedTeam(team, "Team " + id, manager);
        });
    }

    static String email(String username) {
        return username + "@test.example";
    }

    Set<String> addresses() {
        return Set.of(email(owner), email(member1), email(member2), email(manager), email(executive));
    }

    Program program(Framework framework) {
        return SystemAuthentication.call(() -> programs.create(new ProgramRequest("Program " + id + " " + framework,
                framework, framework == Framework.ISO27001 ? EnumSet.noneOf(TrustCategory.class) : EnumSet.of(TrustCategory.SECURITY),
                "Test scope", framework == Framework.ISO27001 ? "2022" : null, owner, team)));
    }

    static void deployTestProcess(RepositoryService repository) {
        synchronized (ReminderFixture.class) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey("reminderTestProcess").count() == 0) {
                repository.createDeployment().name("reminder-test")
                        .addClasspathResource("reminder/reminderTestProcess.bpmn").deploy();
            }
        }
    }

    /** Starts a process with one open task as the lifecycle contract describes it; returns the task id. */
    static String startTask(RuntimeService runtime, TaskService tasks, Program program, String name, LocalDate due,
                            String assignee) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("programId", program.id());
        vars.put("teamCode", program.team());
        vars.put("cycle", 1);
        vars.put("taskName", name);
        vars.put("dueDate", Date.from(due.atTime(17, 0).toInstant(ZoneOffset.UTC)));
        vars.put("assignee", assignee);
        String pi = runtime.startProcessInstanceByKey("reminderTestProcess", vars).getId();
        return tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    }

    /** One mail as seen at the SMTP server, on the day it arrived. */
    record Seen(LocalDate day, String to, String subject) {
        @Override
        public String toString() {
            return day + " " + to + " " + subject;
        }
    }

    /**
     * Runs the jobs as the schedule would, once per day from {@code from} to {@code to}, and
     * returns what arrived at the SMTP server for this fixture's people, with the day. A hook
     * runs at the end of each day (to complete tasks and the like).
     */
    List<Seen> runDays(TestClock clock, LocalDate from, LocalDate to, ReminderScanner scanner, DigestJob digest,
                       OutboxSender sender, Supplier<List<MimeMessage>> received, java.util.function.Consumer<LocalDate> endOfDay) {
        List<Seen> seen = new ArrayList<>();
        Set<String> mine = new LinkedHashSet<>(addresses());
        // GreenMail lists messages by mailbox, not by arrival: count each Message-ID to see what is new today
        Map<String, Integer> counted = count(received.get(), mine);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            clock.setDate(day);
            SystemAuthentication.run(() -> {
                scanner.runOnce();
                digest.runOnce();
            });
            sender.sendDue();
            Map<String, Integer> now = count(received.get(), mine);
            for (MimeMessage m : received.get()) {
                String key = key(m);
                if (mine.contains(recipient(m)) && now.get(key) > counted.getOrDefault(key, 0)) {
                    seen.add(new Seen(day, recipient(m), subject(m)));
                    counted.merge(key, 1, Integer::sum);
                }
            }
            endOfDay.accept(day);
        }
        return seen;
    }

    private static Map<String, Integer> count(List<MimeMessage> messages, Set<String> mine) {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : messages) {
            if (mine.contains(recipient(m))) {
                counts.merge(key(m), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String key(MimeMessage m) {
        try {
            return m.getMessageID() + " " + recipient(m);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString().toLowerCase();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
