package io.auditflow.inbox;

import java.time.Instant;

/** One line of a task's history: a claim, an assignment, a due date change with its reason, a comment. */
public record TaskEvent(String kind, String actor, String oldValue, String newValue, String message, Instant at) {

    public static final String CLAIMED = "CLAIMED";
    public static final String UNCLAIMED = "UNCLAIMED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String DUE_DATE_CHANGED = "DUE_DATE_CHANGED";
    public static final String COMMENT = "COMMENT";
    public static final String COMPLETED = "COMPLETED";
}
