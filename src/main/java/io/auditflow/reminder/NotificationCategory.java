package io.auditflow.reminder;

/** Kinds of mail a person can choose how to receive; escalations always come right away. */
public enum NotificationCategory {
    AUDIT_REMINDER("Upcoming audits and report dates", true),
    TASK_REMINDER("Tasks due soon and due today", true),
    ESCALATION("Overdue tasks (escalations)", false);

    private final String label;
    private final boolean optional;

    NotificationCategory(String label, boolean optional) {
        this.label = label;
        this.optional = optional;
    }

    public String label() {
        return label;
    }

    /** False for escalations: they cannot be moved to the digest or switched off. */
    public boolean optional() {
        return optional;
    }
}
