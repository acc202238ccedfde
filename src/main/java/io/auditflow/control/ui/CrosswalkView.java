package io.auditflow.control.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.control.Catalogues;
import io.auditflow.control.Crosswalk;
import io.auditflow.control.CrosswalkWords;
import io.auditflow.ui.Format;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/** Browses our own crosswalk between SOC 2 and ISO/IEC 27001:2022, in either direction. */
@Route("crosswalk")
@PageTitle("Crosswalk")
@Menu(order = 28, icon = "vaadin:exchange", title = "Crosswalk")
@PermitAll
class CrosswalkView extends VerticalLayout {

    final Select<String> direction = new Select<>();
    final TextField search = new TextField();
    final Grid<Crosswalk.Mapping> grid = new Grid<>();
    final Grid<Crosswalk.Unmapped> unmapped = new Grid<>();
    private final Catalogues catalogues;

    CrosswalkView(Catalogues catalogues) {
        this.catalogues = catalogues;
        // The page scrolls as a whole: with a full-height page the mapping grid shared the height with the
        // "not mapped" list (all rows visible) and was squeezed to one row (walk of 2026-12-01).
        setWidthFull();
        addClassName("crosswalk-page");
        direction.setLabel(Format.text("crosswalk.direction"));
        direction.setItems("SOC2>ISO27001", "ISO27001>SOC2");
        direction.setItemLabelGenerator(d -> d.equals("SOC2>ISO27001") ? Format.text("crosswalk.socToIso") : Format.text("crosswalk.isoToSoc"));
        direction.setValue("SOC2>ISO27001");
        direction.addValueChangeListener(e -> refresh());
        search.setPlaceholder(Format.text("crosswalk.filter"));
        search.setAriaLabel(Format.text("crosswalk.filter"));
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        search.setId("crosswalk-search");
        // wide enough for the longest direction and the whole placeholder
        direction.setWidth("16em");
        search.setWidth("18em");
        direction.setMaxWidth("100%");
        search.setMaxWidth("100%");
        grid.setId("crosswalk-grid");
        grid.addColumn(m -> m.from() + " " + title(from(), m.from())).setHeader(Format.text("crosswalk.column.from")).setFlexGrow(3).setKey("from");
        grid.addComponentColumn(m -> Badges.of(Format.label(m.relationship()),
                        m.relationship() == Crosswalk.Relationship.EQUIVALENT ? "success" : null))
                .setHeader(Format.text("crosswalk.column.relationship")).setAutoWidth(true).setFlexGrow(0).setKey("relationship");
        grid.addColumn(m -> m.to() + " " + title(to(), m.to())).setHeader(Format.text("crosswalk.column.to")).setFlexGrow(3).setKey("to");
        grid.addColumn(this::rationale).setHeader(Format.text("crosswalk.column.why")).setFlexGrow(4).setKey("why");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setWidthFull();
        grid.setHeight("70vh");
        grid.setMinHeight("20rem");
        unmapped.addColumn(u -> u.framework() + " " + u.id()).setHeader(Format.text("crosswalk.column.unmapped")).setAutoWidth(true);
        unmapped.addColumn(u -> CrosswalkWords.reason(u, Format.locale())).setHeader(Format.text("crosswalk.column.reason")).setFlexGrow(3).setKey("reason");
        unmapped.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        unmapped.setAllRowsVisible(true);
        Crosswalk w = catalogues.crosswalk("SOC2", "ISO27001");
        Paragraph note = new Paragraph(Format.text("crosswalk.note", CrosswalkWords.note(w, Format.locale()), w.version()));
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        HorizontalLayout head = new HorizontalLayout(direction, search);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);
        add(new H2(Format.text("crosswalk.heading")), note, head, grid, new H3(Format.text("crosswalk.notMapped")), unmapped);
        refresh();
    }

    private String from() {
        return direction.getValue().split(">")[0];
    }

    private String to() {
        return direction.getValue().split(">")[1];
    }

    private String title(String framework, String id) {
        return catalogues.find(framework).flatMap(c -> c.find(id)).map(r -> io.auditflow.control.RequirementWords.title(framework, r, Format.locale())).orElse("");
    }

    private String rationale(Crosswalk.Mapping m) {
        return CrosswalkWords.rationale(from(), to(), m, Format.locale());
    }

    void refresh() {
        Crosswalk w = catalogues.crosswalk(from(), to());
        String q = search.getValue() == null ? "" : search.getValue().trim().toLowerCase(Locale.ROOT);
        grid.setItems(w.mappings().stream().filter(m -> q.isEmpty() || (m.from() + " " + title(from(), m.from()) + " " + m.to() + " "
                + title(to(), m.to()) + " " + rationale(m)).toLowerCase(Locale.ROOT).contains(q)).toList());
        unmapped.setItems(w.unmapped());
    }
}
