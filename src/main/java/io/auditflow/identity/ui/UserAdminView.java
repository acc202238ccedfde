package io.auditflow.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import io.auditflow.ui.Format;
import io.auditflow.ui.ScreenWidth;
import io.auditflow.ui.AdminWarnings;
import io.auditflow.common.BaseUrlCheck;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
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

    final Checkbox requireSecondFactor = new Checkbox(Format.text("admin.users.requireSecondFactor"));

    UserAdminView(UserService users, SecuritySettings settings, BaseUrlCheck baseUrl) {
        this.users = users;
        AdminWarnings.baseUrl(baseUrl).ifPresent(this::add);
        requireSecondFactor.setId("require-second-factor");
        requireSecondFactor.setValue(settings.secondFactorRequiredForAdmins());
        requireSecondFactor.addValueChangeListener(e -> {
            settings.requireSecondFactorForAdmins(e.getValue());
            Notifications.success(e.getValue()
                    ? Format.text("admin.users.secondFactorRequired")
                    : Format.text("admin.users.secondFactorOptional"));
        });
        setSizeFull();
        Button create = new Button(Format.text("admin.users.new"), new Icon(VaadinIcon.PLUS), e -> new UserDialog(users, null, this::refresh).open());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        var username = grid.addColumn(UserSummary::username).setHeader(Format.text("admin.users.username")).setAutoWidth(true).setFlexGrow(0);
        var wide = java.util.List.of(
                grid.addColumn(UserSummary::displayName).setHeader(Format.text("admin.users.name")).setFlexGrow(2),
                // e-mail and roles as wide as their words, so 1440 px shows them whole ("Compliance team mem…" before)
                grid.addColumn(UserSummary::email).setHeader(Format.text("admin.users.email")).setAutoWidth(true).setFlexGrow(1),
                grid.addColumn(u -> u.roles().stream().map(Format::label).collect(Collectors.joining(", "))).setHeader(Format.text("admin.users.roles"))
                        .setAutoWidth(true).setFlexGrow(1),
                grid.addColumn(u -> String.join(", ", u.teams())).setHeader(Format.text("admin.users.teams")).setFlexGrow(1));
        // On a phone: who, whether active, and the menu; the rest is one tap away in Edit.
        ScreenWidth.follow(this, width -> {
            boolean narrow = width < ScreenWidth.NARROW;
            wide.forEach(c -> c.setVisible(!narrow));
            username.setFlexGrow(narrow ? 1 : 0);
        });
        grid.addComponentColumn(u -> {
            Span s = new Span(u.enabled() ? Format.text("admin.users.active") : Format.text("admin.users.disabled"));
            s.getElement().getThemeList().add(u.enabled() ? "badge success" : "badge error");
            return s;
        }).setHeader(Format.text("admin.users.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader("").setWidth("3.5em").setFlexGrow(0);
        // what still does not fit wraps instead of ending in "…" (a long address breaks anywhere: theme's .wrap-anywhere)
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("wrap-anywhere");
        grid.setId("users-grid");
        grid.setSizeFull();
        HorizontalLayout bar = new HorizontalLayout(create, requireSecondFactor);
        bar.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        add(bar, grid);
        refresh();
    }

    /** Row actions in one "…" menu, so the grid fits a laptop screen. */
    private MenuBar actions(UserSummary user) {
        MenuBar menu = io.auditflow.ui.ComponentWords.menuBar();
        menu.setId("actions-" + user.username());
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        Icon dots = new Icon(VaadinIcon.ELLIPSIS_DOTS_H);
        // An icon carries a name only with a role (axe: aria-allowed-attr); the menu button takes its name from it.
        dots.getElement().setAttribute("role", "img");
        dots.getElement().setAttribute("aria-label", Format.text("admin.users.actions", user.username()));
        SubMenu items = menu.addItem(dots).getSubMenu();
        items.addItem(Format.text("admin.users.edit"), e -> new UserDialog(users, user, this::refresh).open());
        items.addItem(user.enabled() ? Format.text("admin.users.disable") : Format.text("admin.users.enable"), e -> {
            try {
                users.setEnabled(user.username(), !user.enabled());
                Notifications.success(user.enabled() ? Format.text("admin.users.disabledDone", user.username())
                        : Format.text("admin.users.enabledDone", user.username()));
                refresh();
            } catch (ValidationException ex) {
                Notifications.error(Format.service(ex.errors().get(0).message()));
            }
        });
        items.addItem(Format.text("admin.users.resetPassword"), e -> resetPassword(user));
        return menu;
    }

    private void resetPassword(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Format.text("admin.users.newPasswordFor", user.username()));
        PasswordField password = new PasswordField(Format.text("account.password.new"));
        password.setHelperText(Format.text("admin.users.passwordHelp", UserService.MIN_PASSWORD_LENGTH));
        Button save = new Button(Format.text("admin.users.setPassword"), e -> {
            try {
                users.resetPassword(user.username(), password.getValue());
                Notifications.success(Format.text("admin.users.passwordChanged", user.username()));
                dialog.close();
            } catch (ValidationException ex) {
                password.setErrorMessage(Format.errorsFor(ex, "password"));
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(Format.text("admin.users.passwordChannel")), password);
        dialog.getFooter().add(new Button(Format.text("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    void refresh() {
        grid.setItems(users.listUsers());
    }
}
