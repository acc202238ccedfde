package io.auditflow.sso;

import io.auditflow.security.Role;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the provider's identities become Auditflow users, under {@code auditflow.sso.*} (docs/sso.md).
 * The provider itself is a standard {@code spring.security.oauth2.client.registration.*} entry;
 * without one, single sign-on is off.
 *
 * @param usernameClaim the claim that becomes the user name (falls back to {@code email})
 * @param groupsClaim   the claim with the user's groups, matched against {@code roleMapping}
 * @param teamClaim     the claim whose values are team codes the user joins (none by default)
 * @param roleMapping   group (claim value, or SCIM group name or externalId) to role; matched ignoring case
 * @param localSignIn   {@code all}, or {@code admins}: with single sign-on on, only admins use a password
 */
@ConfigurationProperties(prefix = "auditflow.sso")
public record SsoProperties(String usernameClaim, String groupsClaim, String teamClaim, Map<String, Role> roleMapping,
                            String localSignIn) {

    public SsoProperties {
        usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim;
        groupsClaim = blank(groupsClaim) ? "groups" : groupsClaim;
        teamClaim = blank(teamClaim) ? null : teamClaim;
        TreeMap<String, Role> mapping = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (roleMapping != null) {
            mapping.putAll(roleMapping);
        }
        roleMapping = mapping;
        localSignIn = blank(localSignIn) ? "all" : localSignIn.toLowerCase(Locale.ROOT);
    }

    /** The roles the given groups map to; groups without a line give none. */
    public Set<Role> rolesOf(Iterable<String> groups) {
        java.util.EnumSet<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (String g : groups) {
            if (g != null) {
                Role r = roleMapping.get(g.strip());
                if (r != null) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }

    String describeMapping() {
        return roleMapping.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
