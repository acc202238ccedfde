package io.auditflow.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal: Spring's user plus the name people know them by. */
public class AuditflowUser extends User {

    private final String displayName;

    public AuditflowUser(String username, String password, boolean enabled, String displayName,
                         Collection<? extends GrantedAuthority> authorities) {
        super(username, password, enabled, true, true, true, authorities);
        this.displayName = displayName;
    }

    public String getDisplayName() {
        return displayName;
    }
}
