package io.auditflow.audit;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.Secrets;
import io.auditflow.security.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: append-only and tamper-evident. Every entry stores the SHA-256 of the previous
 * entry's hash and its own content; the head row holds the last sequence number and hash and is
 * locked by every append, so appends from many threads or nodes form one chain (H2 and
 * PostgreSQL alike). {@link #verify()} walks the chain and finds a changed, removed or added entry.
 * Nothing here updates or deletes an entry.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    static final int MAX_ACTOR = 100;
    static final int MAX_ACTION = 60;
    static final int MAX_TARGET = 200;
    static final int MAX_DETAILS = 2000;
    public static final int MAX_EXPORT = 100_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;

    AuditTrail(JdbcTemplate jdbc, Clock clock, AuditflowProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** Appends one entry in its own transaction (so a failed sign-in is kept even when nothing else commits). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public AuditEntry append(String actor, String action, String target, String details) {
        String who = clip(actor == null || actor.isBlank() ? "system" : actor, MAX_ACTOR);
        String what = clip(action, MAX_ACTION);
        String on = clip(target, MAX_TARGET);
        String text = clip(details, MAX_DETAILS);
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_head where id = 1 for update");
        long seq = ((Number) head.get("seq")).longValue() + 1;
        String prev = (String) head.get("hash");
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = hash(prev, seq, at.toEpochMilli(), who, what, on, text);
        jdbc.update("insert into audit_entry (seq, at_ms, actor, action, target, details, prev_hash, hash)"
                + " values (?,?,?,?,?,?,?,?)", seq, at.toEpochMilli(), who, what, on, text, prev, hash);
        jdbc.update("update audit_head set seq = ?, hash = ? where id = 1", seq, hash);
        return new AuditEntry(seq, at, who, what, on, text, prev, hash);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(Math.max(1, Math.min(limit, 500)));
        args.add(Math.max(0, offset));
        return jdbc.query("select * from audit_entry" + where + " order by seq desc limit ? offset ?", AuditTrail::map,
                args.toArray());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public long count(AuditFilter filter) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("select count(*) from audit_entry" + where(filter, args), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** The distinct action codes on record, for the filter. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public List<String> actions() {
        return jdbc.queryForList("select distinct action from audit_entry order by action", String.class);
    }

    /**
     * Writes the matching entries (newest first, at most {@link #MAX_EXPORT}) as CSV with the hashes,
     * so an auditor can check the chain outside the tool. Cells that a spreadsheet would run as a
     * formula get a leading apostrophe.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public void exportCsv(AuditFilter filter, Writer out) {
        exportCsv(filter, out, java.util.Locale.ENGLISH);
    }

    /** The same with the header in the reader's language; times stay ISO 8601 UTC and actions their codes (decision 0152). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public void exportCsv(AuditFilter filter, Writer out, java.util.Locale locale) {
        io.auditflow.common.CsvWords words = io.auditflow.common.CsvWords.of(locale);
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(MAX_EXPORT);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(words.header("audit", "seq", "time", "actor", "action", "target", "details", "prev_hash", "hash")).get())) {
            jdbc.query("select * from audit_entry" + where + " order by seq desc limit ?", rs -> {
                AuditEntry e = map(rs, 0);
                try {
                    csv.printRecord(e.seq(), words.instant(e.at()), cell(e.actor()), cell(e.action()), cell(e.target()),
                            cell(e.details()), e.prevHash(), e.hash());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }, args.toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks the whole chain in order and reports the first entry that is missing, changed or out of place. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public AuditVerification verify() {
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_head where id = 1");
        long headSeq = ((Number) head.get("seq")).longValue();
        String headHash = (String) head.get("hash");
        long[] expected = {1};
        String[] prev = {GENESIS};
        Long[] bad = {null};
        String[] reason = {null};
        jdbc.query("select * from audit_entry order by seq", rs -> {
            if (bad[0] != null) {
                return;
            }
            AuditEntry e = map(rs, 0);
            if (e.seq() != expected[0]) {
                bad[0] = expected[0];
                reason[0] = e.seq() > expected[0] ? "Entries " + expected[0] + " to " + (e.seq() - 1) + " were removed"
                        : "Entry " + e.seq() + " appears twice or out of order";
            } else if (!e.prevHash().equals(prev[0])) {
                bad[0] = e.seq();
                reason[0] = "Entry " + e.seq() + " does not follow the entry before it (an entry was removed or replaced)";
            } else if (!e.hash().equals(hash(e.prevHash(), e.seq(), e.at().toEpochMilli(), e.actor(), e.action(),
                    e.target(), e.details()))) {
                bad[0] = e.seq();
                reason[0] = "Entry " + e.seq() + " was changed after it was written";
            } else {
                prev[0] = e.hash();
                expected[0]++;
            }
        });
        long checked = expected[0] - 1;
        if (bad[0] == null && (checked != headSeq || !prev[0].equals(headHash))) {
            bad[0] = checked + 1;
            reason[0] = checked < headSeq ? "Entries " + (checked + 1) + " to " + headSeq + " were removed from the end"
                    : "The chain does not end where the head row says it does";
        }
        return new AuditVerification(bad[0] == null, checked, bad[0], reason[0], headHash);
    }

    public ZoneId zone() {
        return zone;
    }

    // ---- internals ---------------------------------------------------------------------------

    private String where(AuditFilter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter != null) {
            if (filter.actor() != null && !filter.actor().isBlank()) {
                conditions.add("lower(actor) = ?");
                args.add(filter.actor().trim().toLowerCase(Locale.ROOT));
            }
            if (filter.action() != null && !filter.action().isBlank()) {
                conditions.add("action = ?");
                args.add(filter.action().trim().toUpperCase(Locale.ROOT));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                String like = new io.auditflow.search.SearchQuery(filter.text()).likePattern();
                String named = filter.named().isEmpty() ? ""
                        : " or lower(target) in (" + String.join(",", java.util.Collections.nCopies(filter.named().size(), "?")) + ")";
                conditions.add("(lower(coalesce(target, '')) like ? escape '\\' or lower(coalesce(details, '')) like ? escape '\\'"
                        + named + ")");
                args.add(like);
                args.add(like);
                filter.named().forEach(target -> args.add(target.toLowerCase(Locale.ROOT)));
            }
            if (filter.from() != null) {
                conditions.add("at_ms >= ?");
                args.add(filter.from().atStartOfDay(zone).toInstant().toEpochMilli());
            }
            if (filter.to() != null) {
                conditions.add("at_ms < ?");
                args.add(filter.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
            }
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Instant.ofEpochMilli(rs.getLong("at_ms")), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("details"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /** SHA-256 over the previous hash and every field, each written as its length and its text (no ambiguity). */
    static String hash(String prev, long seq, long atMillis, String actor, String action, String target, String details) {
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {prev, Long.toString(seq), Long.toString(atMillis), actor, action, target, details}) {
            s.append(part == null ? "-1:" : part.length() + ":" + part).append('\n');
        }
        return Secrets.sha256(s.toString());
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.length() <= max ? out.toString() : out.substring(0, max);
    }

    /** OWASP CSV injection: a cell starting with = + - @ or a tab is not run as a formula. */
    private static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
