package io.auditflow.lifecycle;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every offset the audit calendar uses, under {@code auditflow.lifecycle.*}. Practitioners and
 * certification bodies differ, so these are settings with the defaults of docs/domain, never
 * constants inside a delegate. Days are calendar days.
 */
@Validated
@ConfigurationProperties(prefix = "auditflow.lifecycle")
public record LifecycleProperties(
        /** Preparation tasks this many days before FIELDWORK_START (SOC 2). */
        List<Integer> fieldworkCountdownDays,
        /** Scoping and engagement letter are due this many days after the lifecycle starts. */
        @PositiveOrZero Integer scopingDays,
        /** The optional readiness assessment is due this many days after scoping. */
        @PositiveOrZero Integer readinessDays,
        /** Default observation window length in months (allowed 3 to 12). */
        @Min(3) @Max(12) Integer defaultWindowMonths,
        /** Fieldwork starts this many days after the observation window ends (Type II) or the as-of date (Type I). */
        @PositiveOrZero Integer fieldworkOffsetDays,
        /** Length of fieldwork in days. */
        @Positive Integer fieldworkDays,
        /** The report is due this many days after fieldwork ends. */
        @Positive Integer reportDays,
        /** The auditor for the next year is engaged this many days before the window closes. */
        @PositiveOrZero Integer engageAuditorDaysBeforeWindowEnd,
        /** A report counts as current this many months after its period ends. */
        @Min(1) @Max(24) Integer reportStaleMonths,
        /** ISO: Stage 2 follows Stage 1 after this many days when not given. */
        @Positive Integer stage2AfterStage1Days,
        /** ISO: the certification decision is expected this many days after Stage 2. */
        @PositiveOrZero Integer decisionAfterStage2Days,
        /** ISO: surveillance audit 1 is planned this many months after the decision. */
        @Min(1) @Max(12) Integer surveillance1PlanMonths,
        /** ISO: surveillance audit 1 must happen no later than this many months after the decision. */
        @Min(1) @Max(12) Integer surveillance1DeadlineMonths,
        /** ISO: the recertification audit is planned around this month of the certificate. */
        @Min(24) @Max(35) Integer recertificationMonth,
        /** ISO: certificate validity in years. */
        @Min(1) @Max(3) Integer certificateYears,
        /** ISO: a lapsed certificate can be restored within this many months after expiry. */
        @Min(0) @Max(6) Integer restoreMonths,
        /** ISO: an external audit not done this many days before its deadline puts the certificate at risk. */
        @Positive Integer atRiskDays,
        /** ISO: the internal audit is due this many days before each external audit. */
        @PositiveOrZero Integer internalAuditDaysBefore,
        /** ISO: the management review is due this many days before each external audit. */
        @PositiveOrZero Integer managementReviewDaysBefore,
        /** Corrective actions: deadlines per finding kind. */
        Findings findings) {

    public LifecycleProperties {
        fieldworkCountdownDays = fieldworkCountdownDays == null || fieldworkCountdownDays.isEmpty()
                ? List.of(90, 60, 30, 7) : List.copyOf(fieldworkCountdownDays);
        scopingDays = orDefault(scopingDays, 14);
        readinessDays = orDefault(readinessDays, 42);
        defaultWindowMonths = orDefault(defaultWindowMonths, 12);
        fieldworkOffsetDays = orDefault(fieldworkOffsetDays, 14);
        fieldworkDays = orDefault(fieldworkDays, 35);
        reportDays = orDefault(reportDays, 45);
        engageAuditorDaysBeforeWindowEnd = orDefault(engageAuditorDaysBeforeWindowEnd, 120);
        reportStaleMonths = orDefault(reportStaleMonths, 12);
        stage2AfterStage1Days = orDefault(stage2AfterStage1Days, 42);
        decisionAfterStage2Days = orDefault(decisionAfterStage2Days, 30);
        surveillance1PlanMonths = orDefault(surveillance1PlanMonths, 11);
        surveillance1DeadlineMonths = orDefault(surveillance1DeadlineMonths, 12);
        recertificationMonth = orDefault(recertificationMonth, 33);
        certificateYears = orDefault(certificateYears, 3);
        restoreMonths = orDefault(restoreMonths, 6);
        atRiskDays = orDefault(atRiskDays, 30);
        internalAuditDaysBefore = orDefault(internalAuditDaysBefore, 35);
        managementReviewDaysBefore = orDefault(managementReviewDaysBefore, 14);
        findings = findings == null ? new Findings(null, null, null) : findings;
    }

    /** ISO/IEC 17021-1: surveillance 1 is planned no later than its deadline. */
    @AssertTrue(message = "surveillance1-plan-months must not be after surveillance1-deadline-months")
    public boolean isSurveillance1PlannedByItsDeadline() {
        return surveillance1PlanMonths <= surveillance1DeadlineMonths;
    }

    /** Preparation: the management review comes after the internal audit, both before the audit. */
    @AssertTrue(message = "management-review-days-before must not be more than internal-audit-days-before")
    public boolean isReviewAfterInternalAudit() {
        return managementReviewDaysBefore <= internalAuditDaysBefore;
    }

    /** The defaults, for code that runs without Spring (planner tests). */
    public static LifecycleProperties defaults() {
        return new LifecycleProperties(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /**
     * @param planDays           days to agree a corrective action plan, per finding kind (default 90)
     * @param implementationDays days to implement the plan after it is agreed (default 60)
     * @param checkDays          days for the effectiveness check after implementation (default 30)
     */
    public record Findings(Map<FindingKind, Integer> planDays, Integer implementationDays, Integer checkDays) {
        public Findings {
            Map<FindingKind, Integer> days = new EnumMap<>(FindingKind.class);
            for (FindingKind k : FindingKind.values()) {
                days.put(k, 90);
            }
            if (planDays != null) {
                days.putAll(planDays);
            }
            planDays = Map.copyOf(days);
            implementationDays = orDefault(implementationDays, 60);
            checkDays = orDefault(checkDays, 30);
        }

        public int planDaysFor(FindingKind kind) {
            return planDays.get(kind);
        }
    }
}
