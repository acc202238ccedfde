package io.auditflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.lifecycle.LifecycleRequest;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.lifecycle.TaskForms;
import io.auditflow.mail.OutboxSender;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.support.GreenMailSupport;
import io.auditflow.support.TestClock;
import io.auditflow.support.FormAnswers;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whole audit cycles driven by the real lifecycle processes, day by day: the engine's jobs run,
 * the reminder jobs run, GreenMail receives, and the team completes each task on its due date.
 * The expected mails are derived from the documented rules applied to the milestones and tasks the
 * processes produced that day; the test checks exactly those mails arrived, to those people, that day.
 */
@IntegrationTest
class ReminderCycleTest extends GreenMailSupport {

    @Autowired UserService users;
    @Autowired ProgramService programs;
    @Autowired MilestoneService milestones;
    @Autowired LifecycleService lifecycle;
    @Autowired ReminderSettingsService settings;
    @Autowired ReminderScanner scanner;
    @Autowired DigestJob digest;
    @Autowired OutboxSender sender;
    @Autowired TestClock clock;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired TaskForms forms;

    ReminderFixture f;

    @BeforeEach
    void setUp() {
        f = new ReminderFixture(users, programs);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_whole_soc2_type2_year_sends_exactly_the_expected_mails_on_the_expected_days() throws Exception {
        clock.setDate(LocalDate.of(2025, 12, 1));
        Program p = f.program(Framework.SOC2_TYPE2);
        SystemAuthentication.run(() -> lifecycle.startLifecycle(p.id(), LifecycleRequest.typeTwo(LocalDate.of(2026, 1, 1), 12, false)));

        Run run = new Run(p, settings.defaults());
        run.days(LocalDate.of(2025, 12, 1), LocalDate.of(2027, 5, 31));

        assertThat(run.seenLines()).isEqualTo(run.expectedLines());
        LocalDate fieldwork = milestone(p, MilestoneType.FIELDWORK_START).getPlannedDate();
        LocalDate report = milestone(p, MilestoneType.REPORT_ISSUED).getPlannedDate();
        // anchors that do not come from the model
        assertThat(run.seenLines()).contains(
                fieldwork.minusDays(90) + " " + ReminderFixture.email(f.owner) + " Fieldwork starts in 90 days: " + p.name(),
                fieldwork.minusDays(1) + " " + ReminderFixture.email(f.member2) + " Fieldwork starts tomorrow: " + p.name(),
                report.minusDays(30) + " " + ReminderFixture.email(f.member1) + " Report issued in 30 days: " + p.name());
        assertThat(run.seenLines().stream().filter(l -> l.contains(" Due today: ")).count()).as("task reminders").isGreaterThan(10);
        assertThat(run.seenLines()).noneMatch(l -> l.contains("Overdue"));
        MimeMessage withCalendar = received().stream().filter(m -> ReminderFixture.recipient(m).equals(ReminderFixture.email(f.owner))
                && ReminderFixture.subject(m).startsWith("Fieldwork starts in 30 days")).findFirst().orElseThrow();
        assertThat(calendarOf(withCalendar)).contains("DTSTART;VALUE=DATE:" + fieldwork.toString().replace("-", ""),
                "SUMMARY:Fieldwork starts");
    }

    @Test
    void a_whole_iso_cycle_with_the_programs_own_offsets_sends_exactly_the_expected_mails() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Program p = f.program(Framework.ISO27001);
        // ISO practice: 9 weeks, 5 weeks, 2 weeks and 1 week before an audit (a per-program override).
        Offsets own = SystemAuthentication.call(() -> settings.save(p.id(), "63, 35, 14, 7", "", ""));
        SystemAuthentication.run(() -> lifecycle.startLifecycle(p.id(), LifecycleRequest.isoInitial(LocalDate.of(2026, 2, 2), null)));

        Run run = new Run(p, own);
        run.days(LocalDate.of(2026, 1, 5), LocalDate.of(2029, 4, 30));

        assertThat(run.seenLines()).isEqualTo(run.expectedLines());
        LocalDate s1 = milestone(p, MilestoneType.SURVEILLANCE_AUDIT_1).getActualDate();
        assertThat(run.seenLines()).contains(
                s1.minusDays(63) + " " + ReminderFixture.email(f.owner) + " Surveillance audit 1 in 63 days: " + p.name(),
                s1.minusDays(7) + " " + ReminderFixture.email(f.member1) + " Surveillance audit 1 in 7 days: " + p.name());
        assertThat(run.seenLines()).noneMatch(l -> l.contains("in 90 days") || l.contains("tomorrow: " + p.name()));
        assertThat(run.seenLines().stream().filter(l -> l.contains("Recertification audit in")).count()).isEqualTo(4 * 3);
    }

    private Milestone milestone(Program p, MilestoneType type) {
        return milestones.find(p.id(), type, 1).orElseThrow();
    }

    /** One simulated stretch of days for one program, with the model of what should arrive. */
    private final class Run {
        final Program program;
        final Offsets offsets;
        final String businessKey;
        final List<String> expected = new ArrayList<>();
        final List<String> seen = new ArrayList<>();
        final Set<String> modelled = new HashSet<>();
        final Map<String, Integer> counted = new HashMap<>();

        Run(Program program, Offsets offsets) {
            this.program = program;
            this.offsets = offsets;
            this.businessKey = LifecycleService.businessKey(program.id());
        }

