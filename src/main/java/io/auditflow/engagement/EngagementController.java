package io.auditflow.engagement;

import io.auditflow.evidence.Evidence;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The auditor's workspace over HTTP. Engagements an auditor is not (or no longer) invited to answer 404. */
@RestController
@RequestMapping("/api/engagements")
@Tag(name = "Engagements", description = "Audit engagements: invited auditors, the request list, samples, the binder")
@ApiResponse(responseCode = "404", description = "No such engagement or request, or the caller may not see it")
@ApiResponse(responseCode = "403", description = "The caller's role may not do this")
class EngagementController {

    private final EngagementService engagements;
    private final RequestService requests;
    private final SampleService samples;
    private final BinderService binder;
    private final PeriodActivities periodActivities;

    EngagementController(EngagementService engagements, RequestService requests, SampleService samples,
                         BinderService binder, PeriodActivities periodActivities) {
        this.periodActivities = periodActivities;
        this.engagements = engagements;
        this.requests = requests;
        this.samples = samples;
        this.binder = binder;
    }

    record InviteBody(String username) {
    }

    record ReportBody(LocalDate reportRecordedOn) {
    }

    record DecisionBody(String comment, Long version) {
    }

    record CommentBody(String comment, Long parentId) {
    }

    record LinkBody(Long evidenceId) {
    }

    record SampleBody(String activityCode, Integer size, Long seed) {
    }

    @GetMapping
    @Operation(summary = "Engagements the caller may see (auditors: only theirs, while access lasts)")
    List<Engagement> list() {
        return engagements.list();
    }

