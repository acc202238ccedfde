package io.auditflow.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal: Spring's user plus the name people know them by. */
public class AuditflowUser extends User {

    private final String displayName;
    private String totpSecret;
    private final boolean secondFactor;

    public AuditflowUser(String username, String password, boolean enabled, String displayName,
                         Collection<? extends GrantedAuthority> authorities) {
        this(username, password, enabled, displayName, null, authorities);
    }

    /** @param totpSecret the user's TOTP secret when a second factor is set up, else null */
    public AuditflowUser(String username, String password, boolean enabled, String displayName, String totpSecret,
                         Collection<? extends GrantedAuthority> authorities) {
        super(username, password, enabled, true, true, true, authorities);
        this.displayName = displayName;
        this.totpSecret = totpSecret;
        this.secondFactor = totpSecret != null;
    }

    /** After sign-in the secret leaves the principal kept in the session, like the password. */
    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        totpSecret = null;
    }

    /** Null unless the user signs in with a second factor, and after sign-in. */
    String totpSecret() {
        return totpSecret;
    }

    public boolean hasSecondFactor() {
        return secondFactor;
    }

    public String getDisplayName() {
        return displayName;
    }
}
