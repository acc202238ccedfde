package io.auditflow.identity;

import java.util.List;

/** What other features may know of a team; {@code code} is also its Camunda group id. */
public record TeamSummary(Long id, String code, String name, String manager, List<String> members) {
}
