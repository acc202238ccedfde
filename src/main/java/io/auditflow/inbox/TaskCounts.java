package io.auditflow.inbox;

/** How many open tasks each list holds; {@code all} is null for people who may not see every task. */
public record TaskCounts(long mine, long team, Long all) {
}
