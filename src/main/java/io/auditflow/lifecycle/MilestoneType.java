package io.auditflow.lifecycle;

/** Milestone types of domain.md, for SOC 2 and ISO/IEC 27001. */
public enum MilestoneType {
    // SOC 2
    AS_OF_DATE("Type I as-of date", true),
    OBSERVATION_START("Observation window starts", false),
    OBSERVATION_END("Observation window ends", false),
    FIELDWORK_START("Fieldwork starts", true),
    FIELDWORK_END("Fieldwork ends", false),
    REPORT_ISSUED("Report issued", false),
    BRIDGE_LETTER("Bridge letter", false),
    REPORT_STALE("Report goes stale", false),
    // ISO/IEC 27001
    STAGE1_AUDIT("Stage 1 audit", true),
    STAGE2_AUDIT("Stage 2 audit", true),
    CERTIFICATION_DECISION("Certification decision", false),
    SURVEILLANCE_AUDIT_1("Surveillance audit 1", true),
    SURVEILLANCE_AUDIT_2("Surveillance audit 2", true),
    RECERTIFICATION_AUDIT("Recertification audit", true),
    CERTIFICATE_EXPIRY("Certificate expiry", false),
    INTERNAL_AUDIT("Internal audit", false),
    MANAGEMENT_REVIEW("Management review", false);

    private final String label;
    private final boolean externalAudit;

    MilestoneType(String label, boolean externalAudit) {
        this.label = label;
        this.externalAudit = externalAudit;
    }

    public String label() {
        return label;
    }

    /** An audit by the external auditor or certification body, which people prepare for. */
    public boolean isExternalAudit() {
        return externalAudit;
    }

    /** A date that passes by itself (a window opens or ends, a report goes stale, a certificate expires): nobody records it. */
    public boolean isPassive() {
        return this == OBSERVATION_START || this == OBSERVATION_END || this == REPORT_STALE || this == CERTIFICATE_EXPIRY
                || this == FIELDWORK_END;
    }
}
