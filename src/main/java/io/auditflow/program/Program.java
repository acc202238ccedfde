package io.auditflow.program;

import java.time.Instant;
import java.util.Set;

/**
 * A program as the rest of the product and the API see it. {@code owner} is a user name and
 * {@code team} a team code (the Camunda candidate group of the program's tasks).
 */
public record Program(Long id, String name, Framework framework, Set<TrustCategory> criteria, String scope,
                      String isoEdition, String owner, String ownerName, String team, String teamName,
                      boolean archived, Instant createdAt, Instant updatedAt) {
}
