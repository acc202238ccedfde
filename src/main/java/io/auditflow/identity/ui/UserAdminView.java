package io.auditflow.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.ValidationException;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.security.Role;
import io.auditflow.security.SecuritySettings;
import com.vaadin.flow.component.checkbox.Checkbox;
import io.auditflow.security.Roles;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Admins create users, set roles and teams, disable accounts and reset passwords. */
@Route("admin/users")
@PageTitle("Users")
@Menu(order = 90, icon = "vaadin:users", title = "Users")
@RolesAllowed(Roles.ADMIN)
class UserAdminView extends VerticalLayout {

    final Grid<UserSummary> grid = new Grid<>(UserSummary.class, false);
    private final UserService users;

    final Checkbox requireSecondFactor = new Checkbox("Admins must sign in with a second factor");

    UserAdminView(UserService users, SecuritySettings settings) {
        this.users = users;
        requireSecondFactor.setId("require-second-factor");
        requireSecondFactor.setValue(settings.secondFactorRequiredForAdmins());
        requireSecondFactor.addValueChangeListener(e -> {
            settings.requireSecondFactorForAdmins(e.getValue());
            Notifications.success(e.getValue()
                    ? "Admins without a second factor must set one up on their account page"
                    : "A second factor is optional for admins");
        });
        setSizeFull();
        Button create = new Button("New user", new Icon(VaadinIcon.PLUS), e -> new UserDialog(users, null, this::refresh).open());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.addColumn(UserSummary::username).setHeader("User name").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(UserSummary::email).setHeader("E-mail").setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().map(Role::label).collect(Collectors.joining(", "))).setHeader("Roles");
        grid.addColumn(u -> String.join(", ", u.teams())).setHeader("Teams");
        grid.addComponentColumn(u -> {
            Span s = new Span(u.enabled() ? "Active" : "Disabled");
            s.getElement().getThemeList().add(u.enabled() ? "badge success" : "badge error");
            return s;
        }).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setSizeFull();
        HorizontalLayout bar = new HorizontalLayout(create, requireSecondFactor);
        bar.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        add(bar, grid);
        refresh();
    }

    private HorizontalLayout actions(UserSummary user) {
        Button edit = new Button("Edit", e -> new UserDialog(users, user, this::refresh).open());
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> {
            try {
                users.setEnabled(user.username(), !user.enabled());
                Notifications.success(user.enabled() ? user.username() + " is disabled and signed out"
                        : user.username() + " can sign in again");
                refresh();
            } catch (ValidationException ex) {
                Notifications.error(ex.errors().get(0).message());
            }
        });
        toggle.setId("toggle-" + user.username());
        Button reset = new Button("Reset password", e -> resetPassword(user));
        for (Button b : new Button[] {edit, toggle, reset}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(edit, toggle, reset);
    }

    private void resetPassword(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New password for " + user.username());
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters; the user is signed out");
        Button save = new Button("Set password", e -> {
            try {
                users.resetPassword(user.username(), password.getValue());
                Notifications.success("Password changed for " + user.username());
                dialog.close();
            } catch (ValidationException ex) {
                password.setErrorMessage(ex.messageFor("password"));
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("Tell the user the new password through a channel you trust."), password);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    void refresh() {
        grid.setItems(users.listUsers());
    }
}
