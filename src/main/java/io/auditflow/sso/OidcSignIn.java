package io.auditflow.sso;

import io.auditflow.identity.ExternalIdentities;
import io.auditflow.identity.ExternalSignInRefused;
import io.auditflow.identity.ExternalUser;
import io.auditflow.security.Role;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns a verified OpenID Connect sign-in into an Auditflow user: the user name, name and e-mail from
 * the claims, roles from the groups claim through {@code auditflow.sso.role-mapping}, teams from the
 * team claim; the user is created or updated just in time. A refusal carries an error code that the
 * login page explains ({@code auditflow_no_role}, ...).
 */
@Component
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ERROR_PREFIX = "auditflow_";
    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    private final OidcUserService provider = new OidcUserService();
    private final ExternalIdentities identities;
    private final SsoProperties properties;

    OidcSignIn(ExternalIdentities identities, SsoProperties properties) {
        this.identities = identities;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = provider.loadUser(request);
        String username = firstText(oidc.getAttribute(properties.usernameClaim()), oidc.getEmail());
        Object groupsClaim = oidc.getAttribute(properties.groupsClaim());
        Set<Role> roles = groupsClaim == null ? null : properties.rolesOf(values(groupsClaim));
        Object teamClaim = properties.teamClaim() == null ? null : oidc.getAttribute(properties.teamClaim());
        Set<String> teams = teamClaim == null ? null : new LinkedHashSet<>(values(teamClaim).stream()
                .map(t -> t.strip().toLowerCase(Locale.ROOT)).toList());
        String name = firstText(oidc.getFullName(),
                String.join(" ", List.of(nullToEmpty(oidc.getGivenName()), nullToEmpty(oidc.getFamilyName()))).strip());
        try {
            ExternalUser user = identities.signIn(oidc.getIssuer() + "#" + oidc.getSubject(), username, name,
                    oidc.getEmail(), roles, teams);
            return new SsoUser(user.username(), user.displayName(),
                    user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
                    oidc.getIdToken(), oidc.getUserInfo());
        } catch (ExternalSignInRefused e) {
            log.info("Single sign-on refused for {} (groups {}): {}", username, groupsClaim, e.getMessage());
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    ERROR_PREFIX + e.reason().name().toLowerCase(Locale.ROOT), e.getMessage(), null), e.getMessage());
        }
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().filter(x -> x != null).map(String::valueOf).toList();
        }
        // Some providers send one group as a plain string, or several separated by commas.
        return List.of(String.valueOf(claim).split(","));
    }

    private static String firstText(Object... candidates) {
        for (Object c : candidates) {
            if (c != null && !String.valueOf(c).isBlank()) {
                return String.valueOf(c);
            }
        }
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
