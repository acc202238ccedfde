package io.auditflow.audit;

import io.auditflow.common.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes what the features publish ({@link AuditEvent}, after their transaction commits, so a
 * change that rolled back is not on record) and what Spring Security publishes for every filter
 * chain (sign-ins and failed sign-ins). HTTP Basic authenticates every API call: a user's
 * successful sign-ins are recorded once per {@link #SIGN_IN_QUIET} so the trail stays readable;
 * every failure is recorded.
 */
@Component
class AuditListener {

    static final Duration SIGN_IN_QUIET = Duration.ofMinutes(15);
    private static final int MAX_REMEMBERED = 10_000;

    private final AuditTrail trail;
    private final Clock clock;
    private final Map<String, Instant> lastSignIn = new ConcurrentHashMap<>();

    AuditListener(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void recorded(AuditEvent event) {
        trail.append(currentActor(), event.action(), event.target(), event.details());
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        Instant now = clock.instant();
        Instant last = lastSignIn.get(user);
        if (last != null && last.plus(SIGN_IN_QUIET).isAfter(now)) {
            return;
        }
        if (lastSignIn.size() > MAX_REMEMBERED) {
            lastSignIn.clear();
        }
        lastSignIn.put(user, now);
        trail.append(user, "SIGN_IN", "user " + user, kind(event.getAuthentication()));
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication() == null ? null : event.getAuthentication().getName();
        String user = name == null || name.isBlank() ? "(no name)" : name;
        trail.append("anonymous", "SIGN_IN_FAILED", "user " + user,
                kind(event.getAuthentication()) + ": " + reason(event.getException().getClass().getSimpleName()));
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    private static String kind(Authentication auth) {
        return auth == null ? "unknown" : auth.getClass().getSimpleName().replace("AuthenticationToken", "");
    }

    /** Plain words for the failure, without saying more than the sign-in page does. */
    private static String reason(String exception) {
        return switch (exception) {
            case "BadCredentialsException" -> "wrong user name or password";
            case "DisabledException" -> "account disabled";
            case "LockedException" -> "account locked";
            case "CredentialsExpiredException" -> "password expired";
            default -> exception;
        };
    }
}
