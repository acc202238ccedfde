package io.auditflow.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over HTTP, for admins: search, CSV export, verification of the hash chain. */
@RestController
@RequestMapping("/api/admin/audit")
@Tag(name = "Audit trail", description = "Append-only, hash-chained record of sign-ins and changes; admins only")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "Search the audit trail, newest first")
    List<AuditEntry> search(@RequestParam(required = false) @Parameter(description = "user name, exact") String actor,
                            @RequestParam(required = false) @Parameter(description = "action code, e.g. USER_DISABLED") String action,
                            @RequestParam(required = false) @Parameter(description = "text in target or details") String text,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(defaultValue = "0") @Parameter(description = "0-based page") int page,
                            @RequestParam(defaultValue = "50") @Parameter(description = "1 to 500") int size) {
        int limit = Math.max(1, Math.min(size, 500));
        return trail.page(new AuditFilter(actor, action, text, from, to), Math.max(0, page) * limit, limit);
    }

    @GetMapping(path = "/export", produces = "text/csv")
    @Operation(summary = "Export matching entries as CSV with their hashes (at most 100,000, newest first)")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String text,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StringWriter out = new StringWriter();
        trail.exportCsv(new AuditFilter(actor, action, text, from, to), out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit-trail.csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/verify")
    @Operation(summary = "Verify the hash chain", description = "Walks every entry in order; intact is false with the"
            + " first broken sequence number when an entry was changed, removed or inserted")
    AuditVerification verify() {
        return trail.verify();
    }
}
