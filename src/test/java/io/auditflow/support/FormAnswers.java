package io.auditflow.support;

import java.time.LocalDate;
import java.util.Map;

/** Plausible completion answers for each lifecycle task form, so tests can drive whole lifecycles. */
public final class FormAnswers {

    private FormAnswers() {
    }

    /** The answers a diligent team gives on {@code day}, or null for a form this class does not know. */
    public static Map<String, Object> plausible(String formKey, LocalDate day) {
        String today = day.toString();
        return switch (formKey == null ? "" : formKey) {
            case "auditflow:scoping" -> Map.of("engagementLetterSignedOn", today);
            case "auditflow:readiness" -> Map.of("completedOn", today, "gapsFound", "2");
            case "auditflow:preparation" -> Map.of("doneOn", today);
            case "auditflow:control-activity" -> Map.of("performedOn", today, "result", "OK");
            case "auditflow:access-review" -> Map.of("performedOn", today, "populationReviewed", "42", "result", "OK");
            case "auditflow:fieldwork" -> Map.of("fieldworkStartedOn", day.minusDays(34).toString(),
                    "fieldworkEndedOn", today, "exceptionCount", "0");
            case "auditflow:management-response" -> Map.of("responses", "Access was removed the same week.");
            case "auditflow:management-assertion" -> Map.of("assertionSignedOn", today);
            case "auditflow:report-issuance" -> Map.of("opinion", "UNQUALIFIED", "reportIssuedDate", today);
            case "auditflow:auditor-engagement" -> Map.of("engagementLetterSignedOn", today, "auditFirm", "Audit & Co");
            case "auditflow:coverage-gap" -> Map.of("explanation", "The auditor could not start earlier.");
            case "auditflow:bridge-letter" -> Map.of("bridgeLetterIssuedOn", today);
            case "auditflow:stage1-outcome" -> Map.of("auditHeldOn", today, "areasOfConcern", "1");
            case "auditflow:internal-audit" -> Map.of("internalAuditDate", today, "internalNonconformities", "0");
            case "auditflow:management-review" -> Map.of("reviewDate", today);
            case "auditflow:audit-outcome" -> Map.of("auditHeldOn", today, "majorNonconformities", "0",
                    "minorNonconformities", "0");
            case "auditflow:certification-decision" -> Map.of("decisionDate", today);
            case "auditflow:root-cause" -> Map.of("rootCause", "A missing review step.");
            case "auditflow:action-plan" -> Map.of("actionPlan", "Add the review step.",
                    "targetDate", day.plusDays(30).toString());
            case "auditflow:implementation" -> Map.of("implementedOn", today);
            case "auditflow:effectiveness-check" -> Map.of("checkedOn", today, "effective", "YES");
            default -> null;
        };
    }
}
