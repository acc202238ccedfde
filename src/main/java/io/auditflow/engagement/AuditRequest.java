package io.auditflow.engagement;

import java.time.Instant;
import java.time.LocalDate;

/** One item of the request list; {@code version} guards the auditor's decision against a concurrent one. */
public record AuditRequest(Long id, Long engagementId, String reference, String text, String criteria,
                           LocalDate dueDate, String ownerHint, String teamCode, RequestStatus status,
                           String currentTaskId, String answer, Long sampleId, Long occurrenceId,
                           String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt,
                           Instant createdAt, long version, boolean overdue) {
}
