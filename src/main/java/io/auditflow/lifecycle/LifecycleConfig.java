package io.auditflow.lifecycle;

import io.auditflow.lifecycle.FormField.Choice;
import io.auditflow.lifecycle.FormField.Type;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The planner with the configured offsets, and the completion forms of every lifecycle user task. */
@Configuration(proxyBeanMethods = false)
class LifecycleConfig {

    @Bean
    Planner planner(LifecycleProperties properties) {
        return new Planner(properties);
    }

    @Bean
    LifecycleForms lifecycleForms(TaskForms forms) {
        return new LifecycleForms(forms);
    }

    /** Registers the forms at start-up, so the inbox can render and validate them. */
    static final class LifecycleForms {

        LifecycleForms(TaskForms forms) {
            List<Choice> okOrExceptions = List.of(new Choice("OK", "Done, no exceptions"), new Choice("EXCEPTIONS", "Exceptions found"));
            List<Choice> yesNo = List.of(new Choice("YES", "Yes"), new Choice("NO", "No"));
            forms.register("auditflow:scoping", List.of(
                    date("engagementLetterSignedOn", "Engagement letter signed on", true),
                    area("notes", "Scope notes", false)));
            forms.register("auditflow:readiness", List.of(
                    date("completedOn", "Completed on", true),
                    integer("gapsFound", "Gaps found", true)));
            forms.register("auditflow:preparation", List.of(
                    date("doneOn", "Done on", true),
                    area("notes", "Notes", false)));
            forms.register("auditflow:control-activity", List.of(
                    date("performedOn", "Performed on", true),
                    choice("result", "Result", okOrExceptions),
                    area("notes", "Notes", false)));
            forms.register("auditflow:access-review", List.of(
                    date("performedOn", "Performed on", true),
                    integer("populationReviewed", "Accounts reviewed", true),
                    choice("result", "Result", okOrExceptions),
                    area("notes", "Notes", false)));
            forms.register("auditflow:fieldwork", List.of(
                    date("fieldworkStartedOn", "Fieldwork started on", true),
                    date("fieldworkEndedOn", "Fieldwork ended on", true),
                    integer("exceptionCount", "Number of exceptions", true)));
            forms.register("auditflow:management-response", List.of(
                    area("responses", "Management responses", true)));
            forms.register("auditflow:management-assertion", List.of(
                    date("assertionSignedOn", "Assertion signed on", true)));
            forms.register("auditflow:report-issuance", List.of(
                    new FormField("opinion", "Opinion", Type.CHOICE, true, List.of(
                            new Choice("UNQUALIFIED", "Unqualified"), new Choice("QUALIFIED", "Qualified"),
                            new Choice("ADVERSE", "Adverse"), new Choice("DISCLAIMER", "Disclaimer")), null),
                    date("reportIssuedDate", "Report issued on", true)));
            forms.register("auditflow:auditor-engagement", List.of(
                    date("engagementLetterSignedOn", "Engagement letter signed on", true),
                    FormField.text("auditFirm", "Audit firm", false)));
            forms.register("auditflow:coverage-gap", List.of(
                    area("explanation", "Why the windows do not meet, and what customers are told", true)));
            forms.register("auditflow:bridge-letter", List.of(
                    date("bridgeLetterIssuedOn", "Bridge letter issued on", true),
                    area("materialChanges", "Material changes since the last period", false)));
            forms.register("auditflow:stage1-outcome", List.of(
                    date("auditHeldOn", "Audit held on", true),
                    integer("areasOfConcern", "Areas of concern for Stage 2", true),
                    area("notes", "Notes", false)));
            forms.register("auditflow:internal-audit", List.of(
                    date("internalAuditDate", "Internal audit completed on", true),
                    integer("internalNonconformities", "Nonconformities found", true)));
            forms.register("auditflow:management-review", List.of(
                    date("reviewDate", "Management review held on", true),
                    area("notes", "Decisions and actions", false)));
            forms.register("auditflow:audit-outcome", List.of(
                    date("auditHeldOn", "Audit held on", true),
                    integer("majorNonconformities", "Major nonconformities", true),
                    integer("minorNonconformities", "Minor nonconformities", true),
                    integer("observations", "Observations", false)));
            forms.register("auditflow:certification-decision", List.of(
                    date("decisionDate", "Decision date", true)));
            forms.register("auditflow:root-cause", List.of(
                    area("rootCause", "Root cause", true)));
            forms.register("auditflow:action-plan", List.of(
                    area("actionPlan", "Corrective action plan", true),
                    planned("targetDate", "Implemented by", true)));
            forms.register("auditflow:implementation", List.of(
                    date("implementedOn", "Implemented on", true),
                    area("evidence", "Evidence", false)));
            forms.register("auditflow:effectiveness-check", List.of(
                    date("checkedOn", "Checked on", true),
                    new FormField("effective", "Effective?", Type.CHOICE, true, yesNo, null)));
        }

        /** The day something happened: never in the future. */
        private static FormField date(String name, String label, boolean required) {
            return new FormField(name, label, Type.PAST_DATE, required, List.of(), null);
        }

        /** A day still ahead (a plan's target). */
        private static FormField planned(String name, String label, boolean required) {
            return new FormField(name, label, Type.DATE, required, List.of(), null);
        }

        private static FormField integer(String name, String label, boolean required) {
            return new FormField(name, label, Type.INTEGER, required, List.of(), null);
        }

        private static FormField area(String name, String label, boolean required) {
            return new FormField(name, label, Type.TEXT_AREA, required, List.of(), null);
        }

        private static FormField choice(String name, String label, List<Choice> choices) {
            return new FormField(name, label, Type.CHOICE, true, choices, null);
        }
    }
}
