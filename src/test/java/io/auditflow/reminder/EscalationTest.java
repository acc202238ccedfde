package io.auditflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.common.ValidationException;
import io.auditflow.identity.UserService;
import io.auditflow.mail.OutboxSender;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.reminder.ReminderFixture.Seen;
import io.auditflow.support.GreenMailSupport;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Overdue tasks escalate step by step and stop when done; escalations cannot be switched off; digests replace single mails. */
@IntegrationTest
class EscalationTest extends GreenMailSupport {

    @Autowired UserService users;
    @Autowired ProgramService programs;
    @Autowired ReminderScanner scanner;
    @Autowired DigestJob digest;
    @Autowired OutboxSender sender;
    @Autowired NotificationPreferences preferences;
    @Autowired TestClock clock;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    ReminderFixture f;
    Program program;
    final LocalDate start = LocalDate.of(2026, 5, 1);

    @BeforeEach
    void setUp() {
        clock.setDate(start);
        f = new ReminderFixture(users, programs);
        ReminderFixture.deployTestProcess(repository);
        program = f.program(Framework.SOC2_TYPE2);
    }

    @org.junit.jupiter.api.AfterEach
    void endThisTestsProcesses() {
        runtime.createProcessInstanceQuery().variableValueEquals("programId", program.id()).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    }

    @Test
    void an_overdue_task_escalates_to_assignee_then_manager_then_executives_and_stops_when_completed() {
        LocalDate due = LocalDate.of(2026, 5, 20);
        String name = "Vendor review " + f.id;
        String taskId = ReminderFixture.startTask(runtime, tasks, program, name, due, f.member1);

        List<Seen> seen = f.runDays(clock, start, LocalDate.of(2026, 6, 20), scanner, digest, sender,
                GreenMailSupport::received, day -> {
                    if (day.equals(due.plusDays(8))) {
                        tasks.complete(taskId);
                    }
                });

        String suffix = name + " (" + program.name() + ")";
        // every executive hears of every escalation: look at this task's mails only
        assertThat(seen.stream().filter(s -> s.subject().contains(name)).map(Seen::toString).toList()).containsExactly(
                due.minusDays(7) + " " + ReminderFixture.email(f.member1) + " Due in 7 days: " + suffix,
                due.minusDays(1) + " " + ReminderFixture.email(f.member1) + " Due tomorrow: " + suffix,
                due + " " + ReminderFixture.email(f.member1) + " Due today: " + suffix,
                due.plusDays(1) + " " + ReminderFixture.email(f.member1) + " Overdue: " + suffix,
                due.plusDays(3) + " " + ReminderFixture.email(f.manager) + " Overdue 3 days in your team: " + suffix,
                due.plusDays(7) + " " + ReminderFixture.email(f.executive) + " Escalation, overdue 7 days: " + suffix);
        // every executive hears of it, not only this test's
        assertThat(receivedFor(java.util.Set.of("executive@auditflow.example")).stream()
                .anyMatch(m -> subject(m).contains(name))).isTrue();
        // people and teams by their names, not their sign-in names or codes
        String toManager = receivedFor(java.util.Set.of(ReminderFixture.email(f.manager))).stream()
                .filter(m -> subject(m).contains(name))
                .map(m -> { try { return io.auditflow.support.MailText.plain(m); } catch (Exception e) { throw new IllegalStateException(e); } })
                .findFirst().orElseThrow();
        assertThat(toManager).contains("It is assigned to Ann Member.", "you manage team Team " + f.id + ".")
                .doesNotContain(f.member1);
    }

    @Test
    void an_unassigned_overdue_task_escalates_to_the_whole_team_first() {
        LocalDate due = start.plusDays(2);
        String name = "Unclaimed risk review " + f.id;
        ReminderFixture.startTask(runtime, tasks, program, name, due, null);

        List<Seen> seen = f.runDays(clock, due.plusDays(1), due.plusDays(1), scanner, digest, sender,
                GreenMailSupport::received, day -> { });

        assertThat(seen.stream().filter(s -> s.subject().contains(name)).map(Seen::toString).toList()).containsExactlyInAnyOrder(
                due.plusDays(1) + " " + ReminderFixture.email(f.member1) + " Overdue: " + name + " (" + program.name() + ")",
                due.plusDays(1) + " " + ReminderFixture.email(f.member2) + " Overdue: " + name + " (" + program.name() + ")");
    }

