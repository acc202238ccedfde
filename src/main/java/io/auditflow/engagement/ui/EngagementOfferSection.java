package io.auditflow.engagement.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import io.auditflow.engagement.EngagementOffers;
import io.auditflow.inbox.InboxTask;
import io.auditflow.inbox.TaskDetails;
import io.auditflow.inbox.ui.TaskPageSection;
import io.auditflow.security.CurrentUser;
import java.util.Optional;

/**
 * "Create the engagement" on the page of a task that engages the auditor (its BPMN carries
 * {@code offersEngagement}), for managers, while the program has no engagement for that audit.
 */
@org.springframework.stereotype.Component
class EngagementOfferSection implements TaskPageSection {

    private final EngagementOffers offers;

    EngagementOfferSection(EngagementOffers offers) {
        this.offers = offers;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Component create(TaskDetails details) {
        Div box = new Div();
        box.setId("engagement-offer");
        InboxTask task = details.task();
        Optional<EngagementOffers.Offer> offer = CurrentUser.canManage()
                ? offers.forTask(task.id(), task.programId(), task.cycle(), task.open()) : Optional.empty();
        if (offer.isEmpty()) {
            box.setVisible(false);
            return box;
        }
        EngagementOffers.Offer o = offer.get();
        String audit = box.getTranslation("engagementOffer.audit", o.type() == io.auditflow.lifecycle.MilestoneType.OBSERVATION_END
                ? box.getTranslation("engagementOffer.window") : io.auditflow.ui.Format.label(o.type()), String.valueOf(o.cycle()));
        com.vaadin.flow.component.button.Button button = new com.vaadin.flow.component.button.Button(
                box.getTranslation("engagement.offer.create"));
        button.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        Anchor create = new Anchor(o.link().substring(1), button);
        create.setId("create-engagement-from-task");
        box.add(new H3(box.getTranslation("engagement.offer.title")),
                new Paragraph(box.getTranslation("engagement.offer.hint", audit)), create);
        return box;
    }
}
