package io.auditflow.identity;

import io.auditflow.common.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The one answer to "how is this person or team called on a screen": a user's display name instead of
 * their sign-in name, a team's name instead of its code (the candidate group the engine knows). An
 * unknown name (a deleted user, a group from elsewhere) is shown as it is stored.
 *
 * <p>Inbox rows name an assignee or team each, so the names are read in two queries and kept for
 * {@link #TTL} (shared by every session, not per screen); a change made through {@link UserService}
 * (or single sign-on and SCIM, which record an {@link AuditEvent}) is seen once it is committed; one made
 * directly in the database within {@link #TTL}.
 */
@Component
public class Names {

    static final Duration TTL = Duration.ofSeconds(30);

    private record Snapshot(Map<String, String> people, Map<String, String> teams, Instant readAt) {
    }

    /** Published when users or teams were written without an {@link AuditEvent} (seeding). */
    record Changed() {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    Names(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The person's display name; the sign-in name itself when no such user exists; "" for none. */
    public String person(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return current().people().getOrDefault(username.toLowerCase(java.util.Locale.ROOT), username);
    }

    /** A person as pickers offer them, name and sign-in name: "Mia Member (member)". */
    public String choice(String username) {
        String name = person(username);
        return name.equals(username) || name.isEmpty() ? name : name + " (" + username + ")";
    }

    /** The team's name; the code itself when no team has it; "" for none. */
    public String team(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return current().teams().getOrDefault(code.toLowerCase(java.util.Locale.ROOT), code);
    }

    /** The sign-in names (lower case) of the people whose display name contains this text, case ignored. */
    public java.util.List<String> usernamesNamed(String part) {
        return called(current().people(), part);
    }

    /** The codes (lower case) of the teams whose name contains this text, case ignored. */
    public java.util.List<String> teamsNamed(String part) {
        return called(current().teams(), part);
    }

    private static java.util.List<String> called(Map<String, String> names, String part) {
        if (part == null || part.isBlank()) {
            return java.util.List.of();
        }
        String wanted = part.trim().toLowerCase(java.util.Locale.ROOT);
        return names.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().toLowerCase(java.util.Locale.ROOT).contains(wanted))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** After a user or team is saved (and committed), the next screen reads the names again. */
    @TransactionalEventListener(fallbackExecution = true)
    void forget(AuditEvent event) {
        if (event.action().startsWith("USER_") || event.action().startsWith("TEAM_")) {
            snapshot = null;
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(Changed event) {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || now.isBefore(s.readAt()) || !now.isBefore(s.readAt().plus(TTL))) {
            Map<String, String> people = new HashMap<>();
            jdbc.query("select username, display_name from app_user",
                    rs -> {
                        people.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
                    });
            Map<String, String> teams = new HashMap<>();
            jdbc.query("select code, name from team",
                    rs -> {
                        teams.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
                    });
            s = new Snapshot(Map.copyOf(people), Map.copyOf(teams), now);
            snapshot = s;
        }
        return s;
    }
}
