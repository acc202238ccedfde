package io.auditflow.inbox;

import java.time.LocalDate;

/** An observation window: evidence for the task counts only when dated within it (both days included). */
public record DateWindow(LocalDate start, LocalDate end) {

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }
}
