package io.auditflow.lifecycle;

import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Validation;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Roles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and steers a program's audit lifecycle: checks the start form, writes the planned calendar
 * at once, starts the BPMN process, moves dates when the auditor or certification body moves them
 * (timers and open task due dates follow), and reads coverage gaps and certificate state.
 */
@Service
@Transactional
public class LifecycleService {

    public static final String SOC2_ENGAGEMENT = "soc2EngagementProcess";
    public static final String SOC2_RENEWAL = "soc2RenewalProcess";
    public static final String ISO_CERTIFICATION = "iso27001CertificationProcess";
    public static final String CORRECTIVE_ACTION = "correctiveActionProcess";
    static final Set<String> LIFECYCLE_PROCESSES = Set.of(SOC2_ENGAGEMENT, SOC2_RENEWAL, ISO_CERTIFICATION);

    /** What a started lifecycle looks like to the caller. */
    public record LifecycleStarted(Long programId, String processDefinitionKey, String processInstanceId,
                                   List<Milestone> milestones) {
    }

    private final ProgramService programs;
    private final MilestoneService milestones;
    private final CertificateService certificates;
    private final Planner planner;
    private final ProcessDates dates;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private volatile String processInstanceTable;

    LifecycleService(ProgramService programs, MilestoneService milestones, CertificateService certificates,
                     Planner planner, ProcessDates dates, RuntimeService runtime, TaskService tasks,
                     ManagementService management, RepositoryService repository, Clock clock, JdbcTemplate jdbc) {
        this.programs = programs;
        this.milestones = milestones;
        this.certificates = certificates;
        this.planner = planner;
        this.dates = dates;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public static String businessKey(Long programId) {
        return "program-" + programId;
    }

    /** The running top-level lifecycle process of a program, if any. */
    @Transactional(readOnly = true)
    public Optional<ProcessInstance> running(Long programId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(programId))
                .processDefinitionKeyIn(SOC2_RENEWAL, ISO_CERTIFICATION, SOC2_ENGAGEMENT).list().stream()
                .filter(pi -> !SOC2_ENGAGEMENT.equals(definitionKey(pi))
                        || runtime.createProcessInstanceQuery().subProcessInstanceId(pi.getId()).count() == 0)
                .findFirst();
    }

    /** The running lifecycle of a program in words, e.g. "ISO/IEC 27001 certification cycle". */
    @Transactional(readOnly = true)
    public Optional<String> runningLabel(Long programId) {
        return running(programId).map(pi -> switch (definitionKey(pi)) {
            case SOC2_RENEWAL -> "SOC 2 annual renewal";
            case ISO_CERTIFICATION -> "ISO/IEC 27001 certification cycle";
            default -> "SOC 2 engagement";
        });
    }

