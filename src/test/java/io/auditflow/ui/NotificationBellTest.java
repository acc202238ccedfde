package io.auditflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserService;
import io.auditflow.notification.NotificationKind;
import io.auditflow.notification.NotificationService;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The bell in the header: the unread count, the newest notifications with their links, mark all read. */
@IntegrationTest
class NotificationBellTest extends KaribuTest {

    @Autowired
    UserService users;
    @Autowired
    NotificationService notifications;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_bell_counts_unread_notifications_links_them_and_marks_all_read() {
        String name = "bell-" + UUID.randomUUID().toString().substring(0, 6);
        SystemAuthentication.run(() -> users.createUser(new UserForm(name, "Bell " + name, "",
                "bell-page-pass-123", Set.of(Role.COMPLIANCE_MEMBER), Set.of())));
        notifications.record("BELL1:" + name, name, NotificationKind.OVERDUE, "Quarterly access review", "/inbox/task/42");
        notifications.record("BELL2:" + name, name, NotificationKind.ASSIGNED, "Vulnerability scan", "/inbox/task/43");

        login(name, Role.COMPLIANCE_MEMBER);
        UI.getCurrent().navigate("feeds");
        NotificationBell bell = _get(NotificationBell.class);
        assertThat(bell.count.getText()).isEqualTo("2");
        assertThat(bell.count.isVisible()).isTrue();
        assertThat(bell.list.getChildren()).isEmpty(); // the rows are read when the list opens
        bell.popover.open();
        assertThat(bell.list.getElement().getTextRecursively())
                .contains("Assigned to you").contains("Vulnerability scan").contains("Overdue").contains("Quarterly access review");
        assertThat(bell.list.getElement().getChild(0).getChild(1).getAttribute("href")).isEqualTo("inbox/task/43");

        bell.markAll.click();
        assertThat(bell.count.isVisible()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from app_notification where username = ? and read_at is null",
                Integer.class, name)).isZero();
    }

    @Autowired
    io.auditflow.mail.MailOutbox outbox;

    private String shown(String user, java.util.Locale reader) {
        login(user, Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(reader);
        UI.getCurrent().navigate("feeds");
        NotificationBell bell = _get(NotificationBell.class);
        bell.popover.open();
        String text = bell.list.getElement().getTextRecursively();
        logout();
        return text;
    }

    @Test
    void a_notification_is_worded_for_its_reader_when_read_not_in_the_words_it_was_written_in() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String german = "de-" + run;
        String english = "en-" + run;
        // the mail was written in English for both (their language then); the phrase is what the bell words
        io.auditflow.common.Phrase words = io.auditflow.common.Phrase.of("mail.escalation.subject.2",
                io.auditflow.common.Phrase.of("mail.escalation.days", 3L),
                io.auditflow.inbox.TaskWords.named("Agree the corrective action plan"), "Payments " + run);
        for (String user : new String[] {german, english}) {
            outbox.enqueue(new io.auditflow.mail.OutgoingMail("TASK:9:2026-01-01:ESCALATION-2:" + user, "ESCALATION", user,
                    user + "@test.example", words.english(), "t", "<p>t</p>", null, "/inbox/task/9").withSubjectWords(words));
        }
        // a row from before V111 has only its stored words
        notifications.record("OLD:" + german, german, NotificationKind.ASSIGNED, "Old stored words " + run, "/inbox/task/8");

        assertThat(shown(german, java.util.Locale.GERMAN))
                .contains("3 Tage überfällig in Ihrem Team: Maßnahmenplan zur Korrektur vereinbaren (Payments " + run + ")")
                .contains("Old stored words " + run)
                .doesNotContain("Overdue 3 days");
        assertThat(shown(english, java.util.Locale.ENGLISH))
                .contains("Overdue 3 days in your team: Agree the corrective action plan (Payments " + run + ")");
        // the API keeps the words the mail was written in
        assertThat(jdbc.queryForObject("select subject from app_notification where username = ? and dedup_key like 'MAIL:%'",
                String.class, german))
                .isEqualTo("Overdue 3 days in your team: Agree the corrective action plan (Payments " + run + ")");
    }

    @Test
    void a_task_assigned_to_someone_names_the_task_in_the_readers_language() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        io.auditflow.common.Phrase words = io.auditflow.common.Phrase.of("notification.task",
                new io.auditflow.common.StoredPhrase.Data(io.auditflow.common.StoredPhrase.TASK_NAME,
                        "Certification decision", locale -> "Certification decision"));
        notifications.record("ASSIGNED:de:" + run, "de-" + run, NotificationKind.ASSIGNED, "Certification decision", words,
                "/inbox/task/7");
        assertThat(shown("de-" + run, java.util.Locale.GERMAN)).contains("Zertifizierungsentscheidung");
    }
}
