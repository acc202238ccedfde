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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
    private final Clock clock;

    LifecycleService(ProgramService programs, MilestoneService milestones, CertificateService certificates,
                     Planner planner, ProcessDates dates, RuntimeService runtime, TaskService tasks,
                     ManagementService management, Clock clock) {
        this.programs = programs;
        this.milestones = milestones;
        this.certificates = certificates;
        this.planner = planner;
        this.dates = dates;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.clock = clock;
    }

    public static String businessKey(Long programId) {
        return "program-" + programId;
    }

    /** The running top-level lifecycle process of a program, if any. */
    @Transactional(readOnly = true)
    public Optional<ProcessInstance> running(Long programId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(programId))
                .processDefinitionKeyIn(SOC2_RENEWAL, ISO_CERTIFICATION, SOC2_ENGAGEMENT).list().stream()
                .filter(pi -> !pi.getProcessDefinitionId().startsWith(SOC2_ENGAGEMENT)
                        || runtime.createProcessInstanceQuery().subProcessInstanceId(pi.getId()).count() == 0)
                .findFirst();
    }

    /** Checks the start form and starts the lifecycle; nothing is started when a rule is broken. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public LifecycleStarted startLifecycle(Long programId, LifecycleRequest request) {
        Program program = programs.find(programId).orElseThrow(() -> new NotFoundException("No program with id " + programId));
        LifecycleRequest r = request == null ? new LifecycleRequest(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null) : request;
        Validation v = new Validation();
        v.check(!program.archived(), "program", "This program is archived: restore it before starting its lifecycle");
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
            } else {
                v.check(r.asOfDate() != null, "asOfDate", "Give the as-of date of the Type I report");
            }
            if (r.fieldworkStart() != null && r.fieldworkEnd() != null) {
                v.check(!r.fieldworkEnd().isBefore(r.fieldworkStart()), "fieldworkEnd", "Fieldwork must end after it starts");
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
            plan = planner.planSoc2(new Planner.Soc2Inputs(typeTwo, 1, today, r.asOfDate(), r.windowStart(), windowEnd,
                    r.fieldworkStart(), r.fieldworkEnd(), readiness)).milestones();
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
                    if (r.surveillance1Date() != null) {
                        v.check(r.surveillance1Date().isAfter(r.decisionDate()), "surveillance1Date",
                                "The surveillance audit comes after the certification decision");
                        v.check(!r.surveillance1Date().isAfter(expiry), "surveillance1Date",
                                "A surveillance audit must take place before the certificate expires on " + expiry);
                        LocalDate deadline = cycle.date("surveillance1Deadline");
                        if (!v.hasError("surveillance1Date")) {
                            v.check(!r.surveillance1Date().isAfter(deadline), "surveillance1Date",
                                    "Surveillance audit 1 is due no later than 12 months after the decision (" + deadline + ")");
                        }
                    }
                }
                v.throwIfInvalid();
                failIfRunning(programId);
                plan = planner.planIsoCycle(1, r.decisionDate(), null, r.surveillance1Date()).milestones();
                vars.put("onboarding", true);
                vars.put("decisionDate", dates.toDate(r.decisionDate()));
                vars.put("requestedSurveillance1Date", dates.toDate(r.surveillance1Date()));
            }
            processKey = ISO_CERTIFICATION;
        }
        for (PlannedMilestone m : plan) {
            milestones.plan(programId, m.type(), m.cycle(), m.date());
        }
        ProcessInstance pi = runtime.startProcessInstanceByKey(processKey, businessKey(programId), vars);
        return new LifecycleStarted(programId, processKey, pi.getId(), milestones.ofProgram(programId));
    }

    private void failIfRunning(Long programId) {
        if (running(programId).isPresent()) {
            throw new ConflictException("A lifecycle is already running for this program");
        }
    }

    /**
     * Moves a planned milestone (the certification body moved an audit, the auditor moved fieldwork).
     * Dependent dates are planned again, and timers and open task due dates follow.
     */
    @PreAuthorize(Roles.CAN_MANAGE)
    public List<Milestone> rescheduleMilestone(Long programId, MilestoneType type, int cycle, LocalDate newDate) {
        programs.find(programId).orElseThrow(() -> new NotFoundException("No program with id " + programId));
        Validation v = new Validation();
        v.check(newDate != null, "plannedDate", "Give the new date");
        v.check(type != null, "type", "Say which milestone moves");
        v.throwIfInvalid();
        Milestone m = milestones.find(programId, type, cycle)
                .orElseThrow(() -> new NotFoundException("No " + type + " milestone in cycle " + cycle));
        v.check(m.getStatus() != MilestoneStatus.DONE, "type", "This milestone already happened on " + m.getActualDate());
        Map<String, LocalDate> changed = new LinkedHashMap<>();
        switch (type) {
            case SURVEILLANCE_AUDIT_1, SURVEILLANCE_AUDIT_2, RECERTIFICATION_AUDIT -> {
                LocalDate expiry = milestones.find(programId, MilestoneType.CERTIFICATE_EXPIRY, cycle)
                        .map(Milestone::getPlannedDate).orElse(null);
                if (expiry != null) {
                    v.check(!newDate.isAfter(expiry), "plannedDate",
                            "A " + (type == MilestoneType.RECERTIFICATION_AUDIT ? "recertification" : "surveillance")
                                    + " audit must take place before the certificate expires on " + expiry);
                }
                if (type == MilestoneType.SURVEILLANCE_AUDIT_1) {
                    milestones.find(programId, MilestoneType.CERTIFICATION_DECISION, cycle)
                            .map(d -> d.getActualDate() != null ? d.getActualDate() : d.getPlannedDate())
                            .ifPresent(decision -> {
                                LocalDate deadline = decision.plusMonths(planner.settings().surveillance1DeadlineMonths());
                                if (!v.hasError("plannedDate")) {
                                    v.check(!newDate.isAfter(deadline), "plannedDate",
                                            "Surveillance audit 1 is due no later than 12 months after the decision (" + deadline + ")");
                                }
                            });
                }
                v.throwIfInvalid();
                milestones.plan(programId, type, cycle, newDate);
                changed.put("auditDate@" + type.name(), newDate);
                if (type == MilestoneType.SURVEILLANCE_AUDIT_1) {
                    LocalDate s2 = Planner.surveillance2(newDate);
                    milestones.plan(programId, MilestoneType.SURVEILLANCE_AUDIT_2, cycle, s2);
                    changed.put("surveillance2Date", s2);
                    changed.put("surveillance1Date", newDate);
                }
            }
            case STAGE1_AUDIT, STAGE2_AUDIT -> {
                LocalDate other = milestones.find(programId, type == MilestoneType.STAGE1_AUDIT
                        ? MilestoneType.STAGE2_AUDIT : MilestoneType.STAGE1_AUDIT, cycle).map(x -> x.getActualDate() != null
                        ? x.getActualDate() : x.getPlannedDate()).orElse(null);
                if (other != null) {
                    v.check(type == MilestoneType.STAGE1_AUDIT ? newDate.isBefore(other) : newDate.isAfter(other),
                            "plannedDate", "Stage 2 comes after Stage 1 (" + (type == MilestoneType.STAGE1_AUDIT ? newDate : other) + ")");
                }
                v.throwIfInvalid();
                milestones.plan(programId, type, cycle, newDate);
                changed.put(type == MilestoneType.STAGE1_AUDIT ? "stage1Date" : "auditDate@STAGE2_AUDIT", newDate);
            }
            case FIELDWORK_START, FIELDWORK_END, AS_OF_DATE -> {
                LocalDate start = type == MilestoneType.FIELDWORK_START ? newDate
                        : milestones.find(programId, MilestoneType.FIELDWORK_START, cycle).map(Milestone::getPlannedDate).orElse(null);
                LocalDate end = type == MilestoneType.FIELDWORK_END ? newDate
                        : milestones.find(programId, MilestoneType.FIELDWORK_END, cycle).map(Milestone::getPlannedDate).orElse(null);
                if (type == MilestoneType.FIELDWORK_START && end != null) {
                    long days = java.time.temporal.ChronoUnit.DAYS.between(m.getPlannedDate(), end);
                    end = newDate.plusDays(days);
                }
                if (type == MilestoneType.FIELDWORK_END && start != null) {
                    v.check(!newDate.isBefore(start), "plannedDate", "Fieldwork must end after it starts (" + start + ")");
                }
                v.throwIfInvalid();
                if (type == MilestoneType.AS_OF_DATE) {
                    milestones.plan(programId, type, cycle, newDate);
                    changed.put("asOfDate", newDate);
                    changed.put("asOfReached", newDate);
                } else {
                    LocalDate reportDue = end.plusDays(planner.settings().reportDays());
                    milestones.plan(programId, MilestoneType.FIELDWORK_START, cycle, start);
                    milestones.plan(programId, MilestoneType.FIELDWORK_END, cycle, end);
                    milestones.plan(programId, MilestoneType.REPORT_ISSUED, cycle, reportDue);
                    changed.put("fieldworkStart", start);
                    changed.put("fieldworkEnd", end);
                    changed.put("managementResponseDue", end.plusDays(14));
                    changed.put("assertionDue", reportDue.minusDays(7));
                    changed.put("reportDue", reportDue);
                }
            }
            case OBSERVATION_START -> {
                v.check(cycle > 1, "type", "The first window's start is set when the lifecycle starts");
                v.throwIfInvalid();
                milestones.plan(programId, type, cycle, newDate);
                changed.put("nextWindowStart@" + (cycle - 1), newDate);
            }
            default -> {
                v.check(false, "type", type.label() + " follows from other dates: move those instead");
                v.throwIfInvalid();
            }
        }
        applyToProcesses(programId, cycle, changed);
        return milestones.ofProgram(programId);
    }

    /** Sets changed dates on the program's running processes, then moves their timers and task due dates. */
    private void applyToProcesses(Long programId, int cycle, Map<String, LocalDate> changed) {
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(programId))
                .active().list()) {
            Object piCycle = runtime.getVariable(pi.getId(), "cycle");
            Map<Date, Date> shifts = new HashMap<>();
            for (Map.Entry<String, LocalDate> e : changed.entrySet()) {
                String name = e.getKey();
                if (name.startsWith("nextWindowStart@")) {
                    if (Objects.equals(piCycle, Integer.parseInt(name.substring(name.indexOf('@') + 1)))
                            && pi.getProcessDefinitionId().startsWith(SOC2_RENEWAL)) {
                        runtime.setVariable(pi.getId(), "nextWindowStart", dates.toDate(e.getValue()));
                    }
                    continue;
                }
                if (!Objects.equals(piCycle, cycle)) {
                    continue;
                }
                if (name.startsWith("auditDate@")) {
                    if (!name.substring(name.indexOf('@') + 1).equals(runtime.getVariable(pi.getId(), "auditType"))) {
                        continue;
                    }
                    LocalDate deadline = dates.toDay(runtime.getVariable(pi.getId(), "auditDeadline"));
                    for (Map.Entry<String, LocalDate> p : planner.auditPreparation(e.getValue(), deadline,
                            LocalDate.now(clock)).entrySet()) {
                        set(pi.getId(), p.getKey(), p.getValue(), shifts);
                    }
                    continue;
                }
                set(pi.getId(), name, e.getValue(), shifts);
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
        if (old instanceof Date d && !d.equals(next)) {
            shifts.put(d, next);
        }
        runtime.setVariable(processInstanceId, name, next);
    }

    /**
     * Date ranges between consecutive SOC 2 observation windows that no report period covers. A
     * bridge letter speaks for the time after the last period until the next report; it does not
     * cover a gap between windows (customers see that gap), so such gaps are always listed.
     */
    @Transactional(readOnly = true)
    public List<CoverageGap> coverageGaps(Long programId) {
        Map<Integer, LocalDate[]> windows = new HashMap<>();
        for (Milestone m : milestones.ofProgram(programId)) {
            int idx = m.getType() == MilestoneType.OBSERVATION_START ? 0 : m.getType() == MilestoneType.OBSERVATION_END ? 1 : -1;
            if (idx >= 0) {
                LocalDate day = m.getActualDate() != null ? m.getActualDate() : m.getPlannedDate();
                windows.computeIfAbsent(m.getCycle(), c -> new LocalDate[2])[idx] = day;
            }
        }
        List<LocalDate[]> sorted = windows.values().stream().filter(w -> w[0] != null && w[1] != null)
                .sorted(Comparator.comparing(w -> w[0])).toList();
        List<CoverageGap> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            LocalDate prevEnd = sorted.get(i - 1)[1];
            LocalDate start = sorted.get(i)[0];
            if (start.isAfter(prevEnd.plusDays(1))) {
                gaps.add(new CoverageGap(prevEnd.plusDays(1), start.minusDays(1)));
            }
        }
        return gaps;
    }

    /** The ISO/IEC 27001 certificate of a program and its state, when it has one. */
    @Transactional(readOnly = true)
    public Optional<CertificateService.Certificate> certificate(Long programId) {
        return certificates.find(programId);
    }

    /** Frameworks and what the start form asks for, for UIs. */
    public static Set<Framework> frameworks() {
        return EnumSet.allOf(Framework.class);
    }
}
