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
    record Reschedule(@Schema(description = "The new planned day", example = "2027-03-01") LocalDate plannedDate) {
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
    @Operation(summary = "Move a planned milestone", description = "Dependent dates, timers and task due dates follow")
    List<MilestoneView> reschedule(@PathVariable Long id, @PathVariable MilestoneType type, @PathVariable int cycle,
                                   @RequestBody Reschedule body) {
        return lifecycles.rescheduleMilestone(id, type, cycle, body == null ? null : body.plannedDate()).stream()
                .map(MilestoneView::of).toList();
    }

    @GetMapping("/coverage-gaps")
    @Operation(summary = "SOC 2: date ranges between observation windows that no report covers")
    List<CoverageGap> coverageGaps(@PathVariable Long id) {
        programs.get(id);
        return lifecycles.coverageGaps(id);
    }

    @GetMapping("/certificate")
    @Operation(summary = "ISO 27001: the certificate and its state (VALID, AT_RISK, SUSPENDED, LAPSED, RESTORED)")
    ResponseEntity<CertificateService.Certificate> certificate(@PathVariable Long id) {
        programs.get(id);
        return lifecycles.certificate(id).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
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