    /** Checks the start form and starts the lifecycle; nothing is started when a rule is broken. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public LifecycleStarted startLifecycle(Long programId, LifecycleRequest request) {
        ProgramService.StartFacts program = programs.startFacts(programId)
                .orElseThrow(() -> new NotFoundException("No program with id " + programId));
        LifecycleRequest r = request == null ? new LifecycleRequest(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null) : request;
        if (program.archived()) {
            throw new ConflictException("This program is archived: restore it before starting its lifecycle");
        }
        Validation v = new Validation();
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> vars = new HashMap<>();
        vars.put("programId", programId);
        vars.put("teamCode", program.team());
        vars.put("cycle", 1);
        String processKey;
        List<PlannedMilestone> plan;
        if (program.framework().isSoc2()) {
            Set<TrustCategory> criteria = r.criteria() == null || r.criteria().isEmpty() ? program.criteria() : r.criteria();
            v.check(criteria != null && criteria.contains(TrustCategory.SECURITY), "criteria",
                    "SOC 2 always covers SECURITY (the common criteria): include it");
            boolean typeTwo = program.framework() == Framework.SOC2_TYPE2;
            LocalDate windowEnd = null;
            if (typeTwo) {
                v.check(r.windowStart() != null, "windowStart", "Give the first day of the observation window");
                Integer months = r.windowMonths();
                if (r.windowEnd() != null && r.windowStart() != null) {
                    v.check(r.windowEnd().isAfter(r.windowStart()), "windowEnd", "The window must end after it starts");
                    boolean inRange = !r.windowEnd().isBefore(Planner.periodEnd(r.windowStart(), 3))
                            && !r.windowEnd().isAfter(Planner.periodEnd(r.windowStart(), 12));
                    if (!v.hasError("windowEnd")) {
                        v.check(inRange, "windowEnd", "An observation window runs 3 to 12 months");
                    }
                    windowEnd = r.windowEnd();
                } else {
                    int m = months == null ? planner.settings().defaultWindowMonths() : months;
                    v.check(m >= 3 && m <= 12, "windowMonths", "An observation window runs 3 to 12 months (12 is the norm)");
                    if (r.windowStart() != null && m >= 3 && m <= 12) {
                        windowEnd = Planner.periodEnd(r.windowStart(), m);
                    }
                }
                if (windowEnd != null && !v.hasError("windowEnd") && !v.hasError("windowMonths")) {
                    v.check(!windowEnd.isBefore(today), r.windowEnd() != null ? "windowEnd" : "windowStart",
                            "This window ended on " + windowEnd + ": start with the window that runs now or comes next");
                }
            } else {
                v.check(r.asOfDate() != null, "asOfDate", "Give the as-of date of the Type I report");
            }
            if (r.fieldworkStart() != null && r.fieldworkEnd() != null) {
                v.check(!r.fieldworkEnd().isBefore(r.fieldworkStart()), "fieldworkEnd", "Fieldwork must end after it starts");
            }
            boolean lastReport = r.lastReportPeriodStart() != null || r.lastReportPeriodEnd() != null
                    || r.lastReportIssuedOn() != null;
            if (lastReport) {
                v.check(typeTwo, "lastReportPeriodStart", "A report already issued is entered for a Type II program");
                v.check(r.lastReportPeriodStart() != null, "lastReportPeriodStart", "Give the first day of the report's period");
                v.check(r.lastReportPeriodEnd() != null, "lastReportPeriodEnd", "Give the last day of the report's period");
                v.check(r.lastReportIssuedOn() != null, "lastReportIssuedOn", "Give the day the report was issued");
                if (r.lastReportPeriodStart() != null && r.lastReportPeriodEnd() != null) {
                    v.check(r.lastReportPeriodEnd().isAfter(r.lastReportPeriodStart()), "lastReportPeriodEnd",
                            "The period ends after it starts (" + r.lastReportPeriodStart() + ")");
                    v.check(!r.lastReportPeriodEnd().isAfter(Planner.periodEnd(r.lastReportPeriodStart(), 12)),
                            "lastReportPeriodEnd", "A Type II period runs 3 to 12 months");
                    if (r.windowStart() != null) {
                        v.check(r.lastReportPeriodEnd().isBefore(r.windowStart()), "lastReportPeriodEnd",
                                "The last report's period ends before the window tracked now starts (" + r.windowStart() + ")");
                    }
                }
                checkHeld(v, "lastReportIssuedOn", r.lastReportIssuedOn(), r.lastReportPeriodEnd(), today,
                        "the end of its period");
            }
            if (typeTwo && r.fieldworkStart() != null && r.windowStart() != null) {
                v.check(r.fieldworkStart().isAfter(r.windowStart()), "fieldworkStart",
                        "Fieldwork starts after the observation window has begun");
            }
            if (!typeTwo && r.fieldworkStart() != null && r.asOfDate() != null) {
                v.check(!r.fieldworkStart().isBefore(r.asOfDate()), "fieldworkStart", "Fieldwork starts on or after the as-of date");
            }
            v.throwIfInvalid();
            failIfRunning(programId);
            boolean readiness = Boolean.TRUE.equals(r.readinessAssessment());
            vars.put("typeTwo", typeTwo);
            vars.put("readiness", readiness);
            vars.put("criteria", criteria.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
            vars.put("requestedFieldworkStart", dates.toDate(r.fieldworkStart()));
            vars.put("requestedFieldworkEnd", dates.toDate(r.fieldworkEnd()));
            vars.put("trackingSince", dates.toDate(today));
            if (typeTwo) {
                vars.put("windowStart", dates.toDate(r.windowStart()));
                vars.put("windowEnd", dates.toDate(windowEnd));
                vars.put("firstWindowStart", dates.toDate(r.windowStart()));
                vars.put("firstWindowEnd", dates.toDate(windowEnd));
            } else {
                vars.put("asOfDate", dates.toDate(r.asOfDate()));
            }
            boolean renewal = typeTwo && !Boolean.FALSE.equals(r.renewal());
            processKey = renewal ? SOC2_RENEWAL : SOC2_ENGAGEMENT;
            plan = new java.util.ArrayList<>(planner.planSoc2(new Planner.Soc2Inputs(typeTwo, 1, today, r.asOfDate(),
                    r.windowStart(), windowEnd, r.fieldworkStart(), r.fieldworkEnd(), readiness)).milestones());
            if (lastReport) {
                plan.addAll(planner.reportBeforeTracking(r.lastReportPeriodStart(), r.lastReportPeriodEnd(),
                        r.lastReportIssuedOn()));
            }
        } else {
            LifecycleRequest.IsoStart mode = r.isoStart() != null ? r.isoStart()
                    : r.decisionDate() != null ? LifecycleRequest.IsoStart.EXISTING : LifecycleRequest.IsoStart.INITIAL;
            if (mode == LifecycleRequest.IsoStart.INITIAL) {
                v.check(r.stage1Date() != null, "stage1Date", "Give the Stage 1 audit date");
                if (r.stage1Date() != null && r.stage2Date() != null) {
                    v.check(r.stage2Date().isAfter(r.stage1Date()), "stage2Date",
                            "Stage 2 comes after Stage 1 (" + r.stage1Date() + ")");
                }
                v.throwIfInvalid();
                failIfRunning(programId);
                plan = planner.planIsoInitial(r.stage1Date(), r.stage2Date()).milestones();
                vars.put("onboarding", false);
                vars.put("stage1Date", dates.toDate(r.stage1Date()));
                vars.put("requestedStage2Date", dates.toDate(r.stage2Date()));
            } else {
                v.check(r.decisionDate() != null, "decisionDate", "Give the date of the certification decision");
                if (r.decisionDate() != null) {
                    v.check(!r.decisionDate().isAfter(today), "decisionDate", "An existing certificate's decision lies in the past");
                    Planner.Plan cycle = planner.planIsoCycle(1, r.decisionDate(), null, null);
                    LocalDate expiry = cycle.milestone(MilestoneType.CERTIFICATE_EXPIRY);
                    v.check(expiry.isAfter(today), "decisionDate", "This certificate expired on " + expiry
                            + ": start an initial certification instead");
                    LocalDate deadline = planner.surveillance1Deadline(r.decisionDate());
                    if (r.surveillance1Date() != null) {
                        v.check(r.surveillance1Date().isAfter(r.decisionDate()), "surveillance1Date",
                                "The surveillance audit comes after the certification decision");
                        v.check(!r.surveillance1Date().isBefore(today), "surveillance1Date",
                                "A planned audit lies ahead: if it was held, give the day under \"held on\"");
                        v.check(!r.surveillance1Date().isAfter(expiry), "surveillance1Date",
                                "A surveillance audit must take place before the certificate expires on " + expiry);
                        if (!v.hasError("surveillance1Date")) {
                            v.check(!r.surveillance1Date().isAfter(deadline), "surveillance1Date",
                                    "Surveillance audit 1 is due no later than 12 months after the decision (" + deadline + ")");
                        }
                    }
                    checkHeld(v, "surveillance1HeldOn", r.surveillance1HeldOn(), r.decisionDate(), today, "the certification decision");
                    checkHeld(v, "surveillance2HeldOn", r.surveillance2HeldOn(), r.surveillance1HeldOn() != null
                            ? r.surveillance1HeldOn() : r.decisionDate(), today, r.surveillance1HeldOn() != null
                            ? "surveillance audit 1" : "the certification decision");
                    if (r.surveillance2HeldOn() != null && r.surveillance1HeldOn() == null) {
                        v.check(false, "surveillance1HeldOn", "Give the day surveillance audit 1 was held as well");
                    }
                    if (r.surveillance1HeldOn() != null && r.surveillance1Date() != null) {
                        v.check(false, "surveillance1Date", "Surveillance audit 1 was held already: leave the planned date empty");
                    }
                }
                v.throwIfInvalid();
                failIfRunning(programId);
                plan = planner.onboardIso(new Planner.IsoHistory(r.decisionDate(), r.surveillance1HeldOn(),
                        r.surveillance2HeldOn(), r.surveillance1Date()), today).plan().milestones();
                vars.put("onboarding", true);
                vars.put("decisionDate", dates.toDate(r.decisionDate()));
                vars.put("requestedSurveillance1Date", dates.toDate(r.surveillance1Date()));
                vars.put("surveillance1HeldOn", dates.toDate(r.surveillance1HeldOn()));
                vars.put("surveillance2HeldOn", dates.toDate(r.surveillance2HeldOn()));
            }
            processKey = ISO_CERTIFICATION;
        }
        // lifefast (decision 0177): the answer is the calendar just written, not read back.
        List<Milestone> calendar = milestones.applyAll(programId, plan);
        ProcessInstance pi = runtime.startProcessInstanceByKey(processKey, businessKey(programId), vars);
        return new LifecycleStarted(programId, processKey, pi.getId(), calendar);
    }

    /** A day something happened: not in the future, and after what it follows. */
    private static void checkHeld(Validation v, String field, LocalDate held, LocalDate after, LocalDate today, String afterWhat) {
        if (held == null) {
            return;
        }
        v.check(!held.isAfter(today), field, "A day something happened cannot lie in the future (today is " + today + ")");
        if (after != null && !v.hasError(field)) {
            v.check(held.isAfter(after), field, "It was held after " + afterWhat + " (" + after + ")");
        }
    }

