package io.auditflow.inbox;

/** What a bulk change does to every selected task: claim it, assign it (managers), or move its due date (managers). */
public enum BulkAction {
    CLAIM, ASSIGN, DUE_DATE
}
