package io.auditflow.program;

/** SOC 2 Trust Services Criteria categories; SECURITY (the common criteria) is always in scope. */
public enum TrustCategory {
    SECURITY("Security"),
    AVAILABILITY("Availability"),
    PROCESSING_INTEGRITY("Processing integrity"),
    CONFIDENTIALITY("Confidentiality"),
    PRIVACY("Privacy");

    private final String label;

    TrustCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
