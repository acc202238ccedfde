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
import io.auditflow.ui.Format;
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
        pairs.addColumn(JointPlanning.Pair::soc2Name).setHeader(Format.label(io.auditflow.program.Framework.SOC2_TYPE2)).setFlexGrow(2);
        pairs.addColumn(JointPlanning.Pair::isoName).setHeader("ISO/IEC 27001").setFlexGrow(2);
        pairs.addColumn(p -> p.linked() ? Format.text("joint.linked") : Format.text("joint.sameTeam"))
                .setHeader(Format.text("joint.column.scope")).setAutoWidth(true);
        if (manage) {
            pairs.addComponentColumn(p -> new Button(Format.text("joint.propose"), e -> act(() -> joint.propose(p.soc2ProgramId(), p.isoProgramId()),
                    Format.text("joint.proposed")))).setHeader("").setAutoWidth(true);
        }
        pairs.setAllRowsVisible(true);
        pairs.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        pairs.setEmptyStateText(Format.text("joint.noPairs"));
        proposals.setId("joint-proposals");
        proposals.addColumn(p -> p.soc2Name() + " + " + p.isoName()).setHeader(Format.text("joint.column.programs")).setFlexGrow(3);
        proposals.addColumn(p -> Format.label(p.isoMilestone()) + " " + Format.date(p.isoAuditDate()))
                .setHeader(Format.text("joint.column.isoAudit")).setAutoWidth(true);
        proposals.addColumn(p -> Format.date(p.currentFieldwork()) + " → " + Format.date(p.proposedFieldwork()))
                .setHeader(Format.text("joint.column.fieldwork")).setAutoWidth(true);
        proposals.addComponentColumn(p -> {
            if (p.status() != JointPlanning.Status.PROPOSED || !manage) {
                return Badges.of(Format.label(p.status()), p.status() == JointPlanning.Status.ACCEPTED ? "success" : "contrast");
            }
            Button accept = new Button(Format.text("joint.accept"), e -> act(() -> joint.accept(p.id()),
                    Format.text("joint.accepted", Format.date(p.proposedFieldwork()))));
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            Button decline = new Button(Format.text("joint.decline"), e -> act(() -> joint.decline(p.id()), Format.text("joint.declined")));
            decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return new HorizontalLayout(accept, decline);
        }).setHeader(Format.text("joint.column.decision")).setAutoWidth(true);
        proposals.setAllRowsVisible(true);
        proposals.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        proposals.setEmptyStateText(Format.text("joint.noProposals"));
        Paragraph note = new Paragraph(Format.text("joint.note"));
        note.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2(Format.text("joint.heading")), note, new H3(Format.text("joint.pairs")), pairs,
                new H3(Format.text("joint.proposals")), proposals);
        refresh();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notifications.success(done);
        } catch (ValidationException | ConflictException | NotFoundException ex) {
            Notifications.error(Format.service(ex.getMessage()));
        }
        refresh();
    }

    void refresh() {
        pairs.setItems(joint.pairs());
        proposals.setItems(joint.list());
    }
}
