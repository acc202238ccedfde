package io.auditflow.lifecycle;

/** What an auditor found (codes from domain.md). */
public enum FindingKind {
    SOC2_EXCEPTION("SOC 2 exception"),
    MAJOR_NONCONFORMITY("Major nonconformity"),
    MINOR_NONCONFORMITY("Minor nonconformity"),
    OBSERVATION("Observation");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
