package io.auditflow.control.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.control.Catalogues;
import io.auditflow.control.ControlService;
import io.auditflow.control.Coverage;
import io.auditflow.control.SoaService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Roles;
import io.auditflow.ui.Format;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Coverage of a framework or of one program: every requirement with the controls behind it; gaps first to the eye. */
@Route("coverage")
@PageTitle("Coverage")
@Menu(order = 26, icon = "vaadin:grid-small", title = "Coverage")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE_MANAGER, Roles.COMPLIANCE_MEMBER, Roles.EXECUTIVE})
class CoverageView extends VerticalLayout {

    /** A framework catalogue or a program, as one choice. */
    record Scope(String label, String framework, Program program) {
    }

    final Select<Scope> scope = new Select<>();
    final Checkbox gapsOnly = new Checkbox(Format.text("coverage.gapsOnly"));
    final Span summary = new Span();
    final Grid<Coverage.Row> grid = new Grid<>();
    private final ControlService controls;
    private final SoaService soa;

    CoverageView(ControlService controls, SoaService soa, Catalogues catalogues, ProgramService programs) {
        this.controls = controls;
        this.soa = soa;
        setSizeFull();
        addClassName("coverage-page");
        List<Scope> scopes = new ArrayList<>();
        catalogues.all().forEach(c -> scopes.add(new Scope(c.name() + " " + c.version(), c.code(), null)));
        programs.list(false).stream().filter(p -> p.framework() != null)
                .forEach(p -> scopes.add(new Scope(Format.text("coverage.program", p.name()), null, p)));
        scope.setLabel(Format.text("coverage.of"));
        scope.setItems(scopes);
        scope.setItemLabelGenerator(Scope::label);
        scope.setId("coverage-scope");
        scope.setWidth("min(30em, 100%)");
        scope.addValueChangeListener(e -> refresh());
        gapsOnly.setId("coverage-gaps-only");
        gapsOnly.addValueChangeListener(e -> refresh());
        summary.setId("coverage-summary");
        grid.addColumn(r -> r.requirement().id()).setHeader(Format.text("coverage.column.id")).setAutoWidth(true).setFlexGrow(0).setKey("id");
        grid.addColumn(r -> io.auditflow.control.RequirementWords.title(catalogueCode(), r.requirement(), Format.locale())).setHeader(Format.text("coverage.column.requirement")).setFlexGrow(3).setKey("title");
        grid.addComponentColumn(r -> {
            if (r.gap()) {
                return Badges.of(Format.text("coverage.gap"), "error");
            }
            Div links = new Div();
            r.controls().forEach(c -> {
                // The control's name for readers; its code (what auditors cite) as the tooltip.
                Anchor a = new Anchor("controls/" + c, controlNames.getOrDefault(c, c));
                a.setTitle(c);
                a.getStyle().set("margin-right", "var(--lumo-space-s)");
                links.add(a);
            });
            return links;
        }).setHeader(Format.text("coverage.column.controls")).setFlexGrow(3).setKey("controls");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        HorizontalLayout head = new HorizontalLayout(scope, gapsOnly, summary);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);
        add(new H2(Format.text("coverage.title")), head, grid);
        scope.setValue(scopes.get(0));
    }

    private java.util.Map<String, String> controlNames = java.util.Map.of();

    /** The catalogue the chosen scope reads, for the titles' bundle keys. */
    private String catalogueCode() {
        Scope s = scope.getValue();
        if (s == null) {
            return "";
        }
        return s.program() == null ? s.framework() : ControlService.catalogueCode(s.program().framework());
    }

    void refresh() {
        controlNames = controls.list(true).stream().collect(java.util.stream.Collectors.toMap(
                io.auditflow.control.Control::code, c -> io.auditflow.control.ControlWords.name(c, Format.locale()), (a, b) -> a));
        Scope s = scope.getValue();
        if (s == null) {
            return;
        }
        Coverage c;
        if (s.program() == null) {
            c = controls.coverage(s.framework());
        } else {
            Set<String> excluded = s.program().framework() == Framework.ISO27001 ? soa.notApplicable(s.program().id()) : Set.of();
            c = controls.programCoverage(s.program().id(), excluded);
        }
        summary.setText(Format.text("coverage.summary", c.covered(), c.total(), c.total() - c.covered()));
        grid.setItems(c.rows().stream().filter(r -> !gapsOnly.getValue() || r.gap()).toList());
    }
}
