package io.auditflow.engagement;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Phrase;
import io.auditflow.common.Validation;
import io.auditflow.evidence.Evidence;
import io.auditflow.evidence.EvidenceService;
import io.auditflow.identity.TeamSummary;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.inbox.DateWindow;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.mail.MailOutbox;
import io.auditflow.common.Messages;
import io.auditflow.mail.OutgoingMail;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request list of an engagement. Each request runs as an {@code auditRequestProcess}: its
 * answer task sits in the team's inbox; the auditor's decision is the message {@code RequestReviewed}.
 * The status column follows the process (task listener) and is what lists, progress and the binder read.
 */
@Service
@Transactional
public class RequestService {

    public static final String PROCESS_KEY = "auditRequestProcess";
    public static final String FORM_KEY = "auditflow:audit-request";
    public static final String MESSAGE_REVIEWED = "RequestReviewed";
    public static final int MAX_REFERENCE = 40;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_CRITERIA = 500;
    public static final int MAX_OWNER_HINT = 200;
    public static final int MAX_COMMENT = 4000;

    private static final String COLUMNS = "id, engagement_id, reference, request_text, criteria, due_date, owner_hint,"
            + " team_code, status, current_task_id, answer, sample_id, occurrence_id, submitted_by, submitted_at,"
            + " decided_by, decided_at, created_at, version";

    private final JdbcTemplate jdbc;
    private final EngagementService engagements;
    private final EvidenceService evidence;
    private final UserService users;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final MailOutbox outbox;
    private final Clock clock;
    private final ZoneId zone;

    RequestService(JdbcTemplate jdbc, EngagementService engagements, EvidenceService evidence, UserService users,
                   RuntimeService runtime, IdentityService identity, MailOutbox outbox, Clock clock,
                   AuditflowProperties app) {
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.evidence = evidence;
        this.users = users;
        this.runtime = runtime;
        this.identity = identity;
        this.outbox = outbox;
        this.clock = clock;
        this.zone = app.zone();
    }

    // ---- reading ----------------------------------------------------------------------------

    /** The requests the caller may see, by reference; {@code status} null means all. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public List<AuditRequest> list(Long engagementId, RequestStatus status) {
        Engagement e = engagements.get(engagementId);
        List<AuditRequest> all = jdbc.query("select " + COLUMNS + " from engagement_request where engagement_id = ?"
                + " order by reference", this::map, engagementId);
        boolean everything = engagements.seesAllRequests(e);
        List<String> teams = everything ? List.of() : engagements.myTeams();
        return all.stream()
                .filter(r -> everything || teams.contains(r.teamCode()))
                .filter(r -> status == null || r.status() == status)
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public AuditRequest get(Long requestId) {
        AuditRequest r = find(requestId).orElseThrow(() -> notFound(requestId));
        Engagement e;
        try {
            e = engagements.get(r.engagementId());
        } catch (NotFoundException ex) {
            throw notFound(requestId);
        }
        if (!engagements.seesAllRequests(e) && !engagements.myTeams().contains(r.teamCode())) {
            throw notFound(requestId);
        }
        return r;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public Engagement engagementOf(Long requestId) {
        return engagements.get(get(requestId).engagementId());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public Progress progress(Long engagementId) {
        Engagement e = engagements.get(engagementId);
        Map<RequestStatus, Integer> by = new EnumMap<>(RequestStatus.class);
        for (RequestStatus s : RequestStatus.values()) {
            by.put(s, 0);
        }
        int overdue = 0;
        List<AuditRequest> requests = list(engagementId, null);
        for (AuditRequest r : requests) {
            by.merge(r.status(), 1, Integer::sum);
            overdue += r.overdue() ? 1 : 0;
        }
        Long days = e.fieldworkEnd() == null ? null
                : java.time.temporal.ChronoUnit.DAYS.between(engagements.today(), e.fieldworkEnd());
        return new Progress(by, requests.size(), overdue, days);
    }

    // ---- writing the list -------------------------------------------------------------------

    /** Adds a request, or updates the one with the same reference (an accepted request stays as it is). */
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public AuditRequest save(Long engagementId, RequestForm form) {
        Engagement e = requireListWriter(engagementId);
        Validation v = new Validation();
        RequestForm clean = check(form, v, null);
        v.throwIfInvalid();
        upsert(e, clean);
        return find(jdbc.queryForObject("select id from engagement_request where engagement_id = ? and reference = ?",
                Long.class, engagementId, clean.reference())).orElseThrow();
    }

