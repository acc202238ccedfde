package io.auditflow.engagement.ui;

import io.auditflow.engagement.EngagementOffers;
import io.auditflow.engagement.EngagementService;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.ui.MilestoneAction;
import io.auditflow.program.Program;
import io.auditflow.security.CurrentUser;

/**
 * On the program page, each audit milestone row links to its engagement, or (for managers) offers
 * "Create engagement" with program and audit filled in when there is none yet.
 */
@org.springframework.stereotype.Component
class EngagementMilestoneAction implements MilestoneAction {

    private final EngagementService engagements;

    EngagementMilestoneAction(EngagementService engagements) {
        this.engagements = engagements;
    }

    @Override
    public Link link(Program program, Milestone m) {
        if (!CurrentUser.canManage() || program.archived()
                || EngagementOffers.audit(program.framework(), m.getType().name()).isEmpty()) {
            return null;
        }
        String key = m.getType().name() + "-" + m.getCycle();
        return engagements.forAudit(program.id(), m.getType(), m.getCycle())
                .map(e -> new Link("engagement-" + key, "engagements/" + e.id(),
                        e.name().length() > 40 ? e.name().substring(0, 39) + "…" : e.name(), e.name(), "milestone-engagement"))
                .orElseGet(() -> {
                    String text = io.auditflow.ui.Format.text("program.createEngagement");
                    return new Link("create-engagement-" + key,
                            EngagementOffers.createLink(program.id(), m.getType(), m.getCycle()).substring(1), text, text,
                            "milestone-create-engagement");
                });
    }
}
