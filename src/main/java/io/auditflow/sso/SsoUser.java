package io.auditflow.sso;

import io.auditflow.security.AuditflowUser;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in through the provider: an Auditflow user (user name, roles from our table, so the
 * session registry, "sign out everywhere" and the services treat them like anyone else) that also
 * carries the provider's ID token.
 */
class SsoUser extends AuditflowUser implements OidcUser {

    private final transient OidcIdToken idToken;
    private final transient OidcUserInfo userInfo;

    SsoUser(String username, String displayName, Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken, OidcUserInfo userInfo) {
        super(username, "", true, displayName, authorities);
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    /** The provider's sign-in is the strong one (its own second factor); ours is for local passwords. */
    @Override
    public boolean hasSecondFactor() {
        return true;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken == null ? Map.of() : idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    @Override
    public String getName() {
        return getUsername();
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
