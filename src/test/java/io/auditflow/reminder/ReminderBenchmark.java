package io.auditflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.mail.OutboxSender;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Role;
import io.auditflow.support.GreenMailSupport;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 10,000 reminders falling due at once (100 tasks due tomorrow, each for a team of 100), queued by
 * one scanner run and delivered by one sender to a local GreenMail SMTP server. Prints the figures.
 * Run: ./mvnw -o -q test -Dtest=ReminderBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
@IntegrationTest
class ReminderBenchmark extends GreenMailSupport {

    static final int PEOPLE = 100;
    static final int TASKS = 100;

    @Autowired UserService users;
    @Autowired ProgramService programs;
    @Autowired ReminderScanner scanner;
    @Autowired OutboxSender sender;
    @Autowired TestClock clock;
    @Autowired io.auditflow.mail.MailSettings settings;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void ten_thousand_reminders_are_queued_and_delivered() {
        LocalDate today = LocalDate.of(2026, 9, 1);
        clock.setDate(today);
        String id = UUID.randomUUID().toString().substring(0, 6);
        String team = "bench" + id;
        Set<String> addresses = new HashSet<>();
        Program program = SystemAuthentication.call(() -> {
            users.seedTeam(team, "Benchmark team " + id, null);
            for (int i = 0; i < PEOPLE; i++) {
                String username = "b" + id + "p" + i;
                users.seedUser(username, "Person " + i, username + "@bench.example", "password",
                        Set.of(Role.COMPLIANCE_MEMBER), Set.of(team));
                addresses.add(username + "@bench.example");
            }
            return programs.create(new ProgramRequest("Benchmark " + id, Framework.SOC2_TYPE2,
                    EnumSet.of(TrustCategory.SECURITY), null, null, "manager", team));
        });
        ReminderFixture.deployTestProcess(repository);
        for (int t = 0; t < TASKS; t++) {
            ReminderFixture.startTask(runtime, tasks, program, "Benchmark task " + t, today.plusDays(1), null);
        }
        // everything else that happens to be due goes out first, so the figures are ours only
        sender.sendDue();

        long t0 = System.nanoTime();
        ReminderScanner.Result queued = SystemAuthentication.call(scanner::runOnce);
        long t1 = System.nanoTime();
        OutboxSender.Result sent = sender.sendDue();
        long t2 = System.nanoTime();

        long delivered = receivedFor(addresses).size();
        double queueSeconds = (t1 - t0) / 1e9;
        double sendSeconds = (t2 - t1) / 1e9;
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("%nReminderBenchmark: machine load average %.1f on %d cores%n", load,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%nReminderBenchmark: %d reminders queued in %.2f s (%.0f/s); %d mails delivered to SMTP in %.2f s "
                        + "= %.0f mails/s (one instance: %d per claim, %d per SMTP connection, %d connections)%n%n",
                queued.taskReminders(), queueSeconds, queued.taskReminders() / queueSeconds, delivered, sendSeconds,
                delivered / sendSeconds, settings.batchSize(), settings.perConnection(), settings.connections());
        assertThat(queued.taskReminders()).isEqualTo(PEOPLE * TASKS);
        assertThat(delivered).isEqualTo(PEOPLE * TASKS);
        assertThat(sent.sent()).isGreaterThanOrEqualTo(PEOPLE * TASKS);
        // ops (issue 15): -Pbench fails when the target is missed (docs/performance.md)
        assertThat(delivered / sendSeconds).as("mails per second, target >= 100").isGreaterThanOrEqualTo(100);
    }
}
