package io.auditflow.evidence;

import io.auditflow.common.AuditEvent;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Phrase;
import io.auditflow.common.Problems;
import io.auditflow.common.Secrets;
import io.auditflow.common.Text;
import io.auditflow.common.Validation;
import java.text.Normalizer;
import io.auditflow.identity.UserService;
import io.auditflow.inbox.DateWindow;
import io.auditflow.inbox.InboxService;
import io.auditflow.inbox.InboxTask;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence for tasks. Every file is checked before anything is stored (name without folders,
 * allowed type, size, content matching the name), so a batch is stored whole or not at all.
 * Bytes go to disk under a random key, the record (with SHA-256, uploader, time and the stated
 * evidence date) to the database; a rolled-back record takes its file with it (docs/decisions/0021).
 */
@Service
@Transactional
public class EvidenceService {

    public static final int MAX_FILE_NAME = 200;
    private static final Pattern BAD_NAME = Pattern.compile("[/\\\\:\\p{Cntrl}]|^\\.\\.?$|^\\s|\\s$");
    private static final Logger log = LoggerFactory.getLogger(EvidenceService.class);

    private final JdbcTemplate jdbc;
    private final InboxService inbox;
    private final ProgramService programs;
    private final UserService users;
    private final EvidenceProperties properties;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<EvidenceReadGrant> grants;
    private final ApplicationEventPublisher events;

