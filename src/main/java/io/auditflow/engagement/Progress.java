package io.auditflow.engagement;

import java.util.Map;

/** Progress at a glance: requests by status, overdue ones, days to the end of fieldwork (null: no date). */
public record Progress(Map<RequestStatus, Integer> byStatus, int total, int overdue, Long daysToFieldworkEnd) {
}
