package io.auditflow.lifecycle;

import java.time.LocalDate;

/** A milestone as the {@link Planner} computes it, before it is written to the calendar. */
public record PlannedMilestone(MilestoneType type, int cycle, LocalDate date) {
}