    @PostMapping
    @Operation(summary = "Create an engagement for one audit of a program (managers)",
            description = "Empty period and fieldwork dates are taken from the program's calendar.")
    @ApiResponse(responseCode = "400", description = "Bad input, with fieldErrors")
    ResponseEntity<Engagement> create(@RequestBody EngagementForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(engagements.create(form));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One engagement")
    Engagement get(@PathVariable Long id) {
        return engagements.get(id);
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Requests by status, overdue requests and days to the end of fieldwork")
    Progress progress(@PathVariable Long id) {
        return requests.progress(id);
    }

    @GetMapping("/{id}/auditors")
    @Operation(summary = "Invited auditors and how long their access lasts (managers)")
    List<AuditorAccess> auditors(@PathVariable Long id) {
        return engagements.auditors(id);
    }

    @PostMapping("/{id}/auditors")
    @Operation(summary = "Invite a user with the Auditor role (managers)")
    @ApiResponse(responseCode = "400", description = "No such active auditor")
    ResponseEntity<AuditorAccess> invite(@PathVariable Long id, @RequestBody InviteBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(engagements.invite(id, body == null ? null : body.username()));
    }

    @DeleteMapping("/{id}/auditors/{username}")
    @Operation(summary = "Revoke an auditor's access (managers)")
    AuditorAccess revoke(@PathVariable Long id, @PathVariable String username) {
        return engagements.revoke(id, username);
    }

    @PutMapping("/{id}/report")
    @Operation(summary = "Record the day of the report or certification decision; access ends a set number of days later")
    Engagement report(@PathVariable Long id, @RequestBody ReportBody body) {
        return engagements.recordReport(id, body == null ? null : body.reportRecordedOn());
    }

    @GetMapping("/{id}/requests")
    @Operation(summary = "The request list; team members see the requests of their teams")
    List<AuditRequest> requests(@PathVariable Long id, @RequestParam(required = false) RequestStatus status) {
        return requests.list(id, status);
    }

    @PostMapping("/{id}/requests")
    @Operation(summary = "Add a request, or update the one with the same reference")
    @ApiResponse(responseCode = "400", description = "Bad input, with fieldErrors")
    AuditRequest addRequest(@PathVariable Long id, @RequestBody RequestForm form) {
        return requests.save(id, form);
    }

    @PostMapping(path = "/{id}/requests/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import a request list (CSV with a header row: reference, request, criteria, due date, owner hint)",
            description = "All rows or none: a bad row answers 400 with one fieldError per row. A reference already on the"
                    + " list updates that request. UTF-8 (BOM optional) or Windows-1252, ',' ';' or tab; at most 5,000 rows / 2 MB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string",
                    example = "reference,request,criteria,due date,owner hint\r\nPBC-01,Population of new hires,CC1.4,2026-03-31,grc"))))
    @ApiResponse(responseCode = "400", description = "Rows with their numbers and reasons")
    ImportResult importCsv(@PathVariable Long id, java.io.InputStream body) throws java.io.IOException {
        // Read one byte past the limit at most, so a huge body is refused without being held in memory.
        long limit = engagements.settings().maxImportSize().toBytes();
        return requests.importCsv(id, body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1)));
    }

    @GetMapping("/{id}/control-activities")
    @Operation(summary = "Expected versus done for the audited period",
            description = "Each recurring control activity with occurrences in the engagement's period: its frequency, "
                    + "the occurrences the schedule expects, how many are done, overdue (past the due day without evidence) "
                    + "or missed (window closed without evidence), and the dates of each occurrence.")
    List<PeriodActivity> controlActivities(@PathVariable Long id) {
        return periodActivities.of(id);
    }

    @GetMapping("/{id}/samples")
    @Operation(summary = "Samples drawn so far, with their seeds")
    List<Sample> samples(@PathVariable Long id) {
        return samples.ofEngagement(id);
    }

    @GetMapping("/{id}/samples/populations")
    @Operation(summary = "Recurring control activities with occurrences in the period, and default sample sizes")
    List<SampleService.Population> populations(@PathVariable Long id) {
        return samples.populations(id);
    }

    @PostMapping("/{id}/samples")
    @Operation(summary = "Draw a sample of a control activity's occurrences; one request per sampled occurrence",
            description = "size empty: the default for the activity's frequency; seed empty: a new random seed (recorded)")
    ResponseEntity<Sample> draw(@PathVariable Long id, @RequestBody SampleBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(samples.draw(id, body == null ? null : body.activityCode(),
                body == null ? null : body.size(), body == null ? null : body.seed()));
    }

    @GetMapping(path = "/{id}/binder", produces = "application/zip")
    @Operation(summary = "The audit binder: accepted requests' evidence, manifest.csv, manifest.json and index.pdf")
    ResponseEntity<StreamingResponseBody> binder(@PathVariable Long id) throws java.io.IOException {
        String name = binder.fileName(id);
        // Built inside the service's access check and transaction into a temporary file, then streamed.
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("auditflow-binder-", ".zip");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(tmp)) {
            binder.export(id, out);
        } catch (RuntimeException e) {
            java.nio.file.Files.deleteIfExists(tmp);
            throw e;
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(java.nio.file.Files.size(tmp))
                .body(out -> {
                    try {
                        java.nio.file.Files.copy(tmp, out);
                    } finally {
                        java.nio.file.Files.deleteIfExists(tmp);
                    }
                });
    }

    @GetMapping("/requests/{requestId}")
    @Operation(summary = "One request")
    AuditRequest request(@PathVariable Long requestId) {
        return requests.get(requestId);
    }

    @PostMapping("/requests/{requestId}/accept")
    @Operation(summary = "Accept the submitted answer (auditors of the engagement)")
    @ApiResponse(responseCode = "409", description = "Another auditor decided first, or the request is not submitted")
    AuditRequest accept(@PathVariable Long requestId, @RequestBody(required = false) DecisionBody body) {
        return requests.decide(requestId, true, body == null ? null : body.comment(), body == null ? null : body.version());
    }

    @PostMapping("/requests/{requestId}/send-back")
    @Operation(summary = "Send the answer back to the team with a comment (auditors of the engagement)")
    @ApiResponse(responseCode = "409", description = "Another auditor decided first, or the request is not submitted")
    AuditRequest sendBack(@PathVariable Long requestId, @RequestBody DecisionBody body) {
        return requests.decide(requestId, false, body == null ? null : body.comment(), body == null ? null : body.version());
    }

    @GetMapping("/requests/{requestId}/comments")
    @Operation(summary = "The request's comment thread")
    List<RequestComment> comments(@PathVariable Long requestId) {
        return requests.comments(requestId);
    }

    @PostMapping("/requests/{requestId}/comments")
    @Operation(summary = "Comment on a request (parentId answers a comment); the other side gets a mail")
    ResponseEntity<RequestComment> comment(@PathVariable Long requestId, @RequestBody CommentBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.comment(requestId,
                body == null ? null : body.parentId(), body == null ? null : body.comment()));
    }

    @GetMapping("/requests/{requestId}/evidence")
    @Operation(summary = "Evidence of the request (linked and uploaded to its tasks); outsideWindow flags dates outside the period")
    List<Evidence> evidence(@PathVariable Long requestId) {
        return requests.evidenceOf(requestId);
    }

    @PostMapping("/requests/{requestId}/evidence")
    @Operation(summary = "Link evidence already in the store to the request (no second upload)")
    List<Evidence> link(@PathVariable Long requestId, @RequestBody LinkBody body) {
        return requests.linkEvidence(requestId, body == null ? null : body.evidenceId());
    }
}
