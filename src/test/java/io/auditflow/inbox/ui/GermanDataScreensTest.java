package io.auditflow.inbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.inbox.InboxService;
import io.auditflow.inbox.InboxTask;
import io.auditflow.lifecycle.LifecycleRequest;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.Locale;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A German manager reads the process model's task names, the planner's coverage sentence and library control names in German. */
@IntegrationTest
class GermanDataScreensTest extends KaribuTest {

    @Autowired InboxFixture fixture;
    @Autowired InboxService inbox;
    @Autowired LifecycleService lifecycle;
    @Autowired TestClock clock;
    @Autowired org.camunda.bpm.engine.TaskService taskService;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_german_manager_reads_the_task_name_the_coverage_sentence_and_the_control_name_in_german() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Program program = fixture.program("Typ I", "grc", Framework.SOC2_TYPE1);
        Task scoping = fixture.startLifecycle(program, lifecycle, LifecycleRequest.typeOne(LocalDate.of(2026, 3, 31)));
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().setLocale(Locale.GERMAN);

        UI.getCurrent().navigate("inbox/task/" + scoping.getId());
        assertThat(_get(H3.class, spec -> spec.withText("Umfang bestätigen und Auftragsschreiben unterzeichnen"))).isNotNull();
        assertThat(_get(DatePicker.class, spec -> spec.withId("form-engagementLetterSignedOn")).getLabel())
                .isEqualTo("Auftragsschreiben unterzeichnet am");
        // what follows, from the model's flows and elements worded by flow.* / next.* (decision 0171)
        assertThat(_get(UnorderedList.class, spec -> spec.withId("task-after")).getChildren().map(c -> ((ListItem) c).getText()))
                .contains("Wenn ja: nächste Aufgabe: Bereitschaftsbewertung");
        InboxTask row = InboxFixture.as("manager", Role.COMPLIANCE_MANAGER, () -> inbox.get(scoping.getId()));
        assertThat(InboxView.taskName(row)).isEqualTo("Umfang bestätigen und Auftragsschreiben unterzeichnen");

        UI.getCurrent().navigate("programs/" + program.id());
        assertThat(_get(Span.class, spec -> spec.withId("coverage-state")).getText())
                .isEqualTo("Noch nicht abgedeckt: der erste Zeitraum beginnt am 31.03.2026");

        UI.getCurrent().navigate("controls/USER_ACCESS_REVIEW");
        assertThat(_get(H2.class, spec -> spec.withText("Überprüfung der Benutzerzugriffe"))).isNotNull();
    }

    @Test
    void a_german_member_told_that_a_task_was_just_claimed_reads_the_task_and_the_person_by_their_names() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Program program = fixture.program("Typ I Konflikt", "grc", Framework.SOC2_TYPE1);
        Task scoping = fixture.startLifecycle(program, lifecycle, LifecycleRequest.typeOne(LocalDate.of(2026, 3, 31)));
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("inbox/task/" + scoping.getId());
        taskService.claim(scoping.getId(), "manager"); // a moment after the page was opened

        com.github.mvysny.kaributesting.v10.ButtonKt._click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("claim-task")));

        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "„Umfang bestätigen und Auftragsschreiben unterzeichnen“ wurde gerade von Maya Manager übernommen");
    }

    @Test
    void an_english_manager_reads_the_stored_english_words() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Program program = fixture.program("Type I", "grc", Framework.SOC2_TYPE1);
        Task scoping = fixture.startLifecycle(program, lifecycle, LifecycleRequest.typeOne(LocalDate.of(2026, 3, 31)));
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        UI.getCurrent().navigate("inbox/task/" + scoping.getId());
        assertThat(_get(H3.class, spec -> spec.withText("Confirm scope and sign the engagement letter"))).isNotNull();
        assertThat(_get(DatePicker.class, spec -> spec.withId("form-engagementLetterSignedOn")).getLabel())
                .isEqualTo("Engagement letter signed on");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("task-after")).getChildren().map(c -> ((ListItem) c).getText()))
                .contains("If yes: next task: Readiness assessment");
        UI.getCurrent().navigate("programs/" + program.id());
        assertThat(_get(Span.class, spec -> spec.withId("coverage-state")).getText())
                .isEqualTo("Not covered yet: the first period starts 2026-03-31");
    }
}
