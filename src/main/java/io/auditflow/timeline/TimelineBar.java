package io.auditflow.timeline;

import io.auditflow.lifecycle.MilestoneStatus;
import java.time.LocalDate;

/**
 * A stretch of time on a program's lane, both days inclusive. {@code status} gives the colour;
 * {@code details} is what hovering shows.
 */
public record TimelineBar(BarKind kind, int cycle, LocalDate start, LocalDate end, MilestoneStatus status,
                          String details) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
