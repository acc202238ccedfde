package io.auditflow.control.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.ValidationException;
import io.auditflow.control.JointPlanning;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

/** Coordinated audits: SOC 2 and ISO programs over one scope, and proposals to hold their audits in the same weeks. */
@Route("joint-audits")
@PageTitle("Joint audits")
@Menu(order = 29, icon = "vaadin:calendar-clock", title = "Joint audits")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE_MANAGER, Roles.COMPLIANCE_MEMBER, Roles.EXECUTIVE})
class JointAuditsView extends VerticalLayout {

    final Grid<JointPlanning.Pair> pairs = new Grid<>();
    final Grid<JointPlanning.Proposal> proposals = new Grid<>();
    private final JointPlanning joint;

    JointAuditsView(JointPlanning joint) {
        this.joint = joint;
        setWidthFull();
        addClassName("joint-audits-page");
        boolean manage = CurrentUser.canManage();
        pairs.addColumn(JointPlanning.Pair::soc2Name).setHeader("SOC 2 Type II").setFlexGrow(2);
        pairs.addColumn(JointPlanning.Pair::isoName).setHeader("ISO/IEC 27001").setFlexGrow(2);
        pairs.addColumn(p -> p.linked() ? "Linked by a manager" : "Same team").setHeader("Shared scope").setAutoWidth(true);
        if (manage) {
            pairs.addComponentColumn(p -> new Button("Propose dates", e -> act(() -> joint.propose(p.soc2ProgramId(), p.isoProgramId()),
                    "Proposal ready below"))).setHeader("").setAutoWidth(true);
        }
        pairs.setAllRowsVisible(true);
        pairs.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        pairs.setEmptyStateText("No SOC 2 Type II and ISO programs share a team or a link.");
        proposals.setId("joint-proposals");
        proposals.addColumn(p -> p.soc2Name() + " + " + p.isoName()).setHeader("Programs").setFlexGrow(3);
        proposals.addColumn(p -> io.auditflow.ui.Format.label(p.isoMilestone()) + " " + io.auditflow.ui.Format.date(p.isoAuditDate())).setHeader("ISO audit").setAutoWidth(true);
        proposals.addColumn(p -> p.currentFieldwork() + " → " + p.proposedFieldwork()).setHeader("SOC 2 fieldwork").setAutoWidth(true);
        proposals.addComponentColumn(p -> {
            if (p.status() != JointPlanning.Status.PROPOSED || !manage) {
                return Badges.of(p.status().name().toLowerCase(java.util.Locale.ROOT), p.status() == JointPlanning.Status.ACCEPTED ? "success" : "contrast");
            }
            Button accept = new Button("Accept", e -> act(() -> joint.accept(p.id()), "Fieldwork moved to " + p.proposedFieldwork()));
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            Button decline = new Button("Decline", e -> act(() -> joint.decline(p.id()), "Declined"));
            decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return new HorizontalLayout(accept, decline);
        }).setHeader("Decision").setAutoWidth(true);
        proposals.setAllRowsVisible(true);
        proposals.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        proposals.setEmptyStateText("No proposals yet.");
        Paragraph note = new Paragraph("A proposal puts SOC 2 fieldwork in the week of the nearest ISO surveillance or "
                + "recertification audit, so one audit firm does both and one body of evidence serves both periods. "
                + "Accepting moves the fieldwork through the lifecycle's own checks.");
        note.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2("Joint audits"), note, new H3("Programs over the same scope"), pairs, new H3("Proposals"), proposals);
        refresh();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notifications.success(done);
        } catch (ValidationException | ConflictException | NotFoundException ex) {
            Notifications.error(ex.getMessage());
        }
        refresh();
    }

    void refresh() {
        pairs.setItems(joint.pairs());
        proposals.setItems(joint.list());
    }
}
