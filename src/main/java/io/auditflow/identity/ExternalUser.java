package io.auditflow.identity;

import io.auditflow.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A user as the identity provider manages it (SCIM and OpenID Connect sign-in). */
public record ExternalUser(Long id, String username, String displayName, String email, boolean active,
                           String externalId, Instant created, Set<Role> roles, List<GroupRef> groups) {

    /** A group (team) the user is in: its id, name and the provider's id for it. */
    public record GroupRef(Long id, String name, String externalId, boolean external) {
    }
}
