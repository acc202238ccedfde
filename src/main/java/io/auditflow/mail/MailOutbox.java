package io.auditflow.mail;

import io.auditflow.common.AuditEvent;
import io.auditflow.common.MailQueued;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.ValidationException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes mails into the outbox inside the caller's transaction (so a mail exists exactly when the
 * event that caused it was committed) and lets admins look at and resend them. Sending is
 * {@link OutboxSender}'s job.
 */
@Service
public class MailOutbox {

    static final String COLUMNS = "id, dedup_key, category, recipient_username, recipient_email, subject, link, "
            + "message_id, status, attempts, resends, next_attempt_at, lease_owner, lease_until, last_error, "
            + "created_at, sent_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String messageIdDomain;
    private volatile Boolean postgres;

    private final ApplicationEventPublisher events;

    MailOutbox(JdbcTemplate jdbc, Clock clock, io.auditflow.common.AuditflowProperties properties,
               ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        String host = null;
        try {
            host = URI.create(properties.baseUrl()).getHost();
        } catch (IllegalArgumentException ignored) {
            // a broken base URL must not stop mail; the default domain below is fine
        }
        this.messageIdDomain = host == null || host.isBlank() ? "auditflow.local" : host;
    }

    /**
     * Puts the mail in the outbox unless a mail with the same key is already there (then nothing
     * happens). Runs in the caller's transaction. Returns whether a new mail was queued.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean enqueue(OutgoingMail mail) {
        Instant now = clock.instant();
        boolean noAddress = mail.recipientEmail() == null || mail.recipientEmail().isBlank();
        MailStatus status = noAddress ? MailStatus.FAILED : MailStatus.QUEUED;
        String error = noAddress ? "Not sent: " + (mail.recipientUsername() == null ? "the recipient"
                : "user '" + mail.recipientUsername() + "'") + " has no e-mail address" : null;
        String messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
        Object[] args = {mail.dedupKey(), mail.category(), mail.recipientUsername(), noAddress ? null : mail.recipientEmail().trim(),
                truncate(mail.subject(), 500), truncate(mail.text(), 20000), truncate(mail.html(), 40000), mail.ics(),
                truncate(mail.link(), 1000), messageId, status.name(), ts(now), error, ts(now),
                ts(now)};
        String insert = "insert into mail_outbox (dedup_key, category, recipient_username, recipient_email, subject, "
                + "body_text, body_html, ics, link, message_id, status, attempts, resends, next_attempt_at, last_error, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)";
        boolean added = insert(mail, insert, args);
        if (added && mail.attachment() != null) {
            jdbc.update("insert into mail_attachment (mail_id, filename, content_type, content) select id, ?, ?, ? "
                    + "from mail_outbox where dedup_key = ?", mail.attachment().filename(), mail.attachment().contentType(),
                    mail.attachment().content(), mail.dedupKey());
        }
        if (added) {
            jdbc.update("insert into mail_attempt (mail_id, at, outcome, detail) select id, ?, ?, ? from mail_outbox "
                    + "where dedup_key = ?", ts(now), noAddress ? "FAILED" : "QUEUED", error, mail.dedupKey());
            // Listeners (in-app notifications) write in this transaction: one event, one mail, one notification.
            events.publishEvent(new MailQueued(mail.dedupKey(), mail.category(), mail.recipientUsername(), mail.subject(),
                    mail.link(), mail.subjectWords()));
        }
        return added;
    }

    private boolean insert(OutgoingMail mail, String insert, Object[] args) {
        if (isPostgres()) {
            // A failed statement would abort the whole PostgreSQL transaction: skip the duplicate instead.
            return jdbc.update(insert + " on conflict (dedup_key) do nothing", args) == 1;
        }
        Integer existing = jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class,
                mail.dedupKey());
        if (existing != null && existing > 0) {
            return false;
        }
        try {
            return jdbc.update(insert, args) == 1;
        } catch (DuplicateKeyException raced) {
            // another transaction queued the same mail first; H2 keeps our transaction usable
            return false;
        }
    }

    @Transactional(readOnly = true)
    public boolean exists(String dedupKey) {
        Integer n = jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class, dedupKey);
        return n != null && n > 0;
    }

    /** Newest first, optionally only one status; for the admin view's lazy grid. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<OutboxEntry> page(MailStatus status, String search, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(status, search, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select " + COLUMNS + " from mail_outbox" + where + " order by id desc limit ? offset ?",
                ENTRY, args.toArray());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int count(MailStatus status, String search) {
        List<Object> args = new ArrayList<>();
        Integer n = jdbc.queryForObject("select count(*) from mail_outbox" + where(status, search, args), Integer.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    /** The plain-text body of one mail, for the admin's detail view. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public String text(long id) {
        return jdbc.query("select body_text from mail_outbox where id = ?", rs -> rs.next() ? rs.getString(1) : null, id);
    }

    /** Both bodies of one mail as written (the HTML is the app's own template with escaped values). */
    public record Bodies(String text, String html) {
    }

