package io.auditflow.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** Ends the web sessions of a user, e.g. when an admin disables the account. */
@Component
public class UserSessions {

    private final SessionRegistry registry;

    UserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Expires every session of the user; their next request goes to the login page. */
    public int expireAll(String username) {
        int expired = 0;
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails ud ? ud.getUsername() : String.valueOf(principal);
            if (name.equals(username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    expired++;
                }
            }
        }
        return expired;
    }
}
