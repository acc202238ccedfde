package io.auditflow.security;

import java.time.Instant;

/** What the owner sees of a token: never the secret after it was shown once. */
public record ApiTokenSummary(Long id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
}
