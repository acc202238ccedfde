package io.auditflow.inbox.ui;

import com.vaadin.flow.component.html.Span;
import io.auditflow.inbox.DueStatus;
import io.auditflow.inbox.InboxTask;

/** The due date with how urgent it is, so overdue and due-soon tasks stand out at a glance. */
final class TaskBadges {

    /** The badge as a grid template (drawn in the browser, no server-side component per row): see {@link #due}. */
    static final String DUE_TEMPLATE = "<span class=\"due-badge ${item.dueClass}\">${item.due}</span>";

    private TaskBadges() {
    }

    /** The task page's badge next to the title, where no column header says what the date is: "Due 2026-01-19". */
    static Span due(InboxTask task) {
        Span span = new Span(dueText(task, true));
        span.addClassName("due-badge");
        String css = dueClass(task);
        if (!css.isEmpty()) {
            span.addClassName(css);
        }
        return span;
    }

    /** The badge's words in the inbox's "Due" column: the date, with "overdue" or "due soon", or the closed state. */
    static String dueText(InboxTask task) {
        return dueText(task, false);
    }

    /** The same; {@code named} says what the date is ("Due 2026-01-19"), for a badge without a column header. */
    static String dueText(InboxTask task, boolean named) {
        String date = task.dueDate() == null ? io.auditflow.ui.Format.text("taskPage.noDueDate")
                : named ? io.auditflow.ui.Format.text("taskBadge.due", io.auditflow.ui.Format.date(task.dueDate()))
                : io.auditflow.ui.Format.date(task.dueDate());
        return switch (task.dueStatus()) {
            case OVERDUE -> io.auditflow.ui.Format.text("taskBadge.overdue", date);
            case DUE_SOON -> io.auditflow.ui.Format.text("taskBadge.dueSoon", date);
            case CLOSED -> io.auditflow.ui.Format.text(task.state().equals("COMPLETED") ? "taskBadge.completed" : "taskBadge.closed");
            default -> date;
        };
    }

    /** The badge's colour class next to {@code due-badge}, or "" for a task that is simply open. */
    static String dueClass(InboxTask task) {
        return switch (task.dueStatus()) {
            case OVERDUE -> "overdue";
            case DUE_SOON -> "due-soon";
            case CLOSED -> "closed";
            default -> "";
        };
    }

    static String rowPart(InboxTask task) {
        return task.dueStatus() == DueStatus.OVERDUE ? "overdue-row"
                : task.dueStatus() == DueStatus.DUE_SOON ? "due-soon-row" : null;
    }
}
