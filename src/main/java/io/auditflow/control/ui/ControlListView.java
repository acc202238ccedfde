package io.auditflow.control.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.control.Catalogues;
import io.auditflow.control.Control;
import io.auditflow.control.ControlService;
import io.auditflow.identity.UserService;
import io.auditflow.security.CurrentUser;
import io.auditflow.ui.Format;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/** The organisation's controls: one set for every framework; managers add controls here. */
@Route("controls")
@PageTitle("Controls")
@Menu(order = 25, icon = "vaadin:shield", title = "Controls")
@PermitAll
class ControlListView extends VerticalLayout {

    final Grid<Control> grid = new Grid<>(Control.class, false);
    final TextField search = new TextField();
    final Checkbox showRetired = new Checkbox(Format.text("controlList.showRetired"));
    final Button create = new Button(Format.text("controlList.new"), new Icon(VaadinIcon.PLUS));
    private final ControlService controls;

    ControlListView(ControlService controls, Catalogues catalogues, UserService users) {
        this.controls = controls;
        setSizeFull();
        addClassName("control-list");
        search.setPlaceholder(Format.text("controlList.search"));
        search.setAriaLabel(Format.text("controlList.search"));
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        showRetired.addValueChangeListener(e -> refresh());
        create.setId("new-control");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(CurrentUser.canManage());
        create.addClickListener(e -> {
            ControlDialog dialog = new ControlDialog(controls, catalogues, users, null);
            dialog.addSavedListener(ev -> {
                refresh();
                getUI().ifPresent(ui -> ui.navigate("controls/" + ev.control().code()));
            });
            dialog.open();
        });

        grid.addColumn(c -> io.auditflow.control.ControlWords.name(c, Format.locale())).setHeader(Format.text("controlList.column.control")).setFlexGrow(3).setSortable(true).setKey("name");
        grid.addColumn(Control::ownerTeam).setHeader(Format.text("controlList.column.team")).setAutoWidth(true).setKey("team");
        grid.addColumn(c -> Badges.frequency(c.frequencyMonths())).setHeader(Format.text("controlList.column.frequency")).setAutoWidth(true).setKey("frequency");
        grid.addColumn(c -> String.join(", ", c.requirementsOf("SOC2"))).setHeader("SOC 2").setFlexGrow(2).setKey("soc2");
        grid.addColumn(c -> String.join(", ", c.requirementsOf("ISO27001"))).setHeader("ISO 27001").setFlexGrow(2).setKey("iso");
        grid.addComponentColumn(c -> c.active() ? Badges.of(Format.text("controlList.active"), "success")
                        : Badges.of(Format.text("controlList.retired"), "contrast"))
                .setHeader(Format.text("controlList.column.status")).setAutoWidth(true).setKey("status");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("controls/" + e.getItem().code())));
        grid.setSizeFull();
        grid.setEmptyStateText(Format.text("controlList.empty"));

        HorizontalLayout toolbar = new HorizontalLayout(search, showRetired, create);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.setWrap(true);
        toolbar.expand(search);
        add(new H2(Format.text("controlList.heading")), toolbar, grid);
        refresh();
    }

    void refresh() {
        String q = search.getValue() == null ? "" : search.getValue().trim().toLowerCase(Locale.ROOT);
        grid.setItems(controls.list(showRetired.getValue()).stream().filter(c -> q.isEmpty()
                || (c.name() + " " + c.code() + " " + c.ownerTeam() + " " + c.requirements()).toLowerCase(Locale.ROOT).contains(q)).toList());
    }
}
