package io.auditflow.security;

/** Role names as constants for {@code @RolesAllowed} and {@code @PreAuthorize}; they match {@link Role}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String COMPLIANCE_MANAGER = "COMPLIANCE_MANAGER";
    public static final String COMPLIANCE_MEMBER = "COMPLIANCE_MEMBER";
    public static final String EXECUTIVE = "EXECUTIVE";
    public static final String AUDITOR = "AUDITOR";

    /** sso: the SCIM client of the identity provider (a dedicated bearer token, never a person). */
    public static final String SCIM = "SCIM";

    /** SpEL for services that change programs, schedules and assignments. */
    public static final String CAN_MANAGE = "hasAnyRole('ADMIN','COMPLIANCE_MANAGER')";
    /** SpEL for work on tasks: members, managers and admins. */
    public static final String CAN_WORK = "hasAnyRole('ADMIN','COMPLIANCE_MANAGER','COMPLIANCE_MEMBER')";

    /** SpEL for the engagement workspace: the team and managers, plus auditors (scoped per engagement in the service). */
    public static final String CAN_WORK_OR_AUDIT = "hasAnyRole('ADMIN','COMPLIANCE_MANAGER','COMPLIANCE_MEMBER','AUDITOR')";

    private Roles() {
    }
}
