package io.auditflow.security;

import java.time.LocalDate;

/** Body of {@code POST /api/me/tokens}: a name and an optional last day of validity. */
public record ApiTokenRequest(String name, LocalDate expiresOn) {
}
