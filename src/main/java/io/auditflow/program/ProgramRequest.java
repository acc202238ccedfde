package io.auditflow.program;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;

/**
 * What a manager enters to create or change a program, in the UI form and in the API body.
 * The rules are checked in {@link ProgramService}, not here, so the UI and the API agree.
 */
public record ProgramRequest(
        @Schema(description = "Unique name", example = "Acme SOC 2 Type II") String name,
        @Schema(description = "SOC2_TYPE1, SOC2_TYPE2 or ISO27001") Framework framework,
        @Schema(description = "SOC 2 only: Trust Services Criteria categories; SECURITY is required")
        Set<TrustCategory> criteria,
        @Schema(description = "What the audit covers") String scope,
        @Schema(description = "ISO 27001 only: 2022 (default) or 2013") String isoEdition,
        @Schema(description = "User name of the program owner") String owner,
        @Schema(description = "Code of the team that does the work") String team) {
}