    EvidenceService(JdbcTemplate jdbc, InboxService inbox, ProgramService programs, UserService users,
                    EvidenceProperties properties, Clock clock,
                    org.springframework.beans.factory.ObjectProvider<EvidenceReadGrant> grants,
                    ApplicationEventPublisher events) {
        this.grants = grants;
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.programs = programs;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    public EvidenceProperties settings() {
        return properties;
    }

    /** Stores the files on the task, all or none; {@code evidenceDate} null means today. */
    @PreAuthorize(Roles.CAN_WORK)
    public List<Evidence> upload(String taskId, List<EvidenceUpload> files, LocalDate evidenceDate) {
        String me = CurrentUser.require();
        InboxTask task = inbox.get(taskId);
        if (!task.open()) {
            throw new ConflictException("'" + task.name() + "' is already closed; evidence goes on open tasks");
        }
        programs.requireActive(task.programId());
        LocalDate today = LocalDate.now(clock);
        LocalDate dated = evidenceDate == null ? today : evidenceDate;
        Validation v = new Validation();
        v.check(!dated.isAfter(today), "evidenceDate", "Evidence cannot be dated in the future");
        v.check(files != null && !files.isEmpty(), "file", "Choose at least one file");
        List<String> extensions = new ArrayList<>();
        if (files != null) {
            for (EvidenceUpload file : files) {
                extensions.add(check(file, v));
            }
        }
        v.throwIfInvalid();

        List<Path> written = new ArrayList<>();
        registerCleanup(written);
        List<Evidence> stored = new ArrayList<>();
        try {
            Files.createDirectories(properties.directory());
            for (int i = 0; i < files.size(); i++) {
                EvidenceUpload file = files.get(i);
                String fileName = Normalizer.normalize(file.fileName(), Normalizer.Form.NFC).trim();
                String key = UUID.randomUUID().toString().replace("-", "");
                Path temp = properties.directory().resolve(".upload-" + key);
                Path target = properties.directory().resolve(key);
                Files.write(temp, file.bytes());
                written.add(temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
                String type = ContentCheck.CONTENT_TYPES.get(extensions.get(i));
                Timestamp now = Timestamp.from(clock.instant());
                jdbc.update("insert into evidence (task_id, program_id, cycle, task_name, file_name, content_type,"
                                + " size_bytes, sha256, storage_key, evidence_date, uploaded_by, uploaded_at)"
                                + " values (?,?,?,?,?,?,?,?,?,?,?,?)",
                        task.id(), task.programId(), task.cycle(), task.name(), fileName, type,
                        (long) file.bytes().length, sha256(file.bytes()), key, Date.valueOf(dated), me, now);
                Long id = jdbc.queryForObject("select id from evidence where storage_key = ?", Long.class, key);
                events.publishEvent(new AuditEvent("EVIDENCE_UPLOADED", "evidence " + id,
                        "'" + fileName + "' on task " + task.id() + ", sha256 " + sha256(file.bytes())));
                stored.add(new Evidence(id, task.id(), task.programId(), task.cycle(), task.name(), fileName,
                        type, file.bytes().length, sha256(file.bytes()), dated, me, now.toInstant(),
                        inbox.observationWindow(task).map(w -> !w.contains(dated)).orElse(null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store evidence", e);
        }
        return stored;
    }

    /** Checks one file; returns its lower-case extension. */
    private String check(EvidenceUpload file, Validation v) {
        String raw = file == null || file.fileName() == null ? "" : file.fileName();
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (name.isBlank()) {
            v.check(false, "file", Phrase.of("service.evidence.noName"));
            return "";
        }
        if (BAD_NAME.matcher(name).find() || name.contains("..")) {
            v.check(false, "file", Phrase.of("service.evidence.plainName", name));
            return "";
        }
        if (Text.firstForbidden(name, false) >= 0) {
            // e.g. "invoice\u202Efdp.exe" shows as "invoiceexe.pdf": refused with the common message
            Text.singleLine(name, "file", "The file name", v);
            return "";
        }
        v.check(name.length() <= MAX_FILE_NAME, "file", Phrase.of("service.evidence.nameLength", name, MAX_FILE_NAME));
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!properties.allowedTypes().contains(extension) || !ContentCheck.CONTENT_TYPES.containsKey(extension)) {
            v.check(false, "file", Phrase.of("service.evidence.type", name, String.join(", ", properties.allowedTypes())));
            return extension;
        }
        byte[] bytes = file.bytes() == null ? new byte[0] : file.bytes();
        if (bytes.length == 0) {
            v.check(false, "file", Phrase.of("service.evidence.empty", name));
            return extension;
        }
        if (bytes.length > properties.maxSize().toBytes()) {
            v.check(false, "file", Problems.tooLarge(Problems.named(name), properties.maxSize()));
            return extension;
        }
        ContentCheck.Result content = ContentCheck.check(extension, bytes);
        v.check(content != ContentCheck.Result.UNPACKS_TOO_LARGE, "file", Phrase.of("service.evidence.unpacks", name,
                ContentCheck.MAX_UNPACKED_BYTES / (1024 * 1024), ContentCheck.MAX_RATIO));
        v.check(content != ContentCheck.Result.MISMATCH, "file",
                Phrase.of("service.evidence.mismatch", name, extension.toUpperCase(Locale.ROOT)));
        return extension;
    }

    private void registerCleanup(List<Path> written) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    for (Path p : written) {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException e) {
                            log.warn("Could not remove evidence file {} after a rollback", p, e);
                        }
                    }
                }
            }
        });
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public List<Evidence> ofTask(String taskId) {
        InboxTask task = inbox.get(taskId);
        Optional<DateWindow> window = inbox.observationWindow(task);
        return jdbc.query("select * from evidence where task_id = ? order by uploaded_at, id",
                (rs, i) -> map(rs, window), taskId);
    }

