package io.auditflow.notification;

/** What a notification is about; the same events the mails carry. */
public enum NotificationKind {
    ASSIGNED, DUE_SOON, OVERDUE, ESCALATED, AUDIT_SOON, SENT_BACK, REQUEST_UPDATE,
    /** The lifecycle offers to create the engagement of an audit whose auditor is engaged (managers). */
    ENGAGEMENT_OFFER
}
