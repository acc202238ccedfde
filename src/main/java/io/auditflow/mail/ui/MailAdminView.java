package io.auditflow.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.ValidationException;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.MailStatus;
import io.auditflow.mail.MailTransport;
import io.auditflow.mail.OutboxEntry;
import io.auditflow.security.Roles;
import io.auditflow.ui.Notifications;
import io.auditflow.ui.Format;
import io.auditflow.ui.ScreenWidth;
import io.auditflow.ui.AdminWarnings;
import io.auditflow.common.BaseUrlCheck;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;

/** Every mail the product wrote: queued, sent, failed with the reason, held, retried; one can be sent again. */
@Route("admin/mail")
@PageTitle("Mail")
@Menu(order = 92, icon = "vaadin:envelopes-o", title = "Mail")
@RolesAllowed(Roles.ADMIN)
class MailAdminView extends VerticalLayout {

    final Grid<OutboxEntry> grid = new Grid<>(OutboxEntry.class, false);
    final ComboBox<MailStatus> status = new ComboBox<>(Format.text("admin.mail.status"));
    final TextField search = new TextField(Format.text("admin.mail.search"));
    final Paragraph smtpNote = new Paragraph();

    private final MailOutbox outbox;
    private final ZoneId zone;

    MailAdminView(MailOutbox outbox, MailTransport transport, AuditflowProperties properties, BaseUrlCheck baseUrl) {
        this.outbox = outbox;
        AdminWarnings.baseUrl(baseUrl).ifPresent(this::add);
        this.zone = properties.zone();
        setSizeFull();
        addClassName("mail-admin");

        smtpNote.setId("smtp-note");
        smtpNote.setText(transport.configured()
                ? Format.text("admin.mail.smtp")
                : Format.text("admin.mail.noSmtp"));

        status.setId("mail-status-filter");
        status.setItems(MailStatus.values());
        status.setItemLabelGenerator(Format::label);
        status.setPlaceholder(Format.text("admin.mail.all"));
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        search.setId("mail-search");
        search.setPlaceholder(Format.text("admin.mail.searchHint"));
        search.setWidth("18em"); // the whole placeholder, not "Recipient or subjec"
        search.setMaxWidth("100%");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        // Every column shares the width and wraps, so at 1440 px the reason and the actions stay on screen.
        var queued = grid.addColumn(e -> time(e.createdAt())).setHeader(Format.text("admin.mail.queued")).setWidth("7.5em").setFlexGrow(0);
        // An address that does not fit breaks before its "@" (a <wbr>, which copying leaves out), not inside a word.
        var to = grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<OutboxEntry>of("${item.local}<wbr>${item.domain}")
                        .withProperty("local", e -> recipient(e)[0]).withProperty("domain", e -> recipient(e)[1]))
                .setHeader(Format.text("admin.mail.to")).setWidth("11em").setFlexGrow(2);
        grid.addColumn(OutboxEntry::subject).setHeader(Format.text("admin.mail.subject")).setWidth("9em").setFlexGrow(3)
                .setTooltipGenerator(OutboxEntry::subject);
        var kind = grid.addColumn(e -> kind(e.category())).setHeader(Format.text("admin.mail.kind")).setWidth("6em").setFlexGrow(1);
        grid.addComponentColumn(MailAdminView::statusBadge).setHeader(Format.text("admin.mail.status")).setWidth("6.5em").setFlexGrow(0);
        var attempts = grid.addColumn(e -> e.attempts() + (e.resends() > 0 ? " (" + Format.text("admin.mail.resentTimes", e.resends()) + ")" : ""))
                .setHeader(Format.text("admin.mail.attempts")).setWidth("6.5em").setFlexGrow(0);
        var sent = grid.addColumn(e -> e.status() == MailStatus.SENT ? time(e.sentAt())
                        : e.status() == MailStatus.QUEUED && e.attempts() > 0 ? Format.text("admin.mail.retry", time(e.nextAttemptAt())) : "")
                .setHeader(Format.text("admin.mail.sentOrNext")).setWidth("7.5em").setFlexGrow(0);
        var reason = grid.addColumn(e -> nz(e.lastError())).setHeader(Format.text("admin.mail.reason")).setKey("reason").setWidth("8em").setFlexGrow(3)
                .setTooltipGenerator(e -> nz(e.lastError()));
        // On a phone: subject, status and the menu; the mail's dialog shows the rest.
        ScreenWidth.follow(this, width -> java.util.List.of(queued, to, kind, attempts, sent, reason)
                .forEach(c -> c.setVisible(width >= ScreenWidth.NARROW)));
        grid.addComponentColumn(this::actions).setKey("actions").setHeader("").setWidth("3.5em").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("wrap-anywhere"); // an address too long for its column breaks instead of ending in "…"
        grid.setId("mail-grid");
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setItems(query -> outbox.page(status.getValue(), search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> outbox.count(status.getValue(), search.getValue()));
        grid.setSizeFull();

        HorizontalLayout filters = new HorizontalLayout(status, search);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        filters.setWidthFull();
        add(smtpNote, filters, grid);
    }

    /** Open and Resend in one "…" menu per row. */
    private MenuBar actions(OutboxEntry e) {
        MenuBar menu = io.auditflow.ui.ComponentWords.menuBar();
        menu.setId("mail-actions-" + e.id());
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        Icon dots = new Icon(VaadinIcon.ELLIPSIS_DOTS_H);
        // An icon carries a name only with a role (axe: aria-allowed-attr); the menu button takes its name from it.
        dots.getElement().setAttribute("role", "img");
        dots.getElement().setAttribute("aria-label", Format.text("admin.mail.actions"));
        SubMenu items = menu.addItem(dots).getSubMenu();
        items.addItem(Format.text("admin.mail.open"), click -> open(e)).setId("open-" + e.id());
        MenuItem resend = items.addItem(Format.text("admin.mail.resend"), click -> resend(e.id()));
        resend.setId("resend-" + e.id());
        resend.setEnabled(e.recipientEmail() != null);
        return menu;
    }

    MailDialog open(OutboxEntry entry) {
        MailDialog dialog = new MailDialog(entry, outbox);
        dialog.open();
        return dialog;
    }

    void resend(long id) {
        try {
            OutboxEntry e = outbox.resend(id);
            Notifications.success(Format.text("admin.mail.queuedAgain", e.subject(), e.recipientEmail()));
        } catch (ValidationException ex) {
            Notifications.error(ex.errors().get(0).message());
        } catch (NotFoundException ex) {
            Notifications.error(ex.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }

    private static Span statusBadge(OutboxEntry e) {
        Span badge = new Span(Format.label(e.status()));
        badge.getElement().getThemeList().add("badge");
        switch (e.status()) {
            case SENT -> badge.getElement().getThemeList().add("success");
            case FAILED -> badge.getElement().getThemeList().add("error");
            case HELD -> badge.getElement().getThemeList().add("contrast");
            default -> {
            }
        }
        return badge;
    }

    private String time(Instant instant) {
        return instant == null ? "" : Format.dateTime(instant);
    }

    private static String kind(String category) {
        if (category == null) {
            return "";
        }
        String words = category.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The "To" words in two parts: before the "@" and from it on (the second part is empty without an address). */
    private static String[] recipient(OutboxEntry e) {
        if (e.recipientEmail() == null) {
            return new String[] {Format.text("admin.mail.noAddress") + " " + nz(e.recipientUsername()), ""};
        }
        int at = e.recipientEmail().indexOf('@');
        return at <= 0 ? new String[] {e.recipientEmail(), ""}
                : new String[] {e.recipientEmail().substring(0, at), e.recipientEmail().substring(at)};
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
