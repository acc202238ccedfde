package io.auditflow.engagement;

import io.auditflow.evidence.EvidenceReadGrant;
import io.auditflow.lifecycle.FormField;
import io.auditflow.lifecycle.TaskForms;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The answer form of request tasks and the evidence feature's read grant for auditors. */
@Configuration
class EngagementConfig {

    EngagementConfig(TaskForms forms) {
        forms.register(RequestService.FORM_KEY, List.of(
                new FormField("answer", "Answer to the auditor", FormField.Type.TEXT_AREA, true, List.of(),
                        "What you provide and where; attach or link the evidence before you submit")));
    }

    /** Auditors read exactly the evidence of requests in engagements they are active in. */
    @Bean
    EvidenceReadGrant engagementEvidenceGrant(@Lazy RequestService requests) {
        return new EvidenceReadGrant() {
            @Override
            public boolean mayRead(String username, long evidenceId) {
                return requests.auditorReadable(username, List.of(evidenceId)).contains(evidenceId);
            }

            @Override
            public Set<Long> readable(String username, Collection<Long> evidenceIds) {
                return requests.auditorReadable(username, evidenceIds);
            }
        };
    }
}
