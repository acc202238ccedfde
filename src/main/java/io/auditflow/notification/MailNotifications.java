package io.auditflow.notification;

import io.auditflow.common.MailQueued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each mail about a person's work into the same notification in the app, in the mail's
 * transaction and under the mail's key: due soon and today, overdue, escalated, audits coming up,
 * a request sent back and other request news. Digests and board reports are summaries, not events.
 */
@Component
class MailNotifications {

    private final NotificationService notifications;

    MailNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(MailQueued mail) {
        NotificationKind kind = kindOf(mail.category(), mail.dedupKey());
        if (kind != null) {
            notifications.record("MAIL:" + mail.dedupKey(), mail.recipientUsername(), kind, mail.subject(), mail.subjectWords(),
                    mail.link());
        }
    }

    static NotificationKind kindOf(String category, String key) {
        if (category == null || key == null) {
            return null;
        }
        return switch (category) {
            case "TASK_REMINDER" -> NotificationKind.DUE_SOON;
            case "ESCALATION" -> key.contains(":ESCALATION-1:") ? NotificationKind.OVERDUE : NotificationKind.ESCALATED;
            case "AUDIT_REMINDER" -> NotificationKind.AUDIT_SOON;
            case "ENGAGEMENT" -> key.startsWith("REQUEST_SENT_BACK:") ? NotificationKind.SENT_BACK : NotificationKind.REQUEST_UPDATE;
            default -> null;
        };
    }
}