        void days(LocalDate from, LocalDate to) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                clock.setDate(day);
                runDueJobs();
                model(day);
                SystemAuthentication.run(() -> {
                    scanner.runOnce();
                    digest.runOnce();
                });
                sender.sendDue();
                collect(day);
                completeDueTasks(day);
            }
        }

        List<String> seenLines() {
            return seen.stream().sorted().toList();
        }

        List<String> expectedLines() {
            return expected.stream().sorted().toList();
        }

        private void model(LocalDate day) {
            String name = program.name();
            for (Milestone m : milestones.ofProgram(program.id())) {
                if (!ReminderScanner.REMINDED.contains(m.getType()) || m.getStatus() == MilestoneStatus.DONE
                        || m.getPlannedDate() == null) {
                    continue;
                }
                long left = ChronoUnit.DAYS.between(day, m.getPlannedDate());
                Integer off = left < 1 ? null : Offsets.dueOffset(offsets.milestones(), left);
                if (off != null && modelled.add("M" + m.getId() + m.getPlannedDate() + off)) {
                    for (String person : List.of(f.owner, f.member1, f.member2)) {
                        expected.add(day + " " + ReminderFixture.email(person) + " " + m.getType().label()
                                + (left == 1 ? " tomorrow" : " in " + left + " days") + ": " + name);
                    }
                }
            }
            for (Task t : openTasks()) {
                if (t.getDueDate() == null) {
                    continue;
                }
                LocalDate due = LocalDate.ofInstant(t.getDueDate().toInstant(), ZoneOffset.UTC);
                long left = ChronoUnit.DAYS.between(day, due);
                String suffix = t.getName() + " (" + name + ")";
                List<String> team = t.getAssignee() != null ? List.of(t.getAssignee()) : List.of(f.member1, f.member2);
                if (left > 0) {
                    Integer off = Offsets.dueOffset(offsets.tasks(), left);
                    if (off != null && modelled.add("T" + t.getId() + due + off)) {
                        team.forEach(u -> expected.add(day + " " + ReminderFixture.email(u) + " Due "
                                + (left == 1 ? "tomorrow" : "in " + left + " days") + ": " + suffix));
                    }
                } else if (left == 0 && modelled.add("T" + t.getId() + due + "due")) {
                    team.forEach(u -> expected.add(day + " " + ReminderFixture.email(u) + " Due today: " + suffix));
                } else if (left < 0) {
                    long overdue = -left;
                    List<Integer> steps = offsets.escalation();
                    for (int step = 1; step <= 3 && overdue >= steps.get(step - 1); step++) {
                        if (!modelled.add("T" + t.getId() + due + "E" + step)) {
                            continue;
                        }
                        String o = overdue == 1 ? "1 day" : overdue + " days";
                        List<String> to = step == 1 ? team : List.of(step == 2 ? f.manager : f.executive);
                        String subject = step == 1 ? "Overdue: " + suffix
                                : step == 2 ? "Overdue " + o + " in your team: " + suffix : "Escalation, overdue " + o + ": " + suffix;
                        to.forEach(u -> expected.add(day + " " + ReminderFixture.email(u) + " " + subject));
                    }
                }
            }
        }

        private void collect(LocalDate day) {
            Set<String> mine = f.addresses();
            Map<String, Integer> now = new HashMap<>();
            List<MimeMessage> all = received();
            for (MimeMessage m : all) {
                if (mine.contains(ReminderFixture.recipient(m)) && ReminderFixture.subject(m).contains(program.name())) {
                    String key = messageId(m) + ReminderFixture.recipient(m);
                    int n = now.merge(key, 1, Integer::sum);
                    if (n > counted.getOrDefault(key, 0)) {
                        seen.add(day + " " + ReminderFixture.recipient(m) + " " + ReminderFixture.subject(m));
                        counted.put(key, n);
                    }
                }
            }
        }

        private List<Task> openTasks() {
            return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).active().initializeFormKeys().list();
        }

        private void runDueJobs() {
            for (int guard = 0; guard < 5000; guard++) {
                Set<String> mine = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                        .map(pi -> pi.getId()).collect(Collectors.toSet());
                Job due = management.createJobQuery().executable().orderByJobDuedate().asc().list().stream()
                        .filter(j -> mine.contains(j.getProcessInstanceId())).findFirst().orElse(null);
                if (due == null) {
                    return;
                }
                management.executeJob(due.getId());
            }
            throw new AssertionError("Jobs keep coming");
        }

        /** The team does each task on its due date (after the day's mails), as a diligent team would. */
        private void completeDueTasks(LocalDate day) {
            for (int round = 0; round < 50; round++) {
                List<Task> due = openTasks().stream().filter(t -> t.getDueDate() != null
                        && !LocalDate.ofInstant(t.getDueDate().toInstant(), ZoneOffset.UTC).isAfter(day)).toList();
                if (due.isEmpty()) {
                    return;
                }
                for (Task t : due) {
                    Map<String, Object> variables = forms.validate(t.getFormKey(), answers(t.getFormKey(), day));
                    SystemAuthentication.run(() -> tasks.complete(t.getId(), variables));
                }
                runDueJobs();
            }
        }
    }

    /** The lifecycle's own plausible answers; forms it does not know are completed empty. */
    static Map<String, Object> answers(String formKey, LocalDate day) {
        Map<String, Object> answers = FormAnswers.plausible(formKey, day);
        return answers == null ? Map.of() : answers;
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
