package io.auditflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.mail.OutboxSender;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.reminder.ReminderFixture.Seen;
import io.auditflow.support.GreenMailSupport;
import io.auditflow.support.TestClock;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Whole audit cycles, day by day: exactly the expected mails reach the expected people on the expected days. */
@IntegrationTest
class ReminderCycleTest extends GreenMailSupport {

    @Autowired UserService users;
    @Autowired ProgramService programs;
    @Autowired MilestoneService milestones;
    @Autowired ReminderSettingsService settings;
    @Autowired ReminderScanner scanner;
    @Autowired DigestJob digest;
    @Autowired OutboxSender sender;
    @Autowired TestClock clock;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    ReminderFixture f;

    @BeforeEach
    void setUp() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        f = new ReminderFixture(users, programs);
        ReminderFixture.deployTestProcess(repository);
    }

    @Test
    void a_whole_soc2_type2_year_sends_exactly_the_expected_mails_on_the_expected_days() throws Exception {
        Program p = f.program(Framework.SOC2_TYPE2);
        LocalDate fieldwork = LocalDate.of(2026, 10, 5);
        LocalDate report = LocalDate.of(2027, 2, 26);
        SystemAuthentication.run(() -> {
            milestones.plan(p.id(), MilestoneType.OBSERVATION_START, 1, LocalDate.of(2026, 1, 1));
            milestones.plan(p.id(), MilestoneType.OBSERVATION_END, 1, LocalDate.of(2026, 12, 31));
            milestones.plan(p.id(), MilestoneType.FIELDWORK_START, 1, fieldwork);
            milestones.plan(p.id(), MilestoneType.FIELDWORK_END, 1, LocalDate.of(2026, 11, 13));
            milestones.plan(p.id(), MilestoneType.REPORT_ISSUED, 1, report);
            milestones.plan(p.id(), MilestoneType.REPORT_STALE, 1, LocalDate.of(2027, 12, 31));
        });
        LocalDate reviewDue = LocalDate.of(2026, 3, 31);
        LocalDate testDue = LocalDate.of(2026, 6, 30);
        String review = ReminderFixture.startTask(runtime, tasks, p, "Q1 user access review " + f.id, reviewDue, null);
        String pentest = ReminderFixture.startTask(runtime, tasks, p, "Penetration test " + f.id, testDue, f.member1);

        List<Seen> seen = f.runDays(clock, LocalDate.of(2026, 1, 5), LocalDate.of(2027, 3, 1), scanner, digest, sender,
                GreenMailSupport::received, day -> {
                    if (day.equals(reviewDue)) {
                        tasks.complete(review);
                    }
                    if (day.equals(LocalDate.of(2026, 6, 25))) {
                        tasks.complete(pentest);
                    }
                });

        List<String> expected = new ArrayList<>();
        for (int offset : List.of(90, 60, 30, 7, 1)) {
            for (String person : List.of(f.owner, f.member1, f.member2)) {
                expected.add(audit(fieldwork.minusDays(offset), person, "Fieldwork starts", offset, p));
                expected.add(audit(report.minusDays(offset), person, "Report issued", offset, p));
            }
        }
        for (String person : List.of(f.member1, f.member2)) {
            String name = "Q1 user access review " + f.id + " (" + p.name() + ")";
            expected.add(reviewDue.minusDays(7) + " " + ReminderFixture.email(person) + " Due in 7 days: " + name);
            expected.add(reviewDue.minusDays(1) + " " + ReminderFixture.email(person) + " Due tomorrow: " + name);
            expected.add(reviewDue + " " + ReminderFixture.email(person) + " Due today: " + name);
        }
        expected.add(testDue.minusDays(7) + " " + ReminderFixture.email(f.member1) + " Due in 7 days: Penetration test "
                + f.id + " (" + p.name() + ")");

        assertThat(seen.stream().filter(s -> s.subject().contains(f.id)).map(Seen::toString).sorted().toList()).isEqualTo(expected.stream().sorted().toList());
        assertThat(received().stream().filter(m -> ReminderFixture.recipient(m).equals(ReminderFixture.email(f.owner))
                && ReminderFixture.subject(m).startsWith("Fieldwork starts in 30 days")).findFirst().orElseThrow())
                .satisfies(m -> assertThat(calendarOf(m)).contains("DTSTART;VALUE=DATE:20261005", "SUMMARY:Fieldwork starts"));
    }

    @Test
    void a_whole_iso_cycle_with_the_programs_own_offsets_sends_exactly_the_expected_mails() {
        Program p = f.program(Framework.ISO27001);
        // ISO practice: 9 weeks, 5 weeks, 2 weeks and 1 week before an audit (a per-program override).
        SystemAuthentication.run(() -> settings.save(p.id(), "63, 35, 14, 7", "", ""));
        Map<MilestoneType, LocalDate> plan = new java.util.LinkedHashMap<>();
        plan.put(MilestoneType.STAGE1_AUDIT, LocalDate.of(2026, 3, 2));
        plan.put(MilestoneType.STAGE2_AUDIT, LocalDate.of(2026, 4, 13));
        plan.put(MilestoneType.CERTIFICATION_DECISION, LocalDate.of(2026, 5, 4));
        plan.put(MilestoneType.SURVEILLANCE_AUDIT_1, LocalDate.of(2027, 4, 12));
        plan.put(MilestoneType.SURVEILLANCE_AUDIT_2, LocalDate.of(2028, 4, 10));
        plan.put(MilestoneType.RECERTIFICATION_AUDIT, LocalDate.of(2029, 2, 5));
        plan.put(MilestoneType.CERTIFICATE_EXPIRY, LocalDate.of(2029, 5, 3));
        SystemAuthentication.run(() -> plan.forEach((type, date) -> milestones.plan(p.id(), type, 1, date)));
        LocalDate start = LocalDate.of(2026, 1, 5);

        List<Seen> seen = f.runDays(clock, start, LocalDate.of(2029, 5, 4), scanner, digest, sender,
                GreenMailSupport::received, day -> {
                    if (day.equals(LocalDate.of(2026, 3, 2))) {
                        SystemAuthentication.run(() -> milestones.markDone(p.id(), MilestoneType.STAGE1_AUDIT, 1, day));
                    }
                });

        List<String> expected = new ArrayList<>();
        List<Integer> offsets = List.of(63, 35, 14, 7);
        plan.forEach((type, date) -> {
            if (type == MilestoneType.CERTIFICATION_DECISION) {
                return; // not a date people are reminded of
            }
            for (int offset : offsets) {
                LocalDate day = date.minusDays(offset);
                if (day.isBefore(start)) {
                    // the Stage 1 reminder 63 days ahead fell before the program existed: it goes out on the first day
                    if (Offsets.dueOffset(offsets, ChronoUnit.DAYS.between(start, date)) == offset) {
                        for (String person : List.of(f.owner, f.member1, f.member2)) {
                            expected.add(start + " " + ReminderFixture.email(person) + " " + type.label() + " in "
                                    + ChronoUnit.DAYS.between(start, date) + " days: " + p.name());
                        }
                    }
                    continue;
                }
                for (String person : List.of(f.owner, f.member1, f.member2)) {
                    expected.add(audit(day, person, type.label(), offset, p));
                }
            }
        });
        assertThat(expected).hasSize(6 * 4 * 3);
        assertThat(seen.stream().filter(s -> s.subject().contains(f.id)).map(Seen::toString).sorted().toList()).isEqualTo(expected.stream().sorted().toList());
    }

    private static String audit(LocalDate day, String person, String label, int offset, Program p) {
        return day + " " + ReminderFixture.email(person) + " " + label + (offset == 1 ? " tomorrow" : " in " + offset + " days")
                + ": " + p.name();
    }

    private static String calendarOf(MimeMessage m) {
        try {
            Multipart mixed = (Multipart) m.getContent();
            for (int i = 0; i < mixed.getCount(); i++) {
                if (mixed.getBodyPart(i).getContentType().toLowerCase().startsWith("text/calendar")) {
                    return new String(mixed.getBodyPart(i).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
