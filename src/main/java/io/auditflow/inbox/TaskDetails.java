package io.auditflow.inbox;

import io.auditflow.lifecycle.FormField;
import io.auditflow.program.Program;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the task page shows: the task, why it exists (its program, the audit step it
 * prepares and that step's planned date), the completion form, and its history.
 */
public record TaskDetails(InboxTask task, String description, Program program, String prepares,
                          LocalDate preparesDate, DateWindow observationWindow, List<FormField> form,
                          List<TaskEvent> history) {
}
