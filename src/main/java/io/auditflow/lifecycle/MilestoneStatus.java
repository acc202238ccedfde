package io.auditflow.lifecycle;

/** Milestone status of domain.md. */
public enum MilestoneStatus {
    PLANNED("Planned"), DONE("Done"), AT_RISK("At risk"), MISSED("Missed");

    private final String label;

    MilestoneStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
