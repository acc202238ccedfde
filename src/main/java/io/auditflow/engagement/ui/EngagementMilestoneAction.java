package io.auditflow.engagement.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
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
    public Component create(Program program, Milestone m) {
        if (!CurrentUser.canManage() || program.archived()
                || EngagementOffers.audit(program.framework(), m.getType().name()).isEmpty()) {
            return null;
        }
        return engagements.forAudit(program.id(), m.getType(), m.getCycle())
                .map(e -> {
                    Anchor open = new Anchor("engagements/" + e.id(), e.name().length() > 40
                            ? e.name().substring(0, 39) + "…" : e.name());
                    open.setTitle(e.name());
                    open.addClassName("milestone-engagement");
                    return (Component) open;
                })
                .orElseGet(() -> {
                    Anchor create = new Anchor(EngagementOffers.createLink(program.id(), m.getType(), m.getCycle()).substring(1),
                            io.auditflow.ui.Format.text("program.createEngagement"));
                    create.addClassName("milestone-create-engagement");
                    create.setId("create-engagement-" + m.getType().name() + "-" + m.getCycle());
                    return create;
                });
    }
}
