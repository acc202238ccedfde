package io.auditflow.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        return expireAllExcept(username, null);
    }

    /** Expires every session of the user but the one given (the one making a change), if any. */
    public int expireAllExcept(String username, String keepSessionId) {
        int expired = 0;
        for (SessionInformation session : sessionsOf(username)) {
            if (!session.getSessionId().equals(keepSessionId)) {
                session.expireNow();
                expired++;
            }
        }
        return expired;
    }

    /** The user's live browser sessions, most recently used first. */
    public List<SessionInformation> sessionsOf(String username) {
        List<SessionInformation> sessions = new ArrayList<>();
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails ud ? ud.getUsername() : String.valueOf(principal);
            if (name.equals(username)) {
                sessions.addAll(registry.getAllSessions(principal, false));
            }
        }
        sessions.sort(Comparator.comparing(SessionInformation::getLastRequest).reversed());
        return sessions;
    }
}
