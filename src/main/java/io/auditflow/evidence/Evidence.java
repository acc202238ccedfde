package io.auditflow.evidence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One evidence file. {@code evidenceDate} is the day the uploader says the evidence is from
 * (default the upload day); {@code outsideWindow} is true when the task feeds an observation
 * window and that day falls outside it, null when no window applies.
 */
public record Evidence(Long id, String taskId, Long programId, Integer cycle, String taskName, String fileName,
                       String contentType, long size, String sha256, LocalDate evidenceDate, String uploadedBy,
                       Instant uploadedAt, Boolean outsideWindow) {
}