    private void failIfRunning(Long programId) {
        if (anyProcess(programId) && running(programId).isPresent()) {
            throw new ConflictException("A lifecycle is already running for this program");
        }
    }

    /**
     * Whether any process instance carries the program's business key (lifespeed, decision 0162): a
     * start usually finds none, and this count costs a fraction of {@link #running}'s query, whose
     * dynamic SQL the engine builds anew each time. Only when it finds one does {@link #running}
     * decide, so the answer is {@link #running}'s. Plain SQL on the engine's table (name and prefix from
     * the engine), in this transaction on the engine's own data source (lifefast, decision 0177: the
     * engine's native query opened a command context and a MyBatis session for one count).
     */
    private boolean anyProcess(Long programId) {
        if (processInstanceTable == null) {
            processInstanceTable = management.getTableName(ProcessInstance.class);
        }
        Integer count = jdbc.queryForObject("select count(*) from " + processInstanceTable
                + " where BUSINESS_KEY_ = ? and ID_ = PROC_INST_ID_", Integer.class, businessKey(programId));
        return count != null && count > 0;
    }

    /** Whether a milestone of this type can be moved by hand (derived dates follow from others). */
    public static boolean movable(MilestoneType type) {
        return !Planner.isDerived(type);
    }

    /** A move as the caller sees it before (preview) and after (saved): every milestone that moves, old and new day. */
    public record MoveResult(boolean saved, List<Planner.Change> changes, List<Milestone> calendar) {
    }

