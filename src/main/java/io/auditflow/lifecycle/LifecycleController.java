package io.auditflow.lifecycle;

import io.auditflow.program.ProgramService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A program's lifecycle over HTTP: start it, read its calendar, move a date, read coverage and certificate. */
@RestController
@RequestMapping("/api/programs/{id}")
@Tag(name = "Lifecycle", description = "Audit lifecycles (BPMN) and the calendar of milestones they keep")
class LifecycleController {

    private final LifecycleService lifecycles;
    private final MilestoneService milestones;
    private final ProgramService programs;
    private final ControlActivityService controls;
    private final FindingService findings;

    LifecycleController(LifecycleService lifecycles, MilestoneService milestones, ProgramService programs,
                        ControlActivityService controls, FindingService findings) {
        this.lifecycles = lifecycles;
        this.milestones = milestones;
        this.programs = programs;
        this.controls = controls;
        this.findings = findings;
    }

    /** One milestone as the API shows it. */
    record MilestoneView(
            @Schema(description = "Milestone type code, e.g. SURVEILLANCE_AUDIT_1") MilestoneType type,
            @Schema(description = "SOC 2 year or ISO certificate cycle, 1 for the first") int cycle,
            @Schema(description = "Planned day") LocalDate plannedDate,
            @Schema(description = "Day it happened, once done") LocalDate actualDate,
            @Schema(description = "PLANNED, DONE, AT_RISK or MISSED") MilestoneStatus status,
            @Schema(description = "Why the status is what it is") String note) {
        static MilestoneView of(Milestone m) {
            return new MilestoneView(m.getType(), m.getCycle(), m.getPlannedDate(), m.getActualDate(), m.getStatus(), m.getNote());
        }
    }

    /** Result of starting a lifecycle. */
    record Started(Long programId, String processDefinitionKey, String processInstanceId, List<MilestoneView> milestones) {
    }

    /** A new date for one milestone. */
    record Reschedule(@Schema(description = "The new planned day", example = "2027-03-01") LocalDate plannedDate,
                      @Schema(description = "Why it moves (kept with the milestone)", example = "Body moved the audit")
                      String reason) {
    }

    /** What a move changes (dryRun) or changed. */
    record Moved(@Schema(description = "false for a preview (dryRun=true): nothing was changed") boolean saved,
                 @Schema(description = "Every milestone that moves, the moved one first") List<Planner.Change> changes,
                 @Schema(description = "The calendar after the move (before it, for a preview)") List<MilestoneView> milestones) {
        static Moved of(LifecycleService.MoveResult r) {
            return new Moved(r.saved(), r.changes(), r.calendar().stream().map(MilestoneView::of).toList());
        }
    }

    /** A certificate with its state in words. */
    record CertificateView(Long programId, CertificateState state,
                           @Schema(description = "The state in words, e.g. \"At risk\"") String stateLabel, int cycle,
                           LocalDate decisionDate, LocalDate expiryDate,
                           @Schema(description = "Why the certificate is in this state") String note) {
    }

    @PostMapping("/lifecycle")
    @Operation(summary = "Start the program's lifecycle",
            description = "Managers and admins only. Bad input gives 400 with fieldErrors naming the broken rule; "
                    + "a running lifecycle gives 409.")
    ResponseEntity<Started> start(@PathVariable Long id, @RequestBody LifecycleRequest request) {
        LifecycleService.LifecycleStarted s = lifecycles.startLifecycle(id, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Started(s.programId(), s.processDefinitionKey(),
                s.processInstanceId(), s.milestones().stream().map(MilestoneView::of).toList()));
    }

    @GetMapping("/milestones")
    @Operation(summary = "Planned and actual milestones in date order")
    List<MilestoneView> milestones(@PathVariable Long id) {
        programs.get(id);
        return milestones.ofProgram(id).stream().map(MilestoneView::of).toList();
    }

    @PostMapping("/milestones/{type}/{cycle}/reschedule")
    @Operation(summary = "Move a planned milestone (or preview the move with dryRun=true)",
            description = "Everything that depends on it moves with it; timers and open task due dates follow. "
                    + "A move that breaks a rule gives 400 with the rule in fieldErrors (plannedDate).")
    Moved reschedule(@PathVariable Long id, @PathVariable MilestoneType type, @PathVariable int cycle,
                     @RequestParam(defaultValue = "false") boolean dryRun, @RequestBody Reschedule body) {
        LocalDate day = body == null ? null : body.plannedDate();
        String reason = body == null ? null : body.reason();
        return Moved.of(dryRun ? lifecycles.previewReschedule(id, type, cycle, day, reason)
                : lifecycles.rescheduleMilestone(id, type, cycle, day, reason));
    }

    @GetMapping("/coverage-state")
    @Operation(summary = "SOC 2: coverage today in words (covered, gap from-to, report stale, not covered yet) and every gap")
    Planner.Coverage coverage(@PathVariable Long id) {
        programs.get(id);
        return lifecycles.coverage(id);
    }

    @GetMapping("/coverage-gaps")
    @Operation(summary = "SOC 2: date ranges between observation windows that no report covers")
    List<CoverageGap> coverageGaps(@PathVariable Long id) {
        programs.get(id);
        return lifecycles.coverageGaps(id);
    }

    @GetMapping("/certificate")
    @Operation(summary = "ISO 27001: the certificate and its state (VALID, AT_RISK, SUSPENDED, LAPSED, RESTORED)")
    ResponseEntity<CertificateView> certificate(@PathVariable Long id) {
        programs.get(id);
        return lifecycles.certificate(id).map(c -> new CertificateView(c.programId(), c.state(), c.state().label(), c.cycle(),
                c.decisionDate(), c.expiryDate(), c.note())).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @GetMapping("/control-activities")
    @Operation(summary = "Recurring control activities: expected versus done per activity and window")
    List<ControlActivityService.ExpectedVersusDone> controlActivities(@PathVariable Long id) {
        programs.get(id);
        return controls.expectedVersusDone(id);
    }

    @GetMapping("/findings")
    @Operation(summary = "Findings of the program and the state of their corrective actions")
    List<FindingService.FindingView> findings(@PathVariable Long id) {
        programs.get(id);
        return findings.findingsOf(id);
    }
}
