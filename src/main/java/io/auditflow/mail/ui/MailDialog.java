package io.auditflow.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.OutboxEntry;
import io.auditflow.ui.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * One mail as it went out: the text body, the HTML body in a sandboxed frame (no scripts, no
 * same origin, no forms) and as escaped source, and what happened to it.
 */
class MailDialog extends Dialog {

    final Pre text = new Pre();
    final IFrame html = new IFrame();
    final Pre htmlSource = new Pre();
    final Div history = new Div();

    MailDialog(OutboxEntry entry, MailOutbox outbox) {
        setId("mail-dialog");
        setHeaderTitle(entry.subject());
        setWidth("min(60rem, 96vw)");
        MailOutbox.Bodies bodies = outbox.bodies(entry.id()).orElse(new MailOutbox.Bodies("", ""));

        text.setId("mail-text");
        text.setText(bodies.text());
        text.addClassName("mail-body");
        html.setId("mail-html");
        // An empty sandbox: the mail's HTML cannot run scripts, reach the app's origin, submit forms or navigate us.
        html.getElement().setAttribute("sandbox", "");
        html.getElement().setAttribute("srcdoc", bodies.html());
        html.getElement().setAttribute("referrerpolicy", "no-referrer");
        html.setTitle(Format.text("admin.mail.htmlBody"));
        html.addClassName("mail-html-frame");
        htmlSource.setId("mail-html-source");
        htmlSource.setText(bodies.html());
        htmlSource.addClassName("mail-body");

        history.setId("mail-history");
        for (String line : history(entry, outbox.history(entry.id()))) {
            Div row = new Div(new Span(line));
            row.addClassName("mail-history-row");
            history.add(row);
        }

        Div facts = new Div(new Span(Format.text("admin.mail.to") + ": "
                + (entry.recipientEmail() == null ? Format.text("admin.mail.noAddress") : entry.recipientEmail())),
                new Span(Format.text("admin.mail.status") + ": " + Format.label(entry.status())));
        facts.addClassName("mail-facts");

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(Format.text("admin.mail.textBody"), text);
        tabs.add(Format.text("admin.mail.htmlBody"), html);
        tabs.add(Format.text("admin.mail.htmlSource"), htmlSource);
        tabs.add(Format.text("admin.mail.history"), history);
        add(facts, tabs);
        Button close = new Button(Format.text("common.close"), e -> close());
        close.setId("mail-dialog-close");
        getFooter().add(close);
    }

    /** The mail's way step by step (queued, each attempt, resends), then where it stands now. */
    static List<String> history(OutboxEntry e, List<MailOutbox.Attempt> steps) {
        List<String> lines = new ArrayList<>();
        for (MailOutbox.Attempt step : steps) {
            lines.add(Format.dateTime(step.at()) + " · " + Format.text("admin.mail.outcome." + step.outcome())
                    + (step.detail() == null || step.detail().isBlank() ? "" : " · " + step.detail()));
        }
        if (steps.isEmpty()) {
            // mails queued before the history was kept (V96)
            lines.add(Format.text("admin.mail.history.queued", Format.dateTime(e.createdAt())));
            if (e.lastError() != null && !e.lastError().isBlank()) {
                lines.add(Format.text("admin.mail.history.error", e.lastError()));
            }
        }
        lines.add(Format.text("admin.mail.history.attempts", e.attempts())
                + (e.resends() > 0 ? " · " + Format.text("admin.mail.history.resent", e.resends()) : ""));
        if (e.sentAt() == null && e.nextAttemptAt() != null && e.status() == io.auditflow.mail.MailStatus.QUEUED) {
            lines.add(Format.text("admin.mail.history.next", Format.dateTime(e.nextAttemptAt())));
        }
        lines.add(Format.text("admin.mail.history.status", Format.label(e.status())));
        return lines;
    }
}