    /**
     * What moving a milestone would change, without changing anything: the same answer and the same
     * refusal as {@link #rescheduleMilestone}.
     */
    @PreAuthorize(Roles.CAN_MANAGE)
    @Transactional(readOnly = true)
    public MoveResult previewReschedule(Long programId, MilestoneType type, int cycle, LocalDate newDate, String reason) {
        return new MoveResult(false, replan(programId, type, cycle, newDate, reason).changes(), milestones.ofProgram(programId));
    }

    /** Moves a planned milestone without a reason; see {@link #rescheduleMilestone(Long, MilestoneType, int, LocalDate, String)}. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public List<Milestone> rescheduleMilestone(Long programId, MilestoneType type, int cycle, LocalDate newDate) {
        return rescheduleMilestone(programId, type, cycle, newDate, null).calendar();
    }

    /**
     * Moves a planned milestone (the certification body moved an audit, the auditor moved fieldwork):
     * the planner answers what moves with it, the calendar takes its answer, and the running processes'
     * dates, timers and open task due dates follow, all in one transaction.
     */
    @PreAuthorize(Roles.CAN_MANAGE)
    public MoveResult rescheduleMilestone(Long programId, MilestoneType type, int cycle, LocalDate newDate, String reason) {
        Planner.Replan replan = replan(programId, type, cycle, newDate, reason);
        List<PlannedMilestone> before = calendar(programId);
        for (Planner.Change c : replan.changes()) {
            milestones.move(programId, c.type(), c.cycle(), c.to(), c.note());
        }
        refreshProcessDates(programId);
        announceNewGaps(programId, before, reason);
        return new MoveResult(true, replan.changes(), milestones.ofProgram(programId));
    }

