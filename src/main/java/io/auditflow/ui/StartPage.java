package io.auditflow.ui;

import io.auditflow.security.Role;
import java.util.Set;

/** Where each role lands after signing in: the page that role opens first every day. */
public final class StartPage {

    private StartPage() {
    }

    public static String forRoles(Set<Role> roles) {
        if (roles.contains(Role.COMPLIANCE_MANAGER)) {
            return "programs";
        }
        if (roles.contains(Role.COMPLIANCE_MEMBER)) {
            return "inbox";
        }
        if (roles.contains(Role.EXECUTIVE)) {
            return "timeline";
        }
        if (roles.contains(Role.ADMIN)) {
            return "admin/users";
        }
        if (roles.contains(Role.AUDITOR)) {
            return "engagements";
        }
        return "programs";
    }
}
