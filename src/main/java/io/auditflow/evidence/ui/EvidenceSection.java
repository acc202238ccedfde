package io.auditflow.evidence.ui;

import io.auditflow.evidence.EvidenceService;
import io.auditflow.inbox.TaskDetails;
import io.auditflow.inbox.ui.TaskPageSection;
import java.time.Clock;

/** Puts the evidence panel on every task page. */
@org.springframework.stereotype.Component
class EvidenceSection implements TaskPageSection {

    private final EvidenceService evidence;
    private final Clock clock;

    EvidenceSection(EvidenceService evidence, Clock clock) {
        this.evidence = evidence;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public com.vaadin.flow.component.Component create(TaskDetails details) {
        return new EvidencePanel(evidence, details, clock);
    }
}
