package io.auditflow.lifecycle;

/** Where an ISO/IEC 27001 certificate stands. */
public enum CertificateState {
    /** Issued and maintained. */
    VALID,
    /** An external audit is close to its deadline and not done yet. */
    AT_RISK,
    /** A surveillance audit did not happen in time. */
    SUSPENDED,
    /** Expired without recertification, or withdrawn after a suspension. */
    LAPSED,
    /** Restored within the grace period after a suspension or lapse. */
    RESTORED
}
