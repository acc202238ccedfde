package io.auditflow.timeline;

import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import java.time.LocalDate;

/** One dated milestone drawn as a symbol on a program's lane; {@code details} is what hovering shows. */
public record TimelineMarker(MilestoneType type, int cycle, LocalDate date, MilestoneStatus status, String details) {
}
