package io.auditflow.identity;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import io.auditflow.security.AuditflowUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Signs people in against the users table; a disabled user cannot sign in. */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    DatabaseUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsernameIgnoreCase(username == null ? "" : username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new AuditflowUser(user.getUsername(), user.getPasswordHash(), user.isEnabled(), user.getDisplayName(),
                user.getTotpSecret(), user.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }
}
