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
}
