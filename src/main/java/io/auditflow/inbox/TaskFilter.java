package io.auditflow.inbox;

import io.auditflow.program.Framework;

/** What an inbox list shows; every part but {@code view} may be null (no filter). */
public record TaskFilter(TaskListView view, Long programId, Framework framework, DueWindow due, String q) {

    public static TaskFilter of(TaskListView view) {
        return new TaskFilter(view, null, null, null, null);
    }
}
