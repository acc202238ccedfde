package io.auditflow.security;

import java.time.Clock;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Checks a personal API token and loads its owner on every call, so a disabled user's tokens stop
 * working at once.
 */
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokenService tokens;
    private final UserDetailsService users;
    private final Clock clock;
    private final SecuritySettings settings;
    private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();

    ApiTokenAuthenticationProvider(ApiTokenService tokens, UserDetailsService users, Clock clock,
                                   SecuritySettings settings) {
        this.settings = settings;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String owner = tokens.ownerOf(String.valueOf(authentication.getCredentials()), clock.instant())
                .orElseThrow(() -> new BadCredentialsException("Unknown, revoked or expired API token"));
        UserDetails user;
        try {
            user = users.loadUserByUsername(owner);
        } catch (UsernameNotFoundException e) {
            throw new BadCredentialsException("Unknown, revoked or expired API token");
        }
        status.check(user);
        if (user instanceof AuditflowUser u && settings.mustSetUpSecondFactor(u)) {
            throw new BadCredentialsException("Admins need a second factor before their tokens work");
        }
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