    @Test
    void an_escalation_cannot_be_switched_off_while_task_reminders_can() {
        signInAs(f.member1);
        try {
            assertThatThrownBy(() -> preferences.set(f.member1, NotificationCategory.ESCALATION, Delivery.OFF))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("cannot be moved to the digest or switched off");
            assertThatThrownBy(() -> preferences.set(f.member1, NotificationCategory.ESCALATION, Delivery.DIGEST))
                    .isInstanceOf(ValidationException.class);
            preferences.set(f.member1, NotificationCategory.TASK_REMINDER, Delivery.OFF);
            assertThatThrownBy(() -> preferences.set(f.member2, NotificationCategory.TASK_REMINDER, Delivery.OFF))
                    .as("nobody changes another person's preferences").isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(preferences.deliveryFor(f.member1, NotificationCategory.ESCALATION)).isEqualTo(Delivery.IMMEDIATE);

        LocalDate due = start.plusDays(3);
        String name = "Access review " + f.id;
        ReminderFixture.startTask(runtime, tasks, program, name, due, f.member1);
        List<Seen> seen = f.runDays(clock, start, due.plusDays(1), scanner, digest, sender,
                GreenMailSupport::received, day -> { });

        assertThat(seen.stream().filter(s -> s.subject().contains(name)).map(Seen::toString).toList())
                .as("no task reminders, but the escalation").containsExactly(
                due.plusDays(1) + " " + ReminderFixture.email(f.member1) + " Overdue: " + name + " (" + program.name() + ")");
    }

    @Test
    void a_person_who_prefers_the_digest_gets_one_mail_a_day_instead_of_single_reminders() {
        SystemAuthentication.run(() -> {
            preferences.set(f.member2, NotificationCategory.TASK_REMINDER, Delivery.DIGEST);
            preferences.set(f.member2, NotificationCategory.AUDIT_REMINDER, Delivery.DIGEST);
        });
        ReminderFixture.startTask(runtime, tasks, program, "Policy review " + f.id, start.plusDays(1), null);
        ReminderFixture.startTask(runtime, tasks, program, "Risk register " + f.id, start.plusDays(5), null);
        SystemAuthentication.run(() -> io.auditflow.lifecycle.MilestoneService.class.cast(
                ctxBean(io.auditflow.lifecycle.MilestoneService.class)).plan(program.id(),
                io.auditflow.lifecycle.MilestoneType.FIELDWORK_START, 1, start.plusDays(20)));

        List<Seen> seen = f.runDays(clock, start, start, scanner, digest, sender, GreenMailSupport::received, day -> { });

        List<Seen> ben = seen.stream().filter(s -> s.to().equals(ReminderFixture.email(f.member2))).toList();
        assertThat(ben).hasSize(1);
        assertThat(ben.get(0).subject()).isEqualTo("Your Auditflow digest: 0 overdue, 2 due this week, 1 upcoming audit");
        List<Seen> ann = seen.stream().filter(s -> s.to().equals(ReminderFixture.email(f.member1))).toList();
        assertThat(ann).extracting(Seen::subject).containsExactlyInAnyOrder(
                "Due tomorrow: Policy review " + f.id + " (" + program.name() + ")",
                "Due in 5 days: Risk register " + f.id + " (" + program.name() + ")",
                "Fieldwork starts in 20 days: " + program.name());
        String body = receivedFor(java.util.Set.of(ReminderFixture.email(f.member2))).stream()
                .map(m -> { try { return io.auditflow.support.MailText.plain(m); } catch (Exception e) { throw new IllegalStateException(e); } })
                .findFirst().orElseThrow();
        assertThat(body).contains("Policy review " + f.id, "Risk register " + f.id, "Fieldwork starts for", "/inbox/task/");

        // the same day again: still one digest
        f.runDays(clock, start, start, scanner, digest, sender, GreenMailSupport::received, day -> { });
        assertThat(receivedFor(java.util.Set.of(ReminderFixture.email(f.member2)))).hasSize(1);
    }

    @Autowired org.springframework.context.ApplicationContext context;

    private <T> T ctxBean(Class<T> type) {
        return context.getBean(type);
    }

    private static void signInAs(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_COMPLIANCE_MEMBER"))));
    }
}
