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
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Every mail the product wrote: queued, sent, failed with the reason, held, retried; one can be sent again. */
@Route("admin/mail")
@PageTitle("Mail")
@Menu(order = 92, icon = "vaadin:envelopes-o", title = "Mail")
@RolesAllowed(Roles.ADMIN)
class MailAdminView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final Grid<OutboxEntry> grid = new Grid<>(OutboxEntry.class, false);
    final ComboBox<MailStatus> status = new ComboBox<>("Status");
    final TextField search = new TextField("Search");
    final Paragraph smtpNote = new Paragraph();

    private final MailOutbox outbox;
    private final ZoneId zone;

    MailAdminView(MailOutbox outbox, MailTransport transport, AuditflowProperties properties) {
        this.outbox = outbox;
        this.zone = properties.zone();
        setSizeFull();
        addClassName("mail-admin");

        smtpNote.setId("smtp-note");
        smtpNote.setText(transport.configured()
                ? "Mail goes out through the SMTP server in spring.mail.* (SMTP_HOST)."
                : "No SMTP server is configured (SMTP_HOST is empty): mails are kept here as held and go out "
                        + "as soon as a server is configured.");

        status.setId("mail-status-filter");
        status.setItems(MailStatus.values());
        status.setItemLabelGenerator(MailStatus::label);
        status.setPlaceholder("All");
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        search.setId("mail-search");
        search.setPlaceholder("Recipient or subject");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.addColumn(e -> time(e.createdAt())).setHeader("Queued").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.recipientEmail() == null ? "(no address) " + nz(e.recipientUsername()) : e.recipientEmail())
                .setHeader("To").setAutoWidth(true);
        grid.addColumn(OutboxEntry::subject).setHeader("Subject").setWidth("14em").setFlexGrow(3)
                .setTooltipGenerator(OutboxEntry::subject);
        grid.addColumn(e -> kind(e.category())).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(MailAdminView::statusBadge).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.attempts() + (e.resends() > 0 ? " (resent " + e.resends() + "x)" : ""))
                .setHeader("Attempts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.status() == MailStatus.SENT ? time(e.sentAt())
                        : e.status() == MailStatus.QUEUED && e.attempts() > 0 ? "retry " + time(e.nextAttemptAt()) : "")
                .setHeader("Sent / next try").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> nz(e.lastError())).setHeader("Reason").setWidth("12em").setFlexGrow(2)
                .setTooltipGenerator(e -> nz(e.lastError()));
        grid.addComponentColumn(this::resendButton).setKey("actions").setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(query -> outbox.page(status.getValue(), search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> outbox.count(status.getValue(), search.getValue()));
        grid.setSizeFull();

        HorizontalLayout filters = new HorizontalLayout(status, search);
        filters.setAlignItems(Alignment.BASELINE);
        add(smtpNote, filters, grid);
    }

    private Button resendButton(OutboxEntry e) {
        Button resend = new Button("Resend", new Icon(VaadinIcon.REFRESH));
        resend.setId("resend-" + e.id());
        resend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        resend.setEnabled(e.recipientEmail() != null);
        resend.addClickListener(click -> resend(e.id()));
        return resend;
    }

    void resend(long id) {
        try {
            OutboxEntry e = outbox.resend(id);
            Notifications.success("Queued again: " + e.subject() + " to " + e.recipientEmail());
        } catch (ValidationException ex) {
            Notifications.error(ex.errors().get(0).message());
        } catch (NotFoundException ex) {
            Notifications.error(ex.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }

    private static Span statusBadge(OutboxEntry e) {
        Span badge = new Span(e.status().label());
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
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    private static String kind(String category) {
        if (category == null) {
            return "";
        }
        String words = category.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
