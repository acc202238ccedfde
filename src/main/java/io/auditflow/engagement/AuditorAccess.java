package io.auditflow.engagement;

import java.time.Instant;
import java.time.LocalDate;

/** One invited auditor: when invited, when revoked, the last day of access (null while no report is recorded). */
public record AuditorAccess(String username, String displayName, String invitedBy, Instant invitedAt,
                            Instant revokedAt, LocalDate accessEndsOn, boolean active) {
}
