package io.auditflow.lifecycle;

import io.auditflow.program.TrustCategory;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a manager enters to start a program's lifecycle, in the UI form and in the API body. Which
 * fields apply depends on the program's framework; the rules are checked in {@link LifecycleService}.
 */
@Schema(description = "Start of a program's audit lifecycle. SOC 2 Type I: asOfDate. SOC 2 Type II: windowStart "
        + "and windowMonths (or windowEnd). ISO 27001: isoStart INITIAL with stage1Date, or EXISTING with decisionDate.")
public record LifecycleRequest(
        @Schema(description = "SOC 2: Trust Services Criteria in scope; SECURITY is mandatory. Default: the program's")
        Set<TrustCategory> criteria,
        @Schema(description = "SOC 2: run an optional readiness assessment first", example = "false")
        Boolean readinessAssessment,
        @Schema(description = "SOC 2 Type I: the date the controls' design is reported as of", example = "2026-06-30")
        LocalDate asOfDate,
        @Schema(description = "SOC 2 Type II: first day of the observation window", example = "2026-01-01")
        LocalDate windowStart,
        @Schema(description = "SOC 2 Type II: window length in months, 3 to 12 (default 12)", example = "12")
        Integer windowMonths,
        @Schema(description = "SOC 2 Type II: last day of the window, instead of windowMonths", example = "2026-12-31")
        LocalDate windowEnd,
        @Schema(description = "SOC 2: fieldwork start agreed with the auditor (default: planned from the window)")
        LocalDate fieldworkStart,
        @Schema(description = "SOC 2: fieldwork end agreed with the auditor")
        LocalDate fieldworkEnd,
        @Schema(description = "SOC 2 Type II: renew every year with back-to-back windows (default true)")
        Boolean renewal,
        @Schema(description = "ISO 27001: INITIAL certification (Stage 1 and 2) or EXISTING certificate")
        IsoStart isoStart,
        @Schema(description = "ISO 27001 initial: Stage 1 audit date", example = "2026-03-02")
        LocalDate stage1Date,
        @Schema(description = "ISO 27001 initial: Stage 2 audit date (default 6 weeks after Stage 1)")
        LocalDate stage2Date,
        @Schema(description = "ISO 27001 existing: date of the certification decision", example = "2025-06-15")
        LocalDate decisionDate,
        @Schema(description = "ISO 27001 existing: surveillance audit 1 date agreed with the body, still ahead (default planned)")
        LocalDate surveillance1Date,
        @Schema(description = "ISO 27001 existing: the day surveillance audit 1 was held, when it already was", example = "2025-05-20")
        LocalDate surveillance1HeldOn,
        @Schema(description = "ISO 27001 existing: the day surveillance audit 2 was held, when it already was")
        LocalDate surveillance2HeldOn,
        @Schema(description = "SOC 2 Type II: first day of the period of the last report already issued (before tracking)",
                example = "2025-01-01")
        LocalDate lastReportPeriodStart,
        @Schema(description = "SOC 2 Type II: last day of the period of the last report already issued", example = "2025-12-31")
        LocalDate lastReportPeriodEnd,
        @Schema(description = "SOC 2 Type II: the day the last report was issued", example = "2026-02-20")
        LocalDate lastReportIssuedOn) {

    /** An existing certificate with the real dates of the surveillance audits already held (null: not given). */
    public static LifecycleRequest isoExisting(LocalDate decision, LocalDate surveillance1HeldOn, LocalDate surveillance2HeldOn) {
        return new LifecycleRequest(null, null, null, null, null, null, null, null, null, IsoStart.EXISTING, null, null,
                decision, null, surveillance1HeldOn, surveillance2HeldOn, null, null, null);
    }

    /** How an ISO/IEC 27001 lifecycle begins. */
    public enum IsoStart {
        INITIAL, EXISTING
    }

    public static LifecycleRequest typeOne(LocalDate asOfDate) {
        return new LifecycleRequest(null, false, asOfDate, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static LifecycleRequest typeTwo(LocalDate windowStart, int months, boolean renewal) {
        return new LifecycleRequest(null, false, null, windowStart, months, null, null, null, renewal, null, null, null,
                null, null, null, null, null, null, null);
    }

    public static LifecycleRequest isoInitial(LocalDate stage1, LocalDate stage2) {
        return new LifecycleRequest(null, null, null, null, null, null, null, null, null, IsoStart.INITIAL, stage1, stage2,
                null, null, null, null, null, null, null);
    }

    public static LifecycleRequest isoExisting(LocalDate decision) {
        return new LifecycleRequest(null, null, null, null, null, null, null, null, null, IsoStart.EXISTING, null, null,
                decision, null, null, null, null, null, null);
    }
}
