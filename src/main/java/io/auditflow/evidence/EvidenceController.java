package io.auditflow.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence over HTTP: upload to a task (multipart), list per task and program, download. */
@RestController
@Tag(name = "Evidence", description = "Files that prove a control operated; checked by content, hashed, kept on disk")
class EvidenceController {

    private final EvidenceService evidence;

    EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @PostMapping(path = "/api/tasks/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload evidence files to an open task",
            description = "multipart/form-data with one or more parts named 'files' and an optional 'evidenceDate'"
                    + " (ISO date the evidence is from; default today). Every file is checked first (plain name, allowed"
                    + " type, size limit, content matching the name); if one fails, none is stored (400 with fieldErrors).")
    ResponseEntity<List<Evidence>> upload(@PathVariable String id,
                                          @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                          @Parameter(description = "The day the evidence is from, e.g. 2026-03-31") LocalDate evidenceDate) {
        List<EvidenceUpload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                try {
                    uploads.add(new EvidenceUpload(f.getOriginalFilename(), f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(evidence.upload(id, uploads, evidenceDate));
    }

    @GetMapping("/api/tasks/{id}/evidence")
    @Operation(summary = "Evidence of one task", description = "outsideWindow is true for evidence dated outside the"
            + " observation window of an observation task, null when no window applies")
    List<Evidence> ofTask(@PathVariable String id) {
        return evidence.ofTask(id);
    }

    @GetMapping("/api/programs/{programId}/evidence")
    @Operation(summary = "All evidence of a program, newest evidence date first")
    List<Evidence> ofProgram(@PathVariable Long programId) {
        return evidence.ofProgram(programId);
    }

    @GetMapping("/api/evidence/{evidenceId}/content")
    @Operation(summary = "Download an evidence file")
    ResponseEntity<Resource> download(@PathVariable Long evidenceId) {
        EvidenceFile file = evidence.download(evidenceId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.evidence().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SHA256", file.evidence().sha256())
                .contentType(MediaType.parseMediaType(file.evidence().contentType()))
                .contentLength(file.evidence().size())
                .body(new FileSystemResource(file.path()));
    }
}
