package io.auditflow.engagement;

import java.time.Instant;
import java.util.List;

/** A recorded draw: the same seed over the same population gives the same occurrences. */
public record Sample(Long id, Long engagementId, String activityCode, String frequency, int population, int size,
                     long seed, List<Long> occurrenceIds, String drawnBy, Instant drawnAt) {
}
