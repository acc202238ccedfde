package io.auditflow.audit;

import java.time.Instant;

/** One entry of the audit trail, as stored. */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, String details,
                         String prevHash, String hash) {
}
