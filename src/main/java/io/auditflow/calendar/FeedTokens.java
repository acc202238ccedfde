package io.auditflow.calendar;

import io.auditflow.common.Secrets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores feed tokens as SHA-256 hashes: a leaked database does not leak working feed URLs. */
@Repository
class FeedTokens {

    private final JdbcClient jdbc;

    FeedTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new random token for the user's feed; the previous one stops working. */
    String replace(String username, FeedKind kind, Instant now) {
        String token = Secrets.newToken("");
        jdbc.sql("delete from calendar_feed_token where username = ? and kind = ?").params(username, kind.name()).update();
        jdbc.sql("insert into calendar_feed_token (username, kind, token_hash, created_at) values (?, ?, ?, ?)")
                .params(username, kind.name(), hash(token), Timestamp.from(now)).update();
        return token;
    }

    void delete(String username, FeedKind kind) {
        jdbc.sql("delete from calendar_feed_token where username = ? and kind = ?").params(username, kind.name()).update();
    }

    Optional<Instant> createdAt(String username, FeedKind kind) {
        return jdbc.sql("select created_at from calendar_feed_token where username = ? and kind = ?")
                .params(username, kind.name()).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The user a token belongs to, if it is the current token of that feed kind. */
    Optional<String> owner(FeedKind kind, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        return jdbc.sql("select username from calendar_feed_token where token_hash = ? and kind = ?")
                .params(hash(token), kind.name()).query(String.class).optional();
    }

    static String hash(String token) {
        return Secrets.sha256(token);
    }
}
