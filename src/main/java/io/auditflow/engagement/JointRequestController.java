package io.auditflow.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/engagements")
@Tag(name = "Engagements")
class JointRequestController {

    private static final String EXAMPLE = "reference,request,criteria,due date,owner hint\r\n"
            + "SOC-3,Monitoring alerts and their triage,CC7.2,2026-10-01,grc\r\nISO-3,Event monitoring records,A.8.16,2026-10-05,grc";

    private final JointRequestList joint;
    private final EngagementService engagements;

    JointRequestController(JointRequestList joint, EngagementService engagements) {
        this.joint = joint;
        this.engagements = engagements;
    }

    @PostMapping(path = "/{id}/requests/joint-import/preview", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Preview the deduplicated request list of a joint engagement (nothing is stored)",
            description = "For an engagement whose program has an accepted joint-planning proposal. A SOC 2 row and an ISO row"
                    + " that name the same item, or a SOC 2 criterion and an Annex A control the crosswalk calls EQUIVALENT,"
                    + " become one request listing both references: e.g. \"6 requests, 2 merged into 1\". Managers and the"
                    + " engagement's auditors; 409 when the engagement is not joint. Same CSV format and limits as the import.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string", example = EXAMPLE))))
    @ApiResponse(responseCode = "409", description = "The engagement is not a joint audit")
    JointRequestList.Preview preview(@PathVariable Long id, InputStream body) throws IOException {
        return joint.preview(id, read(body));
    }

    @PostMapping(path = "/{id}/requests/joint-import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import a joint engagement's SOC 2 and ISO requests as one deduplicated list",
            description = "The merge of the preview, then the ordinary import: all rows or none (400 with one fieldError per"
                    + " row of the merged list), a reference already on the list updates that request.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string", example = EXAMPLE))))
    @ApiResponse(responseCode = "400", description = "Rows with their numbers and reasons")
    @ApiResponse(responseCode = "409", description = "The engagement is not a joint audit")
    JointRequestList.JointImport importMerged(@PathVariable Long id, InputStream body) throws IOException {
        return joint.importMerged(id, read(body));
    }

    @org.springframework.web.bind.annotation.GetMapping("/{id}/requests/by-framework")
    @Operation(summary = "Requests per framework (SOC2, ISO27001): total, accepted, and how many count for both",
            description = "A merged request of a joint engagement names SOC 2 and ISO items, so it counts for both frameworks."
                    + " Only the requests the caller may see (members: their teams').")
    java.util.List<JointRequestList.FrameworkProgress> byFramework(@PathVariable Long id) {
        return joint.progressByFramework(id);
    }

    /** One byte past the limit at most, so a huge body is refused by the parser without being held in memory. */
    private byte[] read(InputStream body) throws IOException {
        long limit = engagements.settings().maxImportSize().toBytes();
        return body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    }
}
