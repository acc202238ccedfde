package io.auditflow.reminder;

import java.time.LocalDate;

/** What a reminder needs to know of one open Camunda user task. */
record TaskInfo(String id, String name, LocalDate due, String assignee, String teamCode, Long programId,
                String programName) {
}
