package io.auditflow.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Password sign-in (form and HTTP Basic), plus the one-time code for users with a second factor.
 * HTTP Basic carries no code, so such users call the API with personal API tokens. When admins must
 * have a second factor, an admin without one may only sign in through the form (to set it up).
 */
class PasswordAndCodeAuthenticationProvider extends DaoAuthenticationProvider {

    private final SecondFactor secondFactor;
    private final SecuritySettings settings;

    PasswordAndCodeAuthenticationProvider(UserDetailsService users, SecondFactor secondFactor,
                                          SecuritySettings settings) {
        super(users);
        this.secondFactor = secondFactor;
        this.settings = settings;
    }

    /** sso: with single sign-on on, only admins may sign in with a password (break-glass). */
    private boolean adminsOnly;

    void setAdminsOnly(boolean adminsOnly) {
        this.adminsOnly = adminsOnly;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        if (adminsOnly && user.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()))) {
            // Still one password comparison, so the answer takes as long as any other refusal.
            super.additionalAuthenticationChecks(user, authentication);
            throw new BadCredentialsException("Only admins sign in with a password; use single sign-on");
        }
        boolean form = authentication.getDetails() instanceof SecondFactorDetails;
        if (!(user instanceof AuditflowUser auditflowUser) || !auditflowUser.hasSecondFactor()) {
            super.additionalAuthenticationChecks(user, authentication);
        }
        if (!(user instanceof AuditflowUser auditflowUser)) {
            return;
        }
        if (auditflowUser.hasSecondFactor()) {
            // The code comes in its own form field, or typed right after the password in the login form.
            String presented = String.valueOf(authentication.getCredentials());
            String code = form ? ((SecondFactorDetails) authentication.getDetails()).code() : null;
            String password = presented;
            if ((code == null || code.isBlank()) && presented.length() > 6 && presented.substring(presented.length() - 6)
                    .chars().allMatch(Character::isDigit)) {
                code = presented.substring(presented.length() - 6);
                password = presented.substring(0, presented.length() - 6);
            }
            UsernamePasswordAuthenticationToken passwordOnly =
                    UsernamePasswordAuthenticationToken.unauthenticated(authentication.getPrincipal(), password);
            super.additionalAuthenticationChecks(user, passwordOnly);
            if (!form || !secondFactor.verify(auditflowUser.totpSecret(), code)) {
                throw new BadCredentialsException("A valid one-time code is needed");
            }
        } else if (!form && settings.mustSetUpSecondFactor(auditflowUser)) {
            throw new BadCredentialsException("Admins need a second factor; set it up after signing in to the UI");
        }
    }
}
