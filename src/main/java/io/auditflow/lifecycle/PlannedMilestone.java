package io.auditflow.lifecycle;

import java.time.LocalDate;

/**
 * A milestone as the {@link Planner} computes it, before it is written to the calendar: its planned
 * day, the day it happened (when it did), its status and, for anything unusual, the reason.
 */
public record PlannedMilestone(MilestoneType type, int cycle, LocalDate date, LocalDate actual, MilestoneStatus status,
                               String note) {

    public PlannedMilestone(MilestoneType type, int cycle, LocalDate date) {
        this(type, cycle, date, null, MilestoneStatus.PLANNED, null);
    }

    public PlannedMilestone withStatus(MilestoneStatus newStatus, String why) {
        return new PlannedMilestone(type, cycle, date, actual, newStatus, why);
    }

    public PlannedMilestone withDate(LocalDate newDate) {
        return new PlannedMilestone(type, cycle, newDate, actual, status, note);
    }

    /** The day that counts: when it happened, else when it is planned. */
    public LocalDate day() {
        return actual != null ? actual : date;
    }

    public boolean done() {
        return status == MilestoneStatus.DONE;
    }
}
