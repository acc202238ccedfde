package io.auditflow.identity;

import io.auditflow.security.Role;
import java.util.List;
import java.util.Set;

/** What other features may know of a user. */
public record UserSummary(Long id, String username, String displayName, String email, Set<Role> roles,
                          List<String> teams, boolean enabled) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
