package io.auditflow.lifecycle;

/** Where an ISO/IEC 27001 certificate stands. */
public enum CertificateState {
    /** Issued and maintained. */
    VALID("Valid"),
    /** An external audit is close to its deadline and not done yet. */
    AT_RISK("At risk"),
    /** A surveillance audit did not happen in time. */
    SUSPENDED("Suspended"),
    /** Expired without recertification, or withdrawn after a suspension. */
    LAPSED("Lapsed"),
    /** Restored within the grace period after a suspension or lapse. */
    RESTORED("Restored");

    private final String label;

    CertificateState(String label) {
        this.label = label;
    }

    /** The state in words, as every screen, mail and report shows it. */
    public String label() {
        return label;
    }
}
