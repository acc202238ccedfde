package io.auditflow.mail;

import static io.auditflow.mail.MailOutbox.ts;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the outbox's due mails. Each mail is first claimed with a lease by a conditional update
 * whose row count says whether this sender won it, so two instances on one database never send
 * the same mail at once; a sender that dies leaves a lease that expires, and the mail is taken up
 * again (at least once, with the same Message-ID). Failed attempts wait with exponential back-off.
 * Not transactional on purpose: every claim and every result is committed on its own, and each mail
 * is marked sent in its own short transaction right after the SMTP server accepted it, so a crash
 * repeats at most the one mail per connection that was accepted but not yet marked (decision 0040).
 */
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final String HELD_REASON = "Not sent: no SMTP server configured";

    private static final String DUE = "((status in ('QUEUED', 'HELD') and next_attempt_at <= ?) "
            + "or (status = 'SENDING' and lease_until < ?))";

    private final JdbcTemplate jdbc;
    private final MailTransport transport;
    private final MailSettings settings;
    private final Clock clock;
    private final String owner;
    private ExecutorService pool;

    public OutboxSender(JdbcTemplate jdbc, MailTransport transport, MailSettings settings, Clock clock, String owner) {
        this.jdbc = jdbc;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
        this.owner = owner;
    }

    /** What one run did. */
    public record Result(int claimed, int sent, int retryLater, int failed, int held) {
        public static final Result NOTHING = new Result(0, 0, 0, 0, 0);
    }

    public String owner() {
        return owner;
    }

    /**
     * Makes the mails that this node claimed in an earlier life (same owner name, see
     * {@link io.auditflow.common.NodeId}) due again at once instead of after their lease. Call it when
     * the node starts, before it sends anything. Returns how many were released.
     */
    public int releaseOwnLeases() {
        Instant now = clock.instant();
        int released = jdbc.update("update mail_outbox set status = 'QUEUED', next_attempt_at = ?, lease_owner = null, "
                + "lease_until = null, updated_at = ? where status = 'SENDING' and lease_owner = ?", ts(now), ts(now), owner);
        if (released > 0) {
            log.warn("Mail sender {}: released {} mails claimed before a restart; the one per connection that the "
                    + "server may have accepted already goes out again with the same Message-ID", owner, released);
        }
        return released;
    }

    /** Sends every mail that is due, batch after batch, until none is left. */
    public Result sendDue() {
        Result total = Result.NOTHING;
        while (true) {
            Result r = sendBatch();
            total = new Result(total.claimed + r.claimed, total.sent + r.sent, total.retryLater + r.retryLater,
                    total.failed + r.failed, total.held + r.held);
            if (r.claimed < settings.batchSize()) {
                return total;
            }
        }
    }

    /** Claims up to one batch of due mails and sends them. */
    Result sendBatch() {
        Instant now = clock.instant();
        if (!transport.configured()) {
            jdbc.update("insert into mail_attempt (mail_id, at, outcome, detail) select id, ?, 'HELD', ? from mail_outbox "
                    + "where status = 'QUEUED'", ts(now), HELD_REASON);
            int held = jdbc.update("update mail_outbox set status = 'HELD', last_error = ?, updated_at = ? "
                    + "where status = 'QUEUED'", HELD_REASON, ts(now));
            return new Result(0, 0, 0, 0, held);
        }
        List<Long> claimed = claim(now);
        if (claimed.isEmpty()) {
            return Result.NOTHING;
        }
        List<Row> rows = load(claimed);
        int perConnection = Math.max(1, settings.perConnection());
        List<List<Row>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += perConnection) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + perConnection)));
        }
        int[] counts = new int[3];
        if (settings.connections() == 1 || chunks.size() == 1) {
            for (List<Row> chunk : chunks) {
                add(counts, sendChunk(chunk));
            }
        } else {
            List<Future<int[]>> futures = new ArrayList<>();
            for (List<Row> chunk : chunks) {
                futures.add(pool().submit(() -> sendChunk(chunk)));
            }
            for (Future<int[]> f : futures) {
                try {
                    add(counts, f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while sending mail", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        int sent = counts[0];
        int retry = counts[1];
        int failed = counts[2];
        if (retry + failed > 0) {
            log.warn("Mail sender {}: {} sent, {} to retry later, {} failed", owner, sent, retry, failed);
        }
        return new Result(claimed.size(), sent, retry, failed, 0);
    }

    /** Sends one connection's worth of mail and records each result; returns sent, retry, failed. */
    private int[] sendChunk(List<Row> chunk) {
        Map<MimeMessage, Row> byMessage = new IdentityHashMap<>();
        List<MimeMessage> messages = new ArrayList<>();
        List<Object[]> permanent = new ArrayList<>();
        for (Row row : chunk) {
            try {
                MimeMessage message = build(row);
                byMessage.put(message, row);
                messages.add(message);
            } catch (MessagingException | RuntimeException e) {
                permanent.add(new Object[] {reason(e), ts(clock.instant()), row.id, owner});
            }
        }
        java.util.Set<MimeMessage> marked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<MimeMessage, Exception> failures = messages.isEmpty() ? Map.of() : transport.send(messages, accepted -> {
            // committed on its own (no surrounding transaction) before the next mail goes over the wire
            Instant at = clock.instant();
            jdbc.update("update mail_outbox set status = 'SENT', sent_at = ?, last_error = null, lease_owner = null, "
                    + "lease_until = null, updated_at = ? where id = ? and lease_owner = ?", ts(at), ts(at),
                    byMessage.get(accepted).id, owner);
            marked.add(accepted);
        });
        int sent = 0;
        List<Object[]> ok = new ArrayList<>();
        List<Object[]> later = new ArrayList<>();
        Instant done = clock.instant();
        for (MimeMessage message : messages) {
            Row row = byMessage.get(message);
            Exception e = failures.get(message);
            if (e == null) {
                sent++;
                if (!marked.contains(message)) {
                    ok.add(new Object[] {ts(done), ts(done), row.id, owner});
                }
            } else if (isPermanent(e) || row.attempts >= settings.maxAttempts()) {
                permanent.add(new Object[] {reason(e), ts(done), row.id, owner});
            } else {
                later.add(new Object[] {ts(done.plus(settings.backoffAfter(row.attempts))), reason(e), ts(done), row.id, owner});
            }
        }
        if (!ok.isEmpty()) {
            int[] updated = jdbc.batchUpdate("update mail_outbox set status = 'SENT', sent_at = ?, last_error = null, lease_owner = null, "
                    + "lease_until = null, updated_at = ? where id = ? and lease_owner = ?", ok);
            history(ok, updated, "SENT", 2, -1, 0);
        }
        if (!later.isEmpty()) {
            int[] updated = jdbc.batchUpdate("update mail_outbox set status = 'QUEUED', next_attempt_at = ?, last_error = ?, "
                    + "lease_owner = null, lease_until = null, updated_at = ? where id = ? and lease_owner = ?", later);
            history(later, updated, "RETRY", 3, 1, 2);
        }
        if (!permanent.isEmpty()) {
            int[] updated = jdbc.batchUpdate("update mail_outbox set status = 'FAILED', last_error = ?, lease_owner = null, "
                    + "lease_until = null, updated_at = ? where id = ? and lease_owner = ?", permanent);
            history(permanent, updated, "FAILED", 2, 0, 1);
        }
        return new int[] {sent, later.size(), permanent.size()};
    }

    /**
     * One history row per mail whose update took effect (a sender that lost its lease writes none);
     * the positions say where the id, the error (or -1) and the time sit in the update's arguments.
     */
    private void history(List<Object[]> updates, int[] counts, String outcome, int idAt, int errorAt, int timeAt) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            if (i >= counts.length || counts[i] != 0) {
                Object[] u = updates.get(i);
                rows.add(new Object[] {u[idAt], u[timeAt], outcome, errorAt < 0 ? null : u[errorAt]});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into mail_attempt (mail_id, at, outcome, detail) values (?, ?, ?, ?)", rows);
        }
    }

    private static void add(int[] total, int[] part) {
        for (int i = 0; i < total.length; i++) {
            total[i] += part[i];
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(settings.connections(), r -> {
                Thread t = new Thread(r, "mail-sender-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /** Claims due mails for this sender: a row is ours only if our conditional update changed it. */
    List<Long> claim(Instant now) {
        List<Long> candidates = jdbc.queryForList("select id from mail_outbox where " + DUE
                + " order by next_attempt_at, id limit ?", Long.class, ts(now), ts(now), settings.batchSize());
        if (candidates.isEmpty()) {
            return List.of();
        }
        Instant leaseUntil = now.plus(settings.lease());
        List<Object[]> args = new ArrayList<>();
        for (Long id : candidates) {
            args.add(new Object[] {owner, ts(leaseUntil), ts(now), id, ts(now), ts(now)});
        }
        int[] counts = jdbc.batchUpdate("update mail_outbox set status = 'SENDING', lease_owner = ?, lease_until = ?, "
                + "attempts = attempts + 1, updated_at = ? where id = ? and " + DUE, args);
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            // JDBC may report SUCCESS_NO_INFO (-2) for batches; then read back who holds the lease below
            if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                mine.add(candidates.get(i));
            }
        }
        return mine;
    }

    private List<Row> load(List<Long> ids) {
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 200) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 200));
            String marks = String.join(",", part.stream().map(i -> "?").toList());
            List<Object> args = new ArrayList<>(part);
            args.add(owner);
            rows.addAll(jdbc.query("select id, recipient_email, subject, body_text, body_html, ics, message_id, attempts "
                    + "from mail_outbox where id in (" + marks + ") and lease_owner = ? and status = 'SENDING' order by id",
                    (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)), args.toArray()));
        }
        return rows;
    }

    private MimeMessage build(Row row) throws MessagingException {
        MimeMessage message = transport.createMessage(row.messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
        helper.setFrom(new InternetAddress(settings.from(), true));
        helper.setTo(new InternetAddress(row.email, true));
        helper.setSubject(row.subject);
        helper.setText(row.text, row.html);
        if (row.ics != null) {
            helper.addAttachment("audit.ics", new ByteArrayResource(row.ics.getBytes(StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8; method=PUBLISH");
        }
        // read only when this one mail is built, so a scan of the outbox never carries the bytes
        for (Object[] file : jdbc.query("select filename, content_type, content from mail_attachment where mail_id = ?",
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)}, row.id)) {
            helper.addAttachment((String) file[0], new ByteArrayResource((byte[]) file[2]), (String) file[1]);
        }
        message.setSentDate(java.util.Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        return message;
    }

    /** A bad address will not get better by waiting; a server that is down will. */
    static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AddressException) {
                return true;
            }
            if (t instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                    && sfe.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 1500; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AddressException) {
                sb.setLength(0);
                sb.append("Invalid address: ").append(t.getMessage());
                break;
            }
            if (!sb.isEmpty()) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        String s = sb.toString();
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private record Row(long id, String email, String subject, String text, String html, String ics, String messageId,
                       int attempts) {
    }
}
