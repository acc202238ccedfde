package io.auditflow.inbox;

import io.auditflow.program.Framework;

/**
 * What an inbox list shows; every part but {@code view} may be null (no filter).
 * {@code controlActivities} keeps only recurring control-activity tasks.
 */
public record TaskFilter(TaskListView view, Long programId, Framework framework, DueWindow due, String q,
                         boolean controlActivities) {

    public TaskFilter(TaskListView view, Long programId, Framework framework, DueWindow due, String q) {
        this(view, programId, framework, due, q, false);
    }

    public static TaskFilter of(TaskListView view) {
        return new TaskFilter(view, null, null, null, null);
    }
}
