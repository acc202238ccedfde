package io.auditflow.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, read from the security context of the current request or job. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<String> username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    /** The name people know the user by, or the user name when none is known. */
    public static Optional<String> displayName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuditflowUser user) {
            return Optional.of(user.getDisplayName());
        }
        return username();
    }

    public static String require() {
        return username().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not signed in"));
    }

    public static Set<Role> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (auth == null) {
            return roles;
        }
        for (GrantedAuthority a : auth.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(a.getAuthority())) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }

    public static boolean hasRole(Role role) {
        return roles().contains(role);
    }

    public static boolean canManage() {
        Set<Role> roles = roles();
        return roles.contains(Role.ADMIN) || roles.contains(Role.COMPLIANCE_MANAGER);
    }
}
