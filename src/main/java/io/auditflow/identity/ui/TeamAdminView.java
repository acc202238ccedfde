package io.auditflow.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.ValidationException;
import io.auditflow.identity.TeamSummary;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.security.Roles;
import io.auditflow.ui.FieldErrors;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/** Admins create teams and name their managers; members are set on the users page. */
@Route("admin/teams")
@PageTitle("Teams")
@Menu(order = 91, icon = "vaadin:group", title = "Teams")
@RolesAllowed(Roles.ADMIN)
class TeamAdminView extends VerticalLayout {

    final Grid<TeamSummary> grid = new Grid<>(TeamSummary.class, false);
    private final UserService users;

    TeamAdminView(UserService users) {
        this.users = users;
        setSizeFull();
        Button create = new Button(Format.text("teams.new"), new Icon(VaadinIcon.PLUS), e -> edit(null));
        create.setId("new-team");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(TeamSummary::name).setHeader(Format.text("teams.column.team")).setAutoWidth(true).setKey("team");
        grid.addColumn(TeamSummary::code).setHeader(Format.text("teams.column.code")).setAutoWidth(true).setKey("code");
        grid.addColumn(TeamSummary::manager).setHeader(Format.text("teams.manager")).setAutoWidth(true).setKey("manager");
        grid.addColumn(t -> String.join(", ", t.members())).setHeader(Format.text("teams.column.members")).setKey("members");
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setSizeFull();
        add(create, grid);
        refresh();
    }

    private void edit(TeamSummary existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? Format.text("teams.new") : Format.text("teams.edit", existing.name()));
        TextField code = new TextField(Format.text("teams.code"));
        TextField name = new TextField(Format.text("teams.name"));
        ComboBox<UserSummary> manager = new ComboBox<>(Format.text("teams.manager"));
        manager.setItems(users.listUsers());
        manager.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        if (existing != null) {
            code.setValue(existing.code());
            code.setReadOnly(true);
            name.setValue(existing.name());
            manager.getListDataView().getItems().filter(u -> u.username().equals(existing.manager())).findFirst()
                    .ifPresent(manager::setValue);
        }
        Button save = new Button(Format.text("common.save"), e -> {
            try {
                users.saveTeam(code.getValue(), name.getValue(),
                        manager.getValue() == null ? null : manager.getValue().username());
                Notifications.success(Format.text("teams.saved", name.getValue()));
                dialog.close();
                refresh();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("code", code, "name", name, "manager", manager));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(code, name, manager));
        dialog.getFooter().add(new Button(Format.text("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    void refresh() {
        grid.setItems(users.listTeams());
    }
}