    /** One step in a mail's history: QUEUED, SENT, RETRY, FAILED, HELD or RESENT, with the error if any. */
    public record Attempt(Instant at, String outcome, String detail) {
    }

    /** A mail's history, oldest first (at most 200 steps). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Attempt> history(long id) {
        return jdbc.query("select at, outcome, detail from mail_attempt where mail_id = ? order by id limit 200",
                (rs, i) -> new Attempt(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)), id);
    }

    /** The text and HTML bodies of one mail, for the admin's mail dialog. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Optional<Bodies> bodies(long id) {
        return jdbc.query("select body_text, body_html from mail_outbox where id = ?",
                (rs, i) -> new Bodies(rs.getString(1), rs.getString(2)), id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<OutboxEntry> find(long id) {
        return jdbc.query("select " + COLUMNS + " from mail_outbox where id = ?", ENTRY, id).stream().findFirst();
    }

    /** Queues one mail again for sending now, whatever became of it; keeps its Message-ID. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public OutboxEntry resend(long id) {
        OutboxEntry entry = find(id).orElseThrow(() -> new NotFoundException("No mail with id " + id));
        if (entry.recipientEmail() == null) {
            throw new ValidationException("recipient", "This mail has no address to send to");
        }
        if (entry.status() == MailStatus.SENDING && entry.leaseUntil() != null && entry.leaseUntil().isAfter(clock.instant())) {
            throw new ValidationException("status", "This mail is being sent right now; try again in a moment");
        }
        OffsetDateTime now = ts(clock.instant());
        jdbc.update("update mail_outbox set status = 'QUEUED', attempts = 0, resends = resends + 1, next_attempt_at = ?, "
                + "lease_owner = null, lease_until = null, last_error = null, updated_at = ? where id = ?", now, now, id);
        jdbc.update("insert into mail_attempt (mail_id, at, outcome, detail) values (?, ?, 'RESENT', ?)", id, now,
                "queued again by " + io.auditflow.security.CurrentUser.username().orElse("an admin"));
        events.publishEvent(new AuditEvent("MAIL_RESENT", "mail " + id, "'" + entry.subject() + "' to " + entry.recipientEmail()));
        return find(id).orElseThrow();
    }

    private static String where(MailStatus status, String search, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = ?");
            args.add(status.name());
        }
        if (search != null && !search.isBlank()) {
            conditions.add("(lower(recipient_email) like ? or lower(subject) like ? or lower(recipient_username) like ?)");
            String like = "%" + search.trim().toLowerCase() + "%";
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
        }
        return postgres;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static final RowMapper<OutboxEntry> ENTRY = (ResultSet rs, int row) -> new OutboxEntry(rs.getLong("id"),
            rs.getString("dedup_key"), rs.getString("category"), rs.getString("recipient_username"),
            rs.getString("recipient_email"), rs.getString("subject"), rs.getString("link"), rs.getString("message_id"),
            MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getInt("resends"),
            instant(rs, "next_attempt_at"), rs.getString("lease_owner"), instant(rs, "lease_until"),
            rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at"));

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Timestamps go to the database as UTC offsets, which H2 and PostgreSQL store alike. */
    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