    /**
     * A move that opens a coverage gap: the window after it is marked at risk with the gap in words, and
     * the running renewal process gets a "Review the planned coverage gap" task for the team now.
     */
    private void announceNewGaps(Long programId, List<PlannedMilestone> before, String reason) {
        LocalDate today = LocalDate.now(clock);
        List<PlannedMilestone> after = calendar(programId);
        for (CoverageGap gap : Planner.newGaps(before, after, today)) {
            String words = "Coverage gap: " + gap.from() + " to " + gap.to() + " (" + gap.days() + " days)"
                    + (reason == null || reason.isBlank() ? "" : "; moved because: " + reason.strip());
            after.stream().filter(m -> m.type() == MilestoneType.OBSERVATION_START && m.day() != null
                            && m.day().equals(gap.to().plusDays(1)) && !m.done())
                    .findFirst()
                    .ifPresent(m -> milestones.setStatus(programId, m.type(), m.cycle(), MilestoneStatus.AT_RISK, words));
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(programId))
                    .processDefinitionKey(SOC2_RENEWAL).active().list().stream().findFirst()
                    .ifPresent(pi -> runtime.createMessageCorrelation("CoverageGapPlanned")
                            .processInstanceId(pi.getId())
                            .setVariableLocal("gapFrom", dates.toDate(gap.from()))
                            .setVariableLocal("gapTo", dates.toDate(gap.to()))
                            .setVariableLocal("gapReviewDue", dates.toDate(Planner.gapReviewDue(gap, today)))
                            .setVariableLocal("gapWords", words)
                            .correlate());
        }
    }

    private Planner.Replan replan(Long programId, MilestoneType type, int cycle, LocalDate newDate, String reason) {
        Program program = programs.find(programId).orElseThrow(() -> new NotFoundException("No program with id " + programId));
        Validation v = new Validation();
        v.check(type != null, "type", "Say which milestone moves");
        v.check(reason == null || reason.length() <= 500, "reason", "Keep the reason under 500 characters");
        v.throwIfInvalid();
        if (program.archived()) {
            throw new ConflictException("This program is archived: its calendar is read-only");
        }
        if (milestones.find(programId, type, cycle).isEmpty()) {
            throw new NotFoundException("No " + type + " milestone in cycle " + cycle);
        }
        Planner.Replan replan = planner.reschedule(calendar(programId), type, cycle, newDate, LocalDate.now(clock), reason);
        if (replan.refused()) {
            v.check(false, "plannedDate", replan.refusal());
            v.throwIfInvalid();
        }
        return replan;
    }

    /** The program's calendar as the planner reads it. */
    private List<PlannedMilestone> calendar(Long programId) {
        return milestones.ofProgram(programId).stream().map(Milestone::toPlanned).toList();
    }

    /**
     * Gives the program's running processes the dates of the calendar as it stands now: every date
     * variable that a timer or a task due date reads, computed by the planner from the milestones.
     * Task due dates that carried an old value take the new one; timers are recalculated.
     */
    private void refreshProcessDates(Long programId) {
        List<PlannedMilestone> cal = calendar(programId);
        LocalDate today = LocalDate.now(clock);
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(programId))
                .active().list()) {
            String key = definitionKey(pi);
            if (!LIFECYCLE_PROCESSES.contains(key)) {
                continue;
            }
            Map<String, Object> current = runtime.getVariables(pi.getId());
            Object c = current.get("cycle");
            int cycle = c instanceof Number n ? n.intValue() : 1;
            Map<String, LocalDate> wanted = planner.processDates(cal, key.equals(ISO_CERTIFICATION), cycle,
                    (String) current.get("auditType"), dates.toDay(current.get("auditDeadline")), today);
            Map<Date, Date> shifts = new HashMap<>();
            for (Map.Entry<String, LocalDate> e : wanted.entrySet()) {
                boolean known = current.containsKey(e.getKey())
                        || (key.equals(SOC2_RENEWAL) && e.getKey().equals("nextWindowStart"));
                if (known && e.getValue() != null) {
                    set(pi.getId(), e.getKey(), e.getValue(), shifts);
                }
            }
            for (Job job : management.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
                management.recalculateJobDuedate(job.getId(), true);
            }
            if (!shifts.isEmpty()) {
                for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId()).list()) {
                    Date moved = t.getDueDate() == null ? null : shifts.get(t.getDueDate());
                    if (moved != null) {
                        t.setDueDate(moved);
                        tasks.saveTask(t);
                    }
                }
            }
        }
    }

    private void set(String processInstanceId, String name, LocalDate value, Map<Date, Date> shifts) {
        Object old = runtime.getVariable(processInstanceId, name);
        Date next = dates.toDate(value);
        LocalDate today = LocalDate.now(clock);
        if (old instanceof Date d && dates.toDay(d).isBefore(today) && !value.isAfter(today)) {
            // A date that has passed is history: a move elsewhere does not turn overdue work into "due today".
            return;
        }
        if (old instanceof Date d && !d.equals(next)) {
            shifts.put(d, next);
        }
        if (!(old instanceof Date d) || !d.equals(next)) {
            runtime.setVariable(processInstanceId, name, next);
        }
    }

    /** The key of a process instance's definition (a definition id need not start with it: long keys get a plain id). */
    private String definitionKey(ProcessInstance pi) {
        return repository.getProcessDefinition(pi.getProcessDefinitionId()).getKey();
    }

    /** Date ranges between consecutive SOC 2 observation windows that no report period covers (planner's rule). */
    @Transactional(readOnly = true)
    public List<CoverageGap> coverageGaps(Long programId) {
        return Planner.coverageGaps(Planner.windows(calendar(programId)));
    }

    /** A SOC 2 program's coverage today, in words: covered, gap from-to, report stale, or not covered yet. */
    @Transactional(readOnly = true)
    public Planner.Coverage coverage(Long programId) {
        return Planner.coverage(calendar(programId), LocalDate.now(clock));
    }

    /**
     * The ISO/IEC 27001 certificate of a program, when it has one, with its state today as the
     * planner reads it from the calendar and the recorded state ({@link Planner#certificateStanding}),
     * and the reason in the note: the one answer for the API, the program page and the dashboard.
     */
    @Transactional(readOnly = true)
    public Optional<CertificateService.Certificate> certificate(Long programId) {
        return certificates.find(programId).map(c -> {
            Planner.Standing st = standing(c);
            return new CertificateService.Certificate(c.programId(), st.state(), c.cycle(), c.decisionDate(), c.expiryDate(),
                    st.reason());
        });
    }

    /** The certificate's state today with the day that matters for it (expiry, the audit at risk or missed). */
    @Transactional(readOnly = true)
    public Optional<Planner.Standing> certificateStanding(Long programId) {
        return certificates.find(programId).map(this::standing);
    }

    private Planner.Standing standing(CertificateService.Certificate c) {
        return Planner.certificateStanding(calendar(c.programId()), c.cycle(), c.state(), c.note(), c.expiryDate(),
                LocalDate.now(clock));
    }

    /** Frameworks and what the start form asks for, for UIs. */
    public static Set<Framework> frameworks() {
        return EnumSet.allOf(Framework.class);
    }
}
