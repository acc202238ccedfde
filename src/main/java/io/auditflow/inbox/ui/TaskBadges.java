package io.auditflow.inbox.ui;

import com.vaadin.flow.component.html.Span;
import io.auditflow.inbox.DueStatus;
import io.auditflow.inbox.InboxTask;

/** The due date with how urgent it is, so overdue and due-soon tasks stand out at a glance. */
final class TaskBadges {

    private TaskBadges() {
    }

    static Span due(InboxTask task) {
        Span span = new Span();
        span.addClassName("due-badge");
        String date = task.dueDate() == null ? io.auditflow.ui.Format.text("taskPage.noDueDate") : io.auditflow.ui.Format.date(task.dueDate());
        switch (task.dueStatus()) {
            case OVERDUE -> {
                span.setText(io.auditflow.ui.Format.text("taskBadge.overdue", date));
                span.addClassName("overdue");
            }
            case DUE_SOON -> {
                span.setText(io.auditflow.ui.Format.text("taskBadge.dueSoon", date));
                span.addClassName("due-soon");
            }
            case CLOSED -> {
                span.setText(io.auditflow.ui.Format.text(task.state().equals("COMPLETED") ? "taskBadge.completed" : "taskBadge.closed"));
                span.addClassName("closed");
            }
            default -> span.setText(date);
        }
        return span;
    }

    static String rowPart(InboxTask task) {
        return task.dueStatus() == DueStatus.OVERDUE ? "overdue-row"
                : task.dueStatus() == DueStatus.DUE_SOON ? "due-soon-row" : null;
    }
}
