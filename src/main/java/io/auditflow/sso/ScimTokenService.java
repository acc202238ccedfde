package io.auditflow.sso;

import io.auditflow.common.AuditEvent;
import io.auditflow.common.Secrets;
import io.auditflow.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity provider's SCIM token: one at a time, made by an admin, shown once, stored as its
 * SHA-256 like personal API tokens (docs/decisions/0050). It is no person's token: it can only
 * provision users and groups, and no personal API token opens SCIM.
 */
@Service
@Transactional
public class ScimTokenService {

    static final String PREFIX = "scim_";
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ScimTokenService(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** A new token replaces the old one at once; the answer is the only time it is shown. */
    @PreAuthorize("hasRole('ADMIN')")
    public String create() {
        String token = Secrets.newToken(PREFIX);
        jdbc.update("delete from scim_token");
        jdbc.update("insert into scim_token (token_hash, created_at, created_by) values (?, ?, ?)", hash(token),
                Timestamp.from(clock.instant()), CurrentUser.require());
        events.publishEvent(new AuditEvent("SCIM_TOKEN_CREATED", "scim token", "the previous one no longer works"));
        return token;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public boolean revoke() {
        boolean had = jdbc.update("delete from scim_token") > 0;
        if (had) {
            events.publishEvent(new AuditEvent("SCIM_TOKEN_REVOKED", "scim token", null));
        }
        return had;
    }

    /** For the SCIM filter: one hash and one indexed look-up. */
    /** When the current token was made and by whom; empty when there is none (provisioning is off). */
    public record TokenInfo(java.time.Instant createdAt, String createdBy) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public java.util.Optional<TokenInfo> current() {
        return jdbc.query("select created_at, created_by from scim_token order by id desc",
                (rs, n) -> new TokenInfo(rs.getTimestamp(1).toInstant(), rs.getString(2))).stream().findFirst();
    }

    @Transactional(readOnly = true)
    boolean matches(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return false;
        }
        Integer n = jdbc.queryForObject("select count(*) from scim_token where token_hash = ?", Integer.class, hash(token));
        return n != null && n > 0;
    }

    static String hash(String token) {
        return Secrets.sha256(token);
    }
}
