package io.auditflow.control;

import io.auditflow.common.NotFoundException;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Per-program control data: coverage, the Statement of Applicability, and joint audit planning. */
@RestController
@Tag(name = "Program controls", description = "Coverage per program, Statement of Applicability, joint audit planning")
class ProgramControlsController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    record ProposalRequest(Long soc2ProgramId, Long isoProgramId) {
    }

    private final ControlService controls;
    private final SoaService soa;
    private final JointPlanning joint;
    private final ProgramService programs;
    private final Clock clock;

    ProgramControlsController(ControlService controls, SoaService soa, JointPlanning joint, ProgramService programs, Clock clock) {
        this.programs = programs;
        this.controls = controls;
        this.soa = soa;
        this.joint = joint;
        this.clock = clock;
    }

    @GetMapping("/api/programs/{id}/coverage")
    @Operation(summary = "Coverage of a program", description = "SOC 2: criteria of its trust categories; ISO: Annex A controls the SoA in force keeps")
    @ApiResponse(responseCode = "404", description = "No such program")
    Coverage coverage(@PathVariable Long id) {
        Program p = programs.find(id).orElseThrow(() -> new NotFoundException("No program " + id));
        return controls.programCoverage(id, p.framework() == Framework.ISO27001 ? soa.notApplicable(id) : java.util.Set.of());
    }

    @GetMapping(value = "/api/programs/{id}/soa", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "Statement of Applicability",
            description = "The newest version, or ?version=N; JSON, text/csv or application/pdf by Accept header or ?format=json|csv|pdf")
    @ApiResponse(responseCode = "404", description = "No program, or it has no SoA yet")
    @ApiResponse(responseCode = "409", description = "Not an ISO/IEC 27001 program")
    ResponseEntity<?> soa(@PathVariable Long id, @RequestParam(required = false) Integer version,
                          @Parameter(description = "json, csv or pdf") @RequestParam(required = false) String format,
                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Soa s = version != null ? soa.version(id, version)
                : soa.latest(id).orElseThrow(() -> new NotFoundException("This program has no Statement of Applicability yet"));
        String kind = format != null ? format.trim().toLowerCase(Locale.ROOT)
                : accept != null && accept.contains("text/csv") ? "csv"
                : accept != null && accept.contains("application/pdf") ? "pdf" : "json";
        return switch (kind) {
            case "csv" -> file(SoaExport.csv(s), MediaType.parseMediaType("text/csv;charset=UTF-8"), SoaExport.fileName(s, "csv"));
            case "pdf" -> file(SoaExport.pdf(s, clock.getZone()), MediaType.APPLICATION_PDF, SoaExport.fileName(s, "pdf"));
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(s);
            default -> throw new io.auditflow.common.ValidationException(List.of(
                    new io.auditflow.common.FieldError("format", "Use json, csv or pdf")));
        };
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    @GetMapping("/api/programs/{id}/soa/versions")
    @Operation(summary = "Versions of a program's SoA, newest first (without their lines)")
    List<Soa> versions(@PathVariable Long id) {
        return soa.versions(id);
    }

    @PostMapping("/api/programs/{id}/soa/drafts")
    @Operation(summary = "Start a new draft", description = "Copied from the newest version; members, managers and admins")
    @ApiResponse(responseCode = "409", description = "A draft or submission is open already, or not an ISO program")
    ResponseEntity<Soa> draft(@PathVariable Long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(soa.startDraft(id));
    }

    @PutMapping("/api/programs/{id}/soa/{version}/entries/{controlId}")
    @Operation(summary = "Change one line of a draft", description = "Applicability, justification and implementation status")
    @ApiResponse(responseCode = "409", description = "The version is not a draft")
    Soa entry(@PathVariable Long id, @PathVariable int version, @PathVariable String controlId, @RequestBody Soa.EntryRequest request) {
        return soa.updateEntry(id, version, controlId, request);
    }

    @PostMapping("/api/programs/{id}/soa/{version}/submit")
    @Operation(summary = "Submit a draft for approval", description = "Starts the approval process; a manager decides")
    Soa submit(@PathVariable Long id, @PathVariable int version) {
        return soa.submit(id, version);
    }

    @PostMapping("/api/programs/{id}/soa/{version}/decision")
    @Operation(summary = "Approve or reject a submitted version", description = "Managers and admins; a rejection needs a note")
    @ApiResponse(responseCode = "202", description = "The decision is recorded by the approval process")
    ResponseEntity<Void> decide(@PathVariable Long id, @PathVariable int version, @RequestBody Soa.Decision decision) {
        soa.decide(id, version, decision);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/joint-plans/pairs")
    @Operation(summary = "SOC 2 Type II and ISO programs over the same scope")
    List<JointPlanning.Pair> pairs() {
        return joint.pairs();
    }

    @PostMapping("/api/joint-plans/links")
    @Operation(summary = "Link a SOC 2 Type II and an ISO program", description = "Managers and admins")
    JointPlanning.Pair link(@RequestBody ProposalRequest request) {
        if (request == null || request.soc2ProgramId() == null || request.isoProgramId() == null) {
            throw new io.auditflow.common.ValidationException("soc2ProgramId", "Give soc2ProgramId and isoProgramId");
        }
        return joint.link(request.soc2ProgramId(), request.isoProgramId());
    }

    @GetMapping("/api/joint-plans")
    @Operation(summary = "Joint-planning proposals, newest first")
    List<JointPlanning.Proposal> proposals() {
        return joint.list();
    }

    @PostMapping("/api/joint-plans")
    @Operation(summary = "Propose aligned dates for a pair", description = "SOC 2 fieldwork in the week of the next ISO surveillance or recertification audit")
    @ApiResponse(responseCode = "409", description = "No shared scope, no coming audit or fieldwork, or already aligned")
    ResponseEntity<JointPlanning.Proposal> propose(@RequestBody ProposalRequest request) {
        if (request == null || request.soc2ProgramId() == null || request.isoProgramId() == null) {
            throw new io.auditflow.common.ValidationException("soc2ProgramId", "Give soc2ProgramId and isoProgramId");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(joint.propose(request.soc2ProgramId(), request.isoProgramId()));
    }

    @PostMapping("/api/joint-plans/{proposalId}/accept")
    @Operation(summary = "Accept a proposal", description = "Moves the SOC 2 fieldwork through the lifecycle's reschedule path")
    JointPlanning.Proposal accept(@PathVariable Long proposalId) {
        return joint.accept(proposalId);
    }

    @PostMapping("/api/joint-plans/{proposalId}/decline")
    @Operation(summary = "Decline a proposal")
    JointPlanning.Proposal decline(@PathVariable Long proposalId) {
        return joint.decline(proposalId);
    }
}
