package io.auditflow.notification;

import io.auditflow.common.NotFoundException;
import io.auditflow.common.Phrase;
import io.auditflow.common.StoredPhrase;
import io.auditflow.common.ValidationException;
import io.auditflow.security.CurrentUser;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

    static final int MAX_ARGS = 4000;

    private final RowMapper<Notification> row = (rs, i) -> new Notification(rs.getLong("id"),
            NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("link"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null,
            words(rs.getString("message_key"), rs.getString("message_args")));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** The features' words for stored data in phrases (inbox: task names), by kind. */
    private final Map<String, StoredPhrase.Kind> kinds;

    NotificationService(JdbcTemplate jdbc, Clock clock, List<StoredPhrase.Kind> kinds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.kinds = kinds.stream().collect(Collectors.toMap(StoredPhrase.Kind::kind, k -> k));
    }

    /**
     * Records one notification unless one with the same key exists; runs in the caller's
     * transaction, so it commits with the mail or the assignment that caused it.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean record(String dedupKey, String username, NotificationKind kind, String subject, String link) {
        return record(dedupKey, username, kind, subject, null, link);
    }

    /**
     * The same with the subject's words as a key and arguments (decision 0181): the reader reads them in their
     * language when they read them; {@code subject} is kept too, for the API and as the words should the key go.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean record(String dedupKey, String username, NotificationKind kind, String subject, Phrase words, String link) {
        if (username == null || username.isBlank() || kind == null) {
            return false;
        }
        String stored = subject == null && words != null ? words.english() : subject;
        String text = stored == null ? "" : stored.length() > MAX_SUBJECT ? stored.substring(0, MAX_SUBJECT - 1) + "…" : stored;
        String args = words == null ? null : StoredPhrase.args(words);
        if (args != null && args.length() > MAX_ARGS) {
            words = null; // arguments too long to keep: the stored words will do
            args = null;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbc.update("insert into app_notification (dedup_key, username, kind, subject, message_key, message_args, link,"
                        + " created_at) select ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from app_notification"
                        + " where dedup_key = ?)",
                dedupKey, username, kind.name(), text, words == null ? null : words.key(), args, appPath(link), now,
                dedupKey) == 1;
    }

    /** A row's words, or null when it has none or they no longer read (the stored subject is shown then). */
    private Phrase words(String key, String args) {
        if (key == null) {
            return null;
        }
        try {
            return StoredPhrase.read(key, args, kinds);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** The signed-in person's newest notifications, unread ones only if asked. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notification> mine(boolean unreadOnly, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "Ask for 1 to " + MAX_LIMIT + " notifications");
        }
        return jdbc.query("select id, kind, subject, message_key, message_args, link, created_at, read_at from app_notification"
                + " where username = ?" + (unreadOnly ? " and read_at is null" : "") + " order by id desc limit ?", row,
                CurrentUser.require(), limit);
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
