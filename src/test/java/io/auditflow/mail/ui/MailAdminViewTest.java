package io.auditflow.mail.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
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
        MenuBar actions = (MenuBar) GridKt._getCellComponent(grid, rows.indexOf(held), "actions");
        assertThat(actions.getId()).hasValue("mail-actions-" + held.id());
        ContextMenuKt._clickItemWithID(actions, "resend-" + held.id());
        OutboxEntry again = outbox.find(held.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(MailStatus.QUEUED);
        assertThat(again.resends()).isEqualTo(1);
        rows = rows(grid);
        MenuBar failedActions = (MenuBar) GridKt._getCellComponent(grid, rows.indexOf(failed), "actions");
        assertThat(failedActions.getItems().get(0).getSubMenu().getItems())
                .filteredOn(i -> i.getId().equals(java.util.Optional.of("resend-" + failed.id())))
                .singleElement().extracting(MenuItem::isEnabled)
                .as("nothing to resend to without an address").isEqualTo(false);
    }

    @Test
    void a_mail_opens_in_a_dialog_with_its_text_its_html_in_a_sandbox_and_its_history() {
        outbox.enqueue(new OutgoingMail(run + ":open", "TASK_REMINDER", "member", "member@test.example",
                "Open me " + run, "Plain words " + run, "<p onclick=\"alert(1)\">Rich <b>words</b></p><script>alert(2)</script>",
                null, null));
        sender.sendDue();
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/mail");
        MailAdminView view = _get(MailAdminView.class);
        view.search.setValue("Open me " + run);
        OutboxEntry entry = GridKt._get(view.grid, 0);
        MenuBar actions = (MenuBar) GridKt._getCellComponent(view.grid, 0, "actions");
        ContextMenuKt._clickItemWithID(actions, "open-" + entry.id());

        MailDialog dialog = _get(MailDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Open me " + run);
        assertThat(dialog.text.getText()).isEqualTo("Plain words " + run);
        assertThat(dialog.html.getElement().getAttribute("sandbox")).as("no allow-scripts, no allow-same-origin").isEmpty();
        assertThat(dialog.html.getElement().getAttribute("srcdoc")).contains("<b>words</b>");
        assertThat(dialog.htmlSource.getText()).contains("<script>alert(2)</script>");
        assertThat(dialog.history.getElement().getTextRecursively())
                .contains("Queued").contains("Not sent: no SMTP server configured").contains("Held");
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
