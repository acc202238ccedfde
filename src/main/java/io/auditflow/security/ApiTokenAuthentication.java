package io.auditflow.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A presented, not yet checked personal API token. Its name never reveals the secret. */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String token;

    ApiTokenAuthentication(String token) {
        super(List.of());
        this.token = token;
        setAuthenticated(false);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return "api-token";
    }
}
