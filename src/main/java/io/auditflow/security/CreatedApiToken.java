package io.auditflow.security;

/** A new token with its secret: shown once, then only its hash is kept. */
public record CreatedApiToken(String token, ApiTokenSummary details) {
}