    /** Imports a CSV request list, all rows or none; a reference already on the list updates that request. */
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public ImportResult importCsv(Long engagementId, byte[] csv) {
        Engagement e = requireListWriter(engagementId);
        List<RequestForm> rows = RequestCsv.parse(csv, engagements.settings());
        Validation v = new Validation();
        List<RequestForm> clean = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            clean.add(check(rows.get(i), v, i + 2));
        }
        v.throwIfInvalid();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (RequestForm f : clean) {
            switch (upsert(e, f)) {
                case 1 -> created++;
                case 2 -> updated++;
                default -> unchanged++;
            }
        }
        return new ImportResult(created, updated, unchanged);
    }

    /** Checks one request; {@code row} (the CSV row, or null) prefixes each message and names the field. */
    private RequestForm check(RequestForm f, Validation v, Integer row) {
        String field = row == null ? null : "row " + row;
        String reference = f == null || f.reference() == null ? "" : f.reference().trim();
        String text = f == null || f.text() == null ? "" : f.text().trim();
        String criteria = f == null || f.criteria() == null ? null : f.criteria().trim();
        String owner = f == null || f.ownerHint() == null ? null : f.ownerHint().trim();
        v.check(!reference.isEmpty(), or(field, "reference"), inRow(row, "service.request.reference"));
        v.check(reference.length() <= MAX_REFERENCE, or(field, "reference"), inRow(row, "service.request.referenceLength", MAX_REFERENCE));
        v.check(!reference.matches(".*[\\p{Cntrl}].*"), or(field, "reference"), inRow(row, "service.request.referenceControlChars"));
        v.check(!text.isEmpty(), or(field, "text"), inRow(row, "service.request.textEmpty"));
        v.check(text.length() <= MAX_TEXT, or(field, "text"), inRow(row, "service.request.textLength", MAX_TEXT));
        v.check(criteria == null || criteria.length() <= MAX_CRITERIA, or(field, "criteria"), inRow(row, "service.request.criteriaLength", MAX_CRITERIA));
        v.check(owner == null || owner.length() <= MAX_OWNER_HINT, or(field, "ownerHint"), inRow(row, "service.request.ownerHintLength", MAX_OWNER_HINT));
        return new RequestForm(reference, text, criteria == null || criteria.isEmpty() ? null : criteria,
                f == null ? null : f.dueDate(), owner == null || owner.isEmpty() ? null : owner);
    }

    /** "row 3: keep the reference under 64 characters" for an import row, the bare message otherwise. */
    private static Phrase inRow(Integer row, String key, Object... args) {
        Phrase message = Phrase.of(key, args);
        return row == null ? message : Phrase.of("import.inRow", row, message);
    }

    private static String or(String a, String b) {
        return a == null ? b : a;
    }

    /** 1 created, 2 updated, 0 unchanged. */
    private int upsert(Engagement e, RequestForm f) {
        Optional<AuditRequest> existing = jdbc.query("select " + COLUMNS + " from engagement_request where engagement_id = ?"
                + " and reference = ?", this::map, e.id(), f.reference()).stream().findFirst();
        String team = teamFor(e, f.ownerHint());
        if (existing.isPresent()) {
            AuditRequest r = existing.get();
            boolean same = r.text().equals(f.text()) && Objects.equals(r.criteria(), f.criteria())
                    && Objects.equals(r.dueDate(), f.dueDate()) && Objects.equals(r.ownerHint(), f.ownerHint());
            if (same || r.status() == RequestStatus.ACCEPTED) {
                return 0;
            }
            jdbc.update("update engagement_request set request_text = ?, criteria = ?, due_date = ?, owner_hint = ?,"
                    + " version = version + 1 where id = ?", f.text(), f.criteria(), EngagementService.date(f.dueDate()),
                    f.ownerHint(), r.id());
            return 2;
        }
        insertAndStart(e, f, team, null, null, null);
        return 1;
    }

    Long insertAndStart(Engagement e, RequestForm f, String team, Long sampleId, Long occurrenceId, String activityCode) {
        jdbc.update("insert into engagement_request (engagement_id, reference, request_text, criteria, due_date, owner_hint,"
                        + " team_code, status, sample_id, occurrence_id, created_at) values (?,?,?,?,?,?,?,?,?,?,?)",
                e.id(), f.reference(), f.text(), f.criteria(), EngagementService.date(f.dueDate()), f.ownerHint(), team,
                RequestStatus.OPEN.name(), sampleId, occurrenceId, Timestamp.from(clock.instant()));
        Long id = jdbc.queryForObject("select id from engagement_request where engagement_id = ? and reference = ?",
                Long.class, e.id(), f.reference());
        Map<String, Object> vars = new HashMap<>();
        vars.put("engagementId", e.id());
        vars.put("requestId", id);
        vars.put("programId", e.programId());
        vars.put("cycle", e.cycle());
        vars.put("teamCode", team);
        vars.put("milestoneType", e.milestoneType());
        vars.put("dueDate", f.dueDate() == null ? null
                : java.util.Date.from(f.dueDate().plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1)));
        String name = "Audit request " + f.reference() + ": " + f.text().replaceAll("\\s+", " ");
        vars.put("requestTaskName", name.length() > 200 ? name.substring(0, 199) + "…" : name);
        if (activityCode != null) {
            // Sampled occurrences: the inbox's observation-window flag then applies to their evidence.
            vars.put("controlActivity", activityCode);
            vars.put("observationStart", e.periodStart().toString());
            vars.put("observationEnd", e.periodEnd().toString());
        }
        String pi = runtime.startProcessInstanceByKey(PROCESS_KEY, "engagement-request:" + id, vars).getId();
        jdbc.update("update engagement_request set process_instance_id = ? where id = ?", pi, id);
        return id;
    }

    String teamFor(Engagement e, String ownerHint) {
        if (ownerHint != null) {
            String code = ownerHint.trim().toLowerCase(Locale.ROOT);
            if (code.matches("[a-z0-9][a-z0-9-]*") && users.findTeam(code).isPresent()) {
                return code;
            }
        }
        return e.programTeam();
    }

    /** Managers write the list; so do the engagement's active auditors (they own the PBC list). */
    private Engagement requireListWriter(Long engagementId) {
        Engagement e = engagements.get(engagementId);
        if (!CurrentUser.canManage() && !engagements.actsAsAuditor(e)) {
            throw new org.springframework.security.access.AccessDeniedException("Only managers and the engagement's auditors change the request list");
        }
        return e;
    }

    // ---- the auditor's decision -------------------------------------------------------------

    /**
     * Accepts the submitted answer, or sends it back to the team with a comment. The row lock and
     * the version make two auditors deciding at once safe: one wins, the other gets a 409 that
     * says what happened. {@code expectedVersion} (optional) is the version the auditor looked at.
     */
    @PreAuthorize("hasRole('AUDITOR')")
    public AuditRequest decide(Long requestId, boolean accept, String comment, Long expectedVersion) {
        String me = CurrentUser.require();
        AuditRequest seen = get(requestId);
        Engagement e = engagements.get(seen.engagementId());
        if (!engagements.actsAsAuditor(e)) {
            throw notFound(requestId);
        }
        String body = comment == null ? "" : comment.trim();
        new Validation()
                .check(accept || !body.isEmpty(), "comment", "Say what is missing; the team sees your comment")
                .check(body.length() <= MAX_COMMENT, "comment", "Keep comments under " + MAX_COMMENT + " characters")
                .throwIfInvalid();
        AuditRequest r;
        try {
            r = jdbc.query("select " + COLUMNS + " from engagement_request where id = ? for update", this::map, requestId)
                    .stream().findFirst().orElseThrow(() -> notFound(requestId));
        } catch (PessimisticLockingFailureException ex) {
            throw new ConflictException("Another auditor is deciding on " + seen.reference() + " right now; look again in a moment");
        }
        if (r.status() != RequestStatus.SUBMITTED) {
            throw new ConflictException(r.reference() + " is " + r.status().label().toLowerCase(Locale.ROOT)
                    + (r.decidedBy() != null && (r.status() == RequestStatus.ACCEPTED || r.status() == RequestStatus.NEEDS_REVISION)
                    ? " (decided by " + displayName(r.decidedBy()) + ")" : "") + "; nothing was changed");
        }
        if (expectedVersion != null && expectedVersion != r.version()) {
            throw new ConflictException(r.reference() + " changed since you opened it; look at it again");
        }
        Instant now = clock.instant();
        RequestStatus next = accept ? RequestStatus.ACCEPTED : RequestStatus.NEEDS_REVISION;
        int n = jdbc.update("update engagement_request set status = ?, decided_by = ?, decided_at = ?, version = version + 1"
                + " where id = ? and version = ?", next.name(), me, Timestamp.from(now), requestId, r.version());
        if (n != 1) {
            throw new ConflictException(r.reference() + " changed a moment ago; look at it again");
        }
        if (!body.isEmpty()) {
            addComment(r, null, me, true, body);
        }
        identity.setAuthenticatedUserId(me);
        try {
            runtime.createMessageCorrelation(MESSAGE_REVIEWED).processInstanceBusinessKey("engagement-request:" + requestId)
                    .setVariable("accepted", accept).setVariable("auditorComment", body).correlateWithResult();
        } catch (MismatchingMessageCorrelationException ex) {
            throw new ConflictException(r.reference() + " is not waiting for a review any more; look at it again");
        } finally {
            identity.clearAuthentication();
        }
        if (!accept) {
            for (UserSummary to : teamRecipients(r)) {
                java.util.Locale l = engagements.recipientLocale(to.username());
                outbox.enqueue(EngagementService.mail("REQUEST_SENT_BACK:" + requestId + ":" + now.toEpochMilli() + ":" + to.username(),
                        to.username(), to.email(), io.auditflow.common.Phrase.of("mail.request.sentBack.subject", r.reference()), l,
                        Messages.get("mail.request.sentBack.text", l, r.reference(), body, engagements.link(e.id())),
                        engagements.link(e.id())));
            }
        }
        return find(requestId).orElseThrow();
    }

    // ---- comments ---------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public List<RequestComment> comments(Long requestId) {
        get(requestId);
        return jdbc.query("select id, request_id, parent_id, author, from_auditor, body, created_at from engagement_comment"
                + " where request_id = ? order by created_at, id", (rs, i) -> comment(rs), requestId);
    }

    /** A message in the request's thread; mails go to the other side (auditors or the team). */
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public RequestComment comment(Long requestId, Long parentId, String text) {
        String me = CurrentUser.require();
        AuditRequest r = get(requestId);
        Engagement e = engagements.get(r.engagementId());
        String body = text == null ? "" : text.trim();
        Validation v = new Validation()
                .check(!body.isEmpty(), "comment", "Write a comment first")
                .check(body.length() <= MAX_COMMENT, "comment", "Keep comments under " + MAX_COMMENT + " characters");
        if (parentId != null) {
            Long n = jdbc.queryForObject("select count(*) from engagement_comment where id = ? and request_id = ?", Long.class,
                    parentId, requestId);
            v.check(n != null && n > 0, "parentId", "Answer a comment of this request");
        }
        v.throwIfInvalid();
        return addComment(r, parentId, me, engagements.actsAsAuditor(e), body);
    }

    private RequestComment addComment(AuditRequest r, Long parentId, String me, boolean fromAuditor, String body) {
        Instant now = clock.instant();
        jdbc.update("insert into engagement_comment (request_id, parent_id, author, from_auditor, body, created_at)"
                + " values (?,?,?,?,?,?)", r.id(), parentId, me, fromAuditor, body, Timestamp.from(now));
        Long id = jdbc.queryForObject("select max(id) from engagement_comment where request_id = ? and author = ?", Long.class,
                r.id(), me);
        List<UserSummary> recipients = fromAuditor ? teamRecipients(r) : auditorRecipients(r.engagementId());
        String link = engagements.link(r.engagementId());
        for (UserSummary to : recipients) {
            if (to.username().equals(me)) {
                continue;
            }
            java.util.Locale l = engagements.recipientLocale(to.username());
            outbox.enqueue(EngagementService.mail("REQUEST_COMMENT:" + id + ":" + to.username(), to.username(),
                    to.email(), io.auditflow.common.Phrase.of("mail.request.comment.subject", r.reference()), l,
                    Messages.get("mail.request.comment.text", l, displayName(me), r.reference(), body, link), link));
        }
        return new RequestComment(id, r.id(), parentId, me, fromAuditor, body, now);
    }

    private List<UserSummary> teamRecipients(AuditRequest r) {
        Set<String> names = new LinkedHashSet<>();
        if (r.submittedBy() != null) {
            names.add(r.submittedBy());
        } else {
            users.findTeam(r.teamCode()).map(TeamSummary::members).ifPresent(names::addAll);
        }
        return names.stream().map(users::findUser).flatMap(Optional::stream).filter(UserSummary::enabled).toList();
    }

    private List<UserSummary> auditorRecipients(Long engagementId) {
        Engagement e = engagements.find(engagementId).orElseThrow();
        return jdbc.queryForList("select username from engagement_auditor where engagement_id = ? and revoked_at is null",
                        String.class, engagementId).stream()
                .filter(u -> engagements.auditorActive(e, u))
                .map(users::findUser).flatMap(Optional::stream).filter(UserSummary::enabled).toList();
    }

    // ---- evidence ---------------------------------------------------------------------------

    /** Links evidence already in the store (same program) to the request: no second upload. */
    @PreAuthorize(Roles.CAN_WORK)
    public List<Evidence> linkEvidence(Long requestId, Long evidenceId) {
        String me = CurrentUser.require();
        AuditRequest r = get(requestId);
        Engagement e = engagements.get(r.engagementId());
        if (r.status() == RequestStatus.ACCEPTED || r.status() == RequestStatus.SUBMITTED) {
            throw new ConflictException(r.reference() + " is " + r.status().label().toLowerCase(Locale.ROOT)
                    + "; evidence can be linked while the team works on it");
        }
        boolean visible = evidenceId != null && evidence.ofProgram(e.programId()).stream().anyMatch(x -> x.id().equals(evidenceId));
        if (!visible) {
            throw new NotFoundException("No evidence " + evidenceId + " in the program of this engagement");
        }
        Long n = jdbc.queryForObject("select count(*) from engagement_request_evidence where request_id = ? and evidence_id = ?",
                Long.class, requestId, evidenceId);
        if (n == null || n == 0) {
            jdbc.update("insert into engagement_request_evidence (request_id, evidence_id, linked_by, linked_at) values (?,?,?,?)",
                    requestId, evidenceId, me, Timestamp.from(clock.instant()));
        }
        return evidenceOf(requestId);
    }

    /** Evidence linked to the request and uploaded to any of its answer tasks, flagged against the period. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public List<Evidence> evidenceOf(Long requestId) {
        AuditRequest r = get(requestId);
        Engagement e = engagements.get(r.engagementId());
        return evidence.records(linkedIds(requestId), taskIds(requestId), period(e));
    }

    static DateWindow period(Engagement e) {
        return MilestoneType.AS_OF_DATE.name().equals(e.milestoneType()) ? null
                : new DateWindow(e.periodStart(), e.periodEnd());
    }

    List<Long> linkedIds(Long requestId) {
        return jdbc.queryForList("select evidence_id from engagement_request_evidence where request_id = ? order by evidence_id",
                Long.class, requestId);
    }

    List<String> taskIds(Long requestId) {
        return jdbc.queryForList("select task_id from engagement_request_task where request_id = ? order by task_id",
                String.class, requestId);
    }

    /**
     * The one rule of what evidence an auditor reads: the pieces among these that belong to a request
     * of an engagement the auditor is active in (linked to the request, or given on one of its tasks).
     * A few queries for any number of pieces: the download check asks about one, the search about hundreds.
     */
    Set<Long> auditorReadable(String username, Collection<Long> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return Set.of();
        }
        List<Long> active = jdbc.queryForList("select distinct engagement_id from engagement_auditor"
                        + " where username = ? and revoked_at is null", Long.class, username).stream()
                .map(engagements::find).flatMap(Optional::stream).filter(e -> engagements.auditorActive(e, username))
                .map(Engagement::id).toList();
        if (active.isEmpty()) {
            return Set.of();
        }
        List<Evidence> found = evidence.records(evidenceIds, List.of(), null);
        if (found.isEmpty()) {
            return Set.of();
        }
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        Set<Long> linked = new HashSet<>();
        Set<String> tasks = new HashSet<>();
        for (List<Evidence> part : io.auditflow.common.InLists.parts(found)) {
            MapSqlParameterSource params = new MapSqlParameterSource("active", active)
                    .addValue("ids", part.stream().map(Evidence::id).toList())
                    .addValue("tasks", part.stream().map(Evidence::taskId).filter(java.util.Objects::nonNull).distinct().toList());
            linked.addAll(named.queryForList("select re.evidence_id from engagement_request_evidence re"
                    + " join engagement_request r on r.id = re.request_id"
                    + " where r.engagement_id in (:active) and re.evidence_id in (:ids)", params, Long.class));
            if (!((List<?>) params.getValue("tasks")).isEmpty()) {
                tasks.addAll(named.queryForList("select rt.task_id from engagement_request_task rt"
                        + " join engagement_request r on r.id = rt.request_id"
                        + " where r.engagement_id in (:active) and rt.task_id in (:tasks)", params, String.class));
            }
        }
        return found.stream().filter(e -> linked.contains(e.id()) || (e.taskId() != null && tasks.contains(e.taskId())))
                .map(Evidence::id).collect(Collectors.toSet());
    }

    // ---- process hooks (called by the engine inside the caller's transaction) ----------------

    void taskCreated(Long requestId, String taskId) {
        jdbc.update("update engagement_request set current_task_id = ?, status = case when status = ? then status else ? end"
                + " where id = ?", taskId, RequestStatus.NEEDS_REVISION.name(), RequestStatus.OPEN.name(), requestId);
        jdbc.update("insert into engagement_request_task (task_id, request_id) values (?,?)", taskId, requestId);
    }

    void taskAssigned(Long requestId, String assignee) {
        if (assignee != null) {
            jdbc.update("update engagement_request set status = ? where id = ? and status in (?,?)",
                    RequestStatus.IN_PROGRESS.name(), requestId, RequestStatus.OPEN.name(), RequestStatus.NEEDS_REVISION.name());
        } else {
            jdbc.update("update engagement_request set status = case when decided_by is null then ? else ? end"
                            + " where id = ? and status = ?", RequestStatus.OPEN.name(), RequestStatus.NEEDS_REVISION.name(),
                    requestId, RequestStatus.IN_PROGRESS.name());
        }
    }

    void taskCompleted(Long requestId, String actor, Object answer) {
        String text = answer == null ? null : answer.toString();
        text = text != null && text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        Instant now = clock.instant();
        jdbc.update("update engagement_request set status = ?, answer = ?, submitted_by = ?, submitted_at = ?,"
                        + " current_task_id = null, version = version + 1 where id = ?",
                RequestStatus.SUBMITTED.name(), text, actor, Timestamp.from(now), requestId);
        AuditRequest r = find(requestId).orElseThrow();
        String link = engagements.link(r.engagementId());
        for (UserSummary to : auditorRecipients(r.engagementId())) {
            java.util.Locale l = engagements.recipientLocale(to.username());
            outbox.enqueue(EngagementService.mail("REQUEST_SUBMITTED:" + requestId + ":" + now.toEpochMilli() + ":" + to.username(),
                    to.username(), to.email(), io.auditflow.common.Phrase.of("mail.request.submitted.subject", r.reference()), l,
                    Messages.get("mail.request.submitted.text", l, r.reference(), link), link));
        }
    }

    /** After acceptance (a save point of the process): tell whoever answered. */
    void accepted(Long requestId) {
        AuditRequest r = find(requestId).orElseThrow();
        String link = engagements.link(r.engagementId());
        for (UserSummary to : teamRecipients(r)) {
            java.util.Locale l = engagements.recipientLocale(to.username());
            outbox.enqueue(EngagementService.mail("REQUEST_ACCEPTED:" + requestId + ":" + to.username(), to.username(), to.email(),
                    io.auditflow.common.Phrase.of("mail.request.accepted.subject", r.reference()), l,
                    Messages.get("mail.request.accepted.text", l, r.reference(), link), link));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    Optional<AuditRequest> find(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.query("select " + COLUMNS + " from engagement_request where id = ?", this::map, id).stream().findFirst();
    }

    /** All accepted requests of an engagement by reference, for the binder (the caller checked access). */
    List<AuditRequest> accepted(Engagement e) {
        return jdbc.query("select " + COLUMNS + " from engagement_request where engagement_id = ? and status = ?"
                + " order by reference", this::map, e.id(), RequestStatus.ACCEPTED.name());
    }

    public String displayName(String username) {
        return users.findUser(username).map(UserSummary::displayName).orElse(username);
    }

    private static NotFoundException notFound(Long id) {
        return new NotFoundException("No request " + id);
    }

    private AuditRequest map(ResultSet rs, int row) throws SQLException {
        RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
        LocalDate due = EngagementService.local(rs.getDate("due_date"));
        long sample = rs.getLong("sample_id");
        Long sampleId = rs.wasNull() ? null : sample;
        long occ = rs.getLong("occurrence_id");
        Long occurrenceId = rs.wasNull() ? null : occ;
        return new AuditRequest(rs.getLong("id"), rs.getLong("engagement_id"), rs.getString("reference"),
                rs.getString("request_text"), rs.getString("criteria"), due, rs.getString("owner_hint"),
                rs.getString("team_code"), status, rs.getString("current_task_id"), rs.getString("answer"), sampleId,
                occurrenceId, rs.getString("submitted_by"), instant(rs.getTimestamp("submitted_at")),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("version"), overdue(status, due));
    }

    /** Overdue by the one rule ({@link io.auditflow.common.Due}) while the request is with the team. */
    private boolean overdue(RequestStatus status, LocalDate due) {
        boolean withTeam = status == RequestStatus.OPEN || status == RequestStatus.IN_PROGRESS
                || status == RequestStatus.NEEDS_REVISION;
        return withTeam && io.auditflow.common.Due.overdue(due, LocalDate.now(clock.withZone(zone)));
    }

    private static RequestComment comment(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new RequestComment(rs.getLong("id"), rs.getLong("request_id"), parentId, rs.getString("author"),
                rs.getBoolean("from_auditor"), rs.getString("body"), rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
