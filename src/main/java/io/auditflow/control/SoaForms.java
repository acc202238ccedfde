package io.auditflow.control;

import io.auditflow.lifecycle.FormField;
import io.auditflow.lifecycle.TaskForms;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Registers the approval task's form, so the inbox can show it. The decision itself is made on the
 * SoA page; a completion from elsewhere by someone who is not a manager returns the version to draft.
 */
@Component
class SoaForms {

    SoaForms(TaskForms forms) {
        forms.register("auditflow:soa-approval", List.of(
                new FormField("soaDecision", "Decision", FormField.Type.CHOICE, true, List.of(
                        new FormField.Choice("APPROVED", "Approve"), new FormField.Choice("REJECTED", "Return to draft")), null),
                new FormField("decisionNote", "Note", FormField.Type.TEXT_AREA, false, List.of(), null)));
    }
}
