package io.auditflow.control;

import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Validation;
import io.auditflow.identity.UserService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Role;
import io.auditflow.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statements of Applicability of ISO programs: drafts that members edit, a submission that starts
 * the BPMN approval ({@code soaApprovalProcess}), and the approved version that stays as it was.
 * Only the process's delegates put a version in force or send it back to draft.
 */
@Service
@Transactional
public class SoaService {

    public static final String PROCESS = "soaApprovalProcess";
    public static final int MAX_JUSTIFICATION = 1000;
    static final String FIRST_JUSTIFICATION = "Treats risks found in the risk assessment";

    private final JdbcClient jdbc;
    private final Catalogues catalogues;
    private final ControlService controls;
    private final ProgramService programs;
    private final UserService users;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final ControlProperties settings;
    private final Clock clock;

    SoaService(JdbcClient jdbc, Catalogues catalogues, ControlService controls, ProgramService programs, UserService users,
               RuntimeService runtime, TaskService tasks, HistoryService history, ControlProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.catalogues = catalogues;
        this.controls = controls;
        this.programs = programs;
        this.users = users;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /** Version numbers and states of a program's SoA, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(ControlService.CAN_SEE_PROGRAMS)
    public List<Soa> versions(Long programId) {
        isoProgram(programId);
        return jdbc.sql("select id from soa_version where program_id = ? order by version_no desc").param(programId)
                .query(Long.class).list().stream().map(id -> load(id, false)).toList();
    }

    /** The newest version, whatever its state (what the SoA page edits or shows). */
    @Transactional(readOnly = true)
    @PreAuthorize(ControlService.CAN_SEE_PROGRAMS)
    public Optional<Soa> latest(Long programId) {
        isoProgram(programId);
        return jdbc.sql("select id from soa_version where program_id = ? order by version_no desc").param(programId)
                .query(Long.class).list().stream().findFirst().map(id -> load(id, true));
    }

    /** The approved version in force (what goes into the ISO audit binder). */
    @Transactional(readOnly = true)
    @PreAuthorize(ControlService.CAN_SEE_PROGRAMS)
    public Optional<Soa> inForce(Long programId) {
        isoProgram(programId);
        return jdbc.sql("select id from soa_version where program_id = ? and status = 'APPROVED'").param(programId)
                .query(Long.class).optional().map(id -> load(id, true));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ControlService.CAN_SEE_PROGRAMS)
    public Soa version(Long programId, int versionNo) {
        isoProgram(programId);
        return jdbc.sql("select id from soa_version where program_id = ? and version_no = ?").params(programId, versionNo)
                .query(Long.class).optional().map(id -> load(id, true))
                .orElseThrow(() -> new NotFoundException("No version " + versionNo + " of this program's SoA"));
    }

    /** Annex A controls the version in force declares not applicable (coverage leaves them out). */
    @Transactional(readOnly = true)
    @PreAuthorize(ControlService.CAN_SEE_PROGRAMS)
    public Set<String> notApplicable(Long programId) {
        return inForce(programId).map(s -> s.entries().stream().filter(e -> !e.applicable()).map(Soa.Entry::controlId)
                .collect(Collectors.toSet())).orElse(Set.of());
    }

    /**
     * Starts a new draft, copied from the newest version, or for the first one: every Annex A
     * control applicable, implemented where a control stands behind it.
     */
    @PreAuthorize(Roles.CAN_WORK)
    public Soa startDraft(Long programId) {
        Program p = isoProgram(programId);
        Optional<Soa> newest = latest(programId);
        if (newest.isPresent() && (newest.get().status() == Soa.Status.DRAFT || newest.get().status() == Soa.Status.PENDING_APPROVAL)) {
            throw new ConflictException("Version " + newest.get().versionNo() + " is still "
                    + (newest.get().status() == Soa.Status.DRAFT ? "a draft" : "waiting for approval") + "; work on that one");
        }
        int no = newest.map(s -> s.versionNo() + 1).orElse(1);
        jdbc.sql("insert into soa_version (program_id, version_no, status, created_by, created_at) values (?, ?, 'DRAFT', ?, ?)")
                .params(p.id(), no, CurrentUser.require(), Timestamp.from(clock.instant())).update();
        Long id = jdbc.sql("select id from soa_version where program_id = ? and version_no = ?").params(p.id(), no)
                .query(Long.class).single();
        Map<String, Soa.Entry> previous = newest.map(s -> s.entries().stream()
                .collect(Collectors.toMap(Soa.Entry::controlId, e -> e))).orElse(Map.of());
        Coverage coverage = controls.coverage("ISO27001");
        for (Coverage.Row row : coverage.rows()) {
            Soa.Entry before = previous.get(row.requirement().id());
            boolean applicable = before == null || before.applicable();
            String justification = before != null ? before.justification() : FIRST_JUSTIFICATION;
            Soa.Implementation impl = before != null ? before.implementation()
                    : row.gap() ? Soa.Implementation.NOT_STARTED : Soa.Implementation.IMPLEMENTED;
            jdbc.sql("insert into soa_entry (soa_version_id, control_id, applicable, justification, implementation_status) values (?, ?, ?, ?, ?)")
                    .params(id, row.requirement().id(), applicable, justification, impl.name()).update();
        }
        return load(id, true);
    }

    /** Changes one line of a draft; approved and submitted versions do not change. */
    @PreAuthorize(Roles.CAN_WORK)
    public Soa updateEntry(Long programId, int versionNo, String controlId, Soa.EntryRequest request) {
        Soa soa = version(programId, versionNo);
        if (soa.status() != Soa.Status.DRAFT) {
            throw new ConflictException("Version " + versionNo + " is " + words(soa.status()) + "; only a draft can change");
        }
        Validation v = new Validation();
        v.check(soa.entries().stream().anyMatch(e -> e.controlId().equals(controlId)), "controlId",
                "'" + Catalogues.shorten(controlId) + "' is not an Annex A control");
        v.check(request != null && request.applicable() != null, "applicable", "Say whether the control applies");
        String j = request == null || request.justification() == null ? "" : request.justification().trim();
        v.check(!j.isEmpty(), "justification", "Give the reason for including or excluding the control");
        v.check(j.length() <= MAX_JUSTIFICATION, "justification", "Keep the justification under " + MAX_JUSTIFICATION + " characters");
        v.check(!j.matches("(?s).*[\\p{Cntrl}&&[^\\n\\t]].*"), "justification", "The justification contains control characters");
        Soa.Implementation impl = request == null ? null : request.implementation();
        boolean applicable = request != null && Boolean.TRUE.equals(request.applicable());
        if (!applicable) {
            impl = Soa.Implementation.NOT_APPLICABLE;
        }
        v.check(impl != null, "implementation", "Choose how far the control is implemented");
        v.check(!applicable || impl != Soa.Implementation.NOT_APPLICABLE, "implementation",
                "An applicable control cannot be 'not applicable'; choose not started, planned, partly or implemented");
        v.throwIfInvalid();
        jdbc.sql("update soa_entry set applicable = ?, justification = ?, implementation_status = ? where soa_version_id = ? and control_id = ?")
                .params(applicable, j, impl.name(), soa.versionId(), controlId).update();
        return load(soa.versionId(), true);
    }

    /** Sends a draft to a manager: starts the approval process. */
    @PreAuthorize(Roles.CAN_WORK)
    public Soa submit(Long programId, int versionNo) {
        Soa soa = version(programId, versionNo);
        if (soa.status() != Soa.Status.DRAFT) {
            throw new ConflictException("Version " + versionNo + " is " + words(soa.status()) + "; only a draft can be submitted");
        }
        Program p = programs.get(programId);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> vars = new HashMap<>();
        vars.put("programId", p.id());
        vars.put("teamCode", p.team());
        vars.put("soaVersionId", soa.versionId());
        vars.put("approvalDue", Date.from(today.plusDays(settings.soaApprovalDueDays()).atTime(17, 0).atZone(zone).toInstant()));
        vars.put("approvalLapsesAt", Date.from(today.plusDays(settings.soaApprovalLapseDays()).atStartOfDay(zone).toInstant()));
        String pi = runtime.startProcessInstanceByKey(PROCESS, "soa-" + soa.versionId(), vars).getId();
        jdbc.sql("update soa_version set status = 'PENDING_APPROVAL', submitted_at = ?, process_instance_id = ?, decided_by = null,"
                        + " decided_at = null, decision_note = null where id = ?")
                .params(Timestamp.from(clock.instant()), pi, soa.versionId()).update();
        return load(soa.versionId(), true);
    }

    /** A manager approves or rejects a submitted version: completes the approval task. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public void decide(Long programId, int versionNo, Soa.Decision decision) {
        Soa soa = version(programId, versionNo);
        Validation v = new Validation();
        v.check(decision != null && decision.approve() != null, "approve", "Say whether you approve");
        String note = decision == null || decision.note() == null ? "" : decision.note().trim();
        v.check(note.length() <= 1000, "note", "Keep the note under 1000 characters");
        v.check(decision == null || !Boolean.FALSE.equals(decision.approve()) || !note.isEmpty(), "note",
                "Say what must change before you can approve");
        v.throwIfInvalid();
        Task task = pendingTask(soa);
        Map<String, Object> vars = new HashMap<>();
        vars.put("soaDecision", decision.approve() ? "APPROVED" : "REJECTED");
        vars.put("decidedBy", CurrentUser.require());
        vars.put("decisionNote", note);
        tasks.complete(task.getId(), vars);
    }

    private Task pendingTask(Soa soa) {
        if (soa.status() != Soa.Status.PENDING_APPROVAL) {
            throw new ConflictException("Version " + soa.versionNo() + " is " + words(soa.status()) + ", not waiting for approval");
        }
        String pi = jdbc.sql("select process_instance_id from soa_version where id = ?").param(soa.versionId())
                .query(String.class).single();
        Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ApproveSoa").singleResult();
        if (task == null) {
            throw new ConflictException("The decision on version " + soa.versionNo() + " is being recorded; reload in a moment");
        }
        return task;
    }

    // ------------------------------------------------------------ called by the approval process

    /**
     * Puts the version in force; the one before it becomes superseded. An approval that does not come
     * from a compliance manager or admin (say, the task completed elsewhere) returns it to draft.
     */
    @PreAuthorize(Roles.CAN_MANAGE)
    public void recordApproval(Long versionId, String decidedBy, String note, String processInstanceId) {
        String by = decidedBy != null ? decidedBy : completedBy(processInstanceId);
        boolean manager = by != null && users.findUser(by)
                .map(u -> u.roles().contains(Role.COMPLIANCE_MANAGER) || u.roles().contains(Role.ADMIN)).orElse(false);
        if (!manager) {
            backToDraft(versionId, by, "Only a compliance manager can approve; returned to draft");
            return;
        }
        Long programId = jdbc.sql("select program_id from soa_version where id = ?").param(versionId).query(Long.class).single();
        jdbc.sql("update soa_version set status = 'SUPERSEDED' where program_id = ? and status = 'APPROVED'").param(programId).update();
        jdbc.sql("update soa_version set status = 'APPROVED', decided_by = ?, decided_at = ?, decision_note = ? where id = ?")
                .params(by, Timestamp.from(clock.instant()), note == null || note.isBlank() ? null : note, versionId).update();
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public void recordRejection(Long versionId, String decidedBy, String note, String processInstanceId) {
        String by = decidedBy != null ? decidedBy : completedBy(processInstanceId);
        backToDraft(versionId, by, "Rejected" + (note == null || note.isBlank() ? "" : ": " + note));
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public void recordLapse(Long versionId) {
        backToDraft(versionId, null, "Not decided by " + LocalDate.now(clock) + "; returned to draft");
    }

    private void backToDraft(Long versionId, String by, String note) {
        jdbc.sql("update soa_version set status = 'DRAFT', decided_by = ?, decided_at = ?, decision_note = ?, process_instance_id = null where id = ?")
                .params(by, Timestamp.from(clock.instant()), note.length() > 1000 ? note.substring(0, 1000) : note, versionId).update();
    }

    private String completedBy(String processInstanceId) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_ApproveSoa")
                .finished().list().stream().map(t -> t.getAssignee()).filter(a -> a != null).findFirst().orElse(null);
    }

    // ------------------------------------------------------------ reading

    private Program isoProgram(Long programId) {
        Program p = programs.find(programId).orElseThrow(() -> new NotFoundException("No program " + programId));
        if (p.framework() != Framework.ISO27001) {
            throw new ConflictException(p.name() + " is a " + p.framework().label() + " program; a Statement of Applicability belongs to ISO/IEC 27001 programs");
        }
        return p;
    }

    private Soa load(Long versionId, boolean withEntries) {
        Map<String, Requirement> annexA = catalogues.catalogue("ISO27001").assessable().stream()
                .collect(Collectors.toMap(Requirement::id, r -> r));
        Map<String, List<String>> behind = new HashMap<>();
        if (withEntries) {
            controls.coverage("ISO27001").rows().forEach(r -> behind.put(r.requirement().id(), r.controls()));
        }
        List<Soa.Entry> entries = !withEntries ? List.of() : jdbc.sql("select control_id, applicable, justification, implementation_status"
                        + " from soa_entry where soa_version_id = ?").param(versionId)
                .query((rs, i) -> {
                    Requirement r = annexA.get(rs.getString(1));
                    return new Soa.Entry(rs.getString(1), r == null ? "" : r.category(), r == null ? "" : r.title(),
                            rs.getBoolean(2), rs.getString(3), Soa.Implementation.valueOf(rs.getString(4)),
                            behind.getOrDefault(rs.getString(1), List.of()));
                }).list().stream().sorted(java.util.Comparator.comparing(e -> sortKey(e.controlId()))).toList();
        return jdbc.sql("select v.program_id, p.name, v.id, v.version_no, v.status, v.created_by, v.created_at, v.submitted_at,"
                        + " v.decided_by, v.decided_at, v.decision_note from soa_version v join audit_program p on p.id = v.program_id where v.id = ?")
                .param(versionId)
                .query((rs, i) -> new Soa(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), Soa.Status.valueOf(rs.getString(5)),
                        rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getString(9),
                        instant(rs.getTimestamp(10)), rs.getString(11), entries))
                .single();
    }

    /** A.5.10 after A.5.9: numeric order of the parts. */
    static String sortKey(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.replace("A.", "").split("\\.")) {
            sb.append(String.format("%04d", part.matches("\\d+") ? Integer.parseInt(part) : 0));
        }
        return sb.toString();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String words(Soa.Status s) {
        return switch (s) {
            case DRAFT -> "a draft";
            case PENDING_APPROVAL -> "waiting for approval";
            case APPROVED -> "approved and in force";
            case SUPERSEDED -> "superseded by a newer approval";
        };
    }
}
