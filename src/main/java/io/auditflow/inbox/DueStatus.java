package io.auditflow.inbox;

/** How urgent a task is; the inbox colours rows by it. */
public enum DueStatus {
    OVERDUE, DUE_SOON, ON_TRACK, NO_DUE_DATE, CLOSED
}
