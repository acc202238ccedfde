package io.auditflow.security;

/** The roles of domain.md; a user may hold several. */
public enum Role {
    ADMIN("Administrator"),
    COMPLIANCE_MANAGER("Compliance manager"),
    COMPLIANCE_MEMBER("Compliance team member"),
    EXECUTIVE("Executive"),
    AUDITOR("Auditor");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
