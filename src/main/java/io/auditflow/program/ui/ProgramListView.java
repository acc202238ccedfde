package io.auditflow.program.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.identity.UserService;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every audit program; managers create and edit them here. */
@Route("programs")
@PageTitle("Programs")
@Menu(order = 20, icon = "vaadin:folder-open-o", title = "Programs")
@PermitAll
class ProgramListView extends VerticalLayout {

    final Grid<Program> grid = new Grid<>(Program.class, false);
    final TextField search = new TextField();
    final Checkbox showArchived = new Checkbox(Format.text("programs.showArchived"));
    final Button create = new Button(Format.text("programs.new"), new Icon(VaadinIcon.PLUS));

    private final ProgramService programs;
    private final UserService users;

    ProgramListView(ProgramService programs, UserService users) {
        this.programs = programs;
        this.users = users;
        setSizeFull();
        addClassName("program-list");

        search.setPlaceholder(Format.text("programs.search"));
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        showArchived.addValueChangeListener(e -> refresh());
        create.setId("new-program");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> open(null));
        create.setVisible(CurrentUser.canManage());

        grid.addColumn(Program::name).setHeader(Format.text("programs.column.program")).setAutoWidth(true).setFlexGrow(2).setSortable(true);
        grid.addComponentColumn(p -> ProgramDialog.badge(p.framework())).setHeader(Format.text("programs.column.framework")).setAutoWidth(true);
        // Criteria wrap rather than end in "Security, A…": two SOC 2 programs differ exactly there.
        grid.addColumn(ProgramListView::criteria).setHeader(Format.text("programs.column.criteria"))
                .setKey("criteria").setWidth("13rem").setFlexGrow(3).setTooltipGenerator(ProgramListView::criteria);
        grid.addColumn(Program::ownerName).setHeader(Format.text("programs.column.owner")).setAutoWidth(true);
        grid.addColumn(Program::teamName).setHeader(Format.text("programs.column.team")).setAutoWidth(true);
        grid.addColumn(p -> p.archived() ? Format.text("programs.archived") : Format.text("programs.active")).setHeader(Format.text("programs.column.status")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("programs/" + e.getItem().id())));
        grid.setSizeFull();

        HorizontalLayout toolbar = new HorizontalLayout(search, showArchived, create);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.expand(search);
        toolbar.addClassName("program-toolbar");
        add(toolbar, grid);
        refresh();
    }

    static String criteria(Program p) {
        return p.framework().isSoc2()
                ? p.criteria().stream().sorted().map(Format::label).collect(Collectors.joining(", "))
                : "ISO/IEC 27001:" + p.isoEdition();
    }

    void refresh() {
        String q = search.getValue() == null ? "" : search.getValue().trim().toLowerCase(Locale.ROOT);
        grid.setItems(programs.list(showArchived.getValue()).stream()
                .filter(p -> q.isEmpty() || contains(p.name(), q) || contains(p.ownerName(), q)
                        || contains(p.teamName(), q))
                .toList());
    }

    ProgramDialog open(Program existing) {
        ProgramDialog dialog = new ProgramDialog(programs, users, existing);
        dialog.addSavedListener(e -> {
            Notifications.success(Format.text("programs.saved", e.program().name()));
            refresh();
        });
        dialog.open();
        return dialog;
    }

    private static boolean contains(String value, String q) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(q);
    }
}
