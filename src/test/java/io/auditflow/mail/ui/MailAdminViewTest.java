package io.auditflow.mail.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import io.auditflow.IntegrationTest;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.MailStatus;
import io.auditflow.mail.OutboxEntry;
import io.auditflow.mail.OutboxSender;
import io.auditflow.mail.OutgoingMail;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MailAdminViewTest extends KaribuTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxSender sender;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_sees_held_and_failed_mails_with_the_reason_and_resends_one() {
        outbox.enqueue(new OutgoingMail(run + ":held", "TASK_REMINDER", "member", "member@auditflow.example",
                "Held mail " + run, "text", "<p>html</p>", null, null));
        outbox.enqueue(new OutgoingMail(run + ":nobody", "TASK_REMINDER", "ghost", null,
                "No address " + run, "text", "<p>html</p>", null, null));
        // the embedded default has no SMTP server: the sender keeps mails as held
        sender.sendDue();

        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/mail");
        assertThat(_get(Paragraph.class, spec -> spec.withId("smtp-note")).getText()).contains("No SMTP server is configured");
        Grid<OutboxEntry> grid = _get(Grid.class);
        MailAdminView view = _get(MailAdminView.class);
        view.search.setValue(run);
        List<OutboxEntry> rows = rows(grid);
        assertThat(rows).extracting(OutboxEntry::subject).containsExactlyInAnyOrder("Held mail " + run, "No address " + run);
        OutboxEntry held = rows.stream().filter(e -> e.subject().startsWith("Held")).findFirst().orElseThrow();
        assertThat(held.status()).isEqualTo(MailStatus.HELD);
        assertThat(held.lastError()).isEqualTo("Not sent: no SMTP server configured");
        OutboxEntry failed = rows.stream().filter(e -> e.subject().startsWith("No address")).findFirst().orElseThrow();
        assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.lastError()).contains("has no e-mail address");

        view.status.setValue(MailStatus.FAILED);
        assertThat(rows(grid)).extracting(OutboxEntry::subject).containsExactly("No address " + run);
        view.status.clear();

        rows = rows(grid);
        Button resend = (Button) GridKt._getCellComponent(grid, rows.indexOf(held), "actions");
        assertThat(resend.getId()).hasValue("resend-" + held.id());
        resend.click();
        OutboxEntry again = outbox.find(held.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(MailStatus.QUEUED);
        assertThat(again.resends()).isEqualTo(1);
        rows = rows(grid);
        assertThat(((Button) GridKt._getCellComponent(grid, rows.indexOf(failed), "actions")).isEnabled())
                .as("nothing to resend to without an address").isFalse();
    }

    @Test
    void the_grid_loads_lazily_so_many_mails_cost_one_page() {
        IntStream.range(0, 120).forEach(i -> outbox.enqueue(new OutgoingMail(run + ":bulk" + i, "TEST", null,
                "bulk" + i + "@test.example", "Bulk " + run + " " + i, "t", "<p>h</p>", null, null)));
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/mail");
        MailAdminView view = _get(MailAdminView.class);
        view.search.setValue("Bulk " + run);
        assertThat(GridKt._size(view.grid)).isEqualTo(120);
        assertThat(GridKt._get(view.grid, 0).subject()).isEqualTo("Bulk " + run + " 119");
    }

    private static List<OutboxEntry> rows(Grid<OutboxEntry> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }
}
