package io.auditflow.engagement;

import java.time.LocalDate;

/** One request as written in the UI or read from a CSV row. */
public record RequestForm(String reference, String text, String criteria, LocalDate dueDate, String ownerHint) {
}