    /** Every piece of evidence of a program; managers see all programs, members their teams' programs. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public List<Evidence> ofProgram(Long programId) {
        Program program = programs.find(programId).orElseThrow(() -> new NotFoundException("No program " + programId));
        if (!CurrentUser.canManage() && !users.teamCodesOf(CurrentUser.require()).contains(program.team())) {
            throw new NotFoundException("No program " + programId);
        }
        Map<String, Optional<DateWindow>> windows = new HashMap<>();
        return jdbc.query("select * from evidence where program_id = ? order by evidence_date desc, id desc", (rs, i) -> {
            String taskId = rs.getString("task_id");
            Optional<DateWindow> window = windows.computeIfAbsent(taskId, id -> {
                try {
                    return inbox.observationWindow(inbox.get(id));
                } catch (NotFoundException e) {
                    return Optional.empty();
                }
            });
            return map(rs, window);
        }, programId);
    }

    /**
     * The file to send, if the caller may see the task it belongs to; an auditor only when a
     * {@link EvidenceReadGrant} (their engagement's requests) lets them read exactly this piece.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public EvidenceFile download(Long evidenceId) {
        var rows = jdbc.queryForList("select task_id, storage_key from evidence where id = ?", evidenceId);
        if (rows.isEmpty()) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        if (!CurrentUser.canManage() && !CurrentUser.hasRole(io.auditflow.security.Role.COMPLIANCE_MEMBER)) {
            String me = CurrentUser.require();
            if (grants.orderedStream().noneMatch(g -> g.mayRead(me, evidenceId))) {
                throw new NotFoundException("No evidence " + evidenceId);
            }
            return file(evidenceId, null);
        }
        String taskId = (String) rows.get(0).get("task_id");
        try {
            inbox.get(taskId);
        } catch (NotFoundException e) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        Evidence evidence = ofTask(taskId).stream().filter(e -> e.id().equals(evidenceId)).findFirst().orElseThrow();
        Path path = properties.directory().resolve((String) rows.get(0).get("storage_key"));
        if (!Files.isRegularFile(path)) {
            throw new NotFoundException("The file of evidence " + evidenceId + " is missing from the evidence store");
        }
        events.publishEvent(new AuditEvent("EVIDENCE_DOWNLOADED", "evidence " + evidenceId,
                "'" + evidence.fileName() + "' of task " + taskId));
        return new EvidenceFile(evidence, path);
    }

    /**
     * Evidence records by id and by the tasks they were uploaded to, flagged against {@code period}
     * (null: no flag). For features that decide the caller's scope themselves first (engagements).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public List<Evidence> records(java.util.Collection<Long> ids, java.util.Collection<String> taskIds, DateWindow period) {
        List<Evidence> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        Optional<DateWindow> window = Optional.ofNullable(period);
        // IN lists of at most 500 values (every database takes them): a binder asks for hundreds of pieces
        List<List<?>> keys = List.of(List.copyOf(ids), List.copyOf(taskIds));
        String[] columns = {"id", "task_id"};
        for (int k = 0; k < 2; k++) {
            List<?> values = keys.get(k);
            for (List<?> part : io.auditflow.common.InLists.parts(values)) {
                String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                for (Evidence e : jdbc.query("select * from evidence where " + columns[k] + " in (" + marks + ")",
                        (rs, i) -> map(rs, window), part.toArray())) {
                    if (seen.add(e.id())) {
                        out.add(e);
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Evidence::uploadedAt).thenComparing(Evidence::id));
        return out;
    }

    /** One stored file by id, for callers that decided the scope themselves (the engagement binder). */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public EvidenceFile file(Long evidenceId, DateWindow period) {
        List<Evidence> found = jdbc.query("select * from evidence where id = ?",
                (rs, i) -> map(rs, Optional.ofNullable(period)), evidenceId);
        if (found.isEmpty()) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        String key = jdbc.queryForObject("select storage_key from evidence where id = ?", String.class, evidenceId);
        Path path = properties.directory().resolve(key);
        if (!Files.isRegularFile(path)) {
            throw new NotFoundException("The file of evidence " + evidenceId + " is missing from the evidence store");
        }
        return new EvidenceFile(found.get(0), path);
    }

    private static Evidence map(ResultSet rs, Optional<DateWindow> window) throws SQLException {
        LocalDate dated = rs.getDate("evidence_date").toLocalDate();
        long program = rs.getLong("program_id");
        Long programId = rs.wasNull() ? null : program;
        long cycle = rs.getLong("cycle");
        Integer cycleValue = rs.wasNull() ? null : (int) cycle;
        return new Evidence(rs.getLong("id"), rs.getString("task_id"), programId, cycleValue, rs.getString("task_name"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                dated, rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(),
                window.map(w -> !w.contains(dated)).orElse(null));
    }

    static String sha256(byte[] bytes) {
        return Secrets.sha256(bytes);
    }
}
