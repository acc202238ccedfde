package io.auditflow.notification;

import io.auditflow.common.NotFoundException;
import io.auditflow.common.ValidationException;
import io.auditflow.security.CurrentUser;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's in-app notifications. Rows are written where the mails are queued (one per event
 * and person, deduplicated by the same key) and when a task is assigned; a person reads and marks
 * only their own.
 */
@Service
@Transactional
public class NotificationService {

    public static final int MAX_LIMIT = 100;
    static final int MAX_SUBJECT = 500;

    private static final RowMapper<Notification> ROW = (rs, i) -> new Notification(rs.getLong("id"),
            NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("link"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    NotificationService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records one notification unless one with the same key exists; runs in the caller's
     * transaction, so it commits with the mail or the assignment that caused it.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean record(String dedupKey, String username, NotificationKind kind, String subject, String link) {
        if (username == null || username.isBlank() || kind == null) {
            return false;
        }
        String text = subject == null ? "" : subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT - 1) + "…" : subject;
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbc.update("insert into app_notification (dedup_key, username, kind, subject, link, created_at) "
                        + "select ?, ?, ?, ?, ?, ? where not exists (select 1 from app_notification where dedup_key = ?)",
                dedupKey, username, kind.name(), text, appPath(link), now, dedupKey) == 1;
    }

    /** The signed-in person's newest notifications, unread ones only if asked. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notification> mine(boolean unreadOnly, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "Ask for 1 to " + MAX_LIMIT + " notifications");
        }
        return jdbc.query("select id, kind, subject, link, created_at, read_at from app_notification where username = ?"
                + (unreadOnly ? " and read_at is null" : "") + " order by id desc limit ?", ROW, CurrentUser.require(), limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int unreadCount() {
        Integer n = jdbc.queryForObject("select count(*) from app_notification where username = ? and read_at is null",
                Integer.class, CurrentUser.require());
        return n == null ? 0 : n;
    }

    /** Marks one of one's own notifications read; someone else's answers as if it did not exist. */
    @PreAuthorize("isAuthenticated()")
    public void markRead(long id) {
        Integer own = jdbc.queryForObject("select count(*) from app_notification where id = ? and username = ?",
                Integer.class, id, CurrentUser.require());
        if (own == null || own == 0) {
            throw new NotFoundException("No notification " + id);
        }
        jdbc.update("update app_notification set read_at = ? where id = ? and read_at is null", now(), id);
    }

    @PreAuthorize("isAuthenticated()")
    public int markAllRead() {
        return jdbc.update("update app_notification set read_at = ? where username = ? and read_at is null", now(),
                CurrentUser.require());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /**
     * Keeps only the path, query and fragment of a link, so a notification can only lead inside the
     * app (a mail's absolute link carries the configured base URL, which may be another host).
     */
    static String appPath(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(link.trim());
            String scheme = uri.getScheme();
            if (scheme != null && !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
                return null;
            }
            String path = uri.getRawPath();
            if (path == null || path.isEmpty() || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Instant at(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
