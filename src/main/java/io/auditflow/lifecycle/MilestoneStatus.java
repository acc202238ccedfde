package io.auditflow.lifecycle;

/** Milestone status of domain.md. */
public enum MilestoneStatus {
    PLANNED, DONE, AT_RISK, MISSED
}
