package io.auditflow.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.auditflow.common.ValidationException;
import io.auditflow.identity.TeamSummary;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.security.Role;
import io.auditflow.ui.FieldErrors;
import io.auditflow.ui.Format;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Create a user, or change a user's name, e-mail, roles and teams. */
class UserDialog extends Dialog {

    final TextField username = new TextField(Format.text("userDialog.username"));
    final TextField displayName = new TextField(Format.text("userDialog.displayName"));
    final EmailField email = new EmailField(Format.text("userDialog.email"));
    final PasswordField password = new PasswordField(Format.text("userDialog.password"));
    final CheckboxGroup<Role> roles = new CheckboxGroup<>(Format.text("userDialog.roles"));
    final MultiSelectComboBox<TeamSummary> teams = new MultiSelectComboBox<>(Format.text("userDialog.teams"));
    final Paragraph formError = new Paragraph();
    final Button save = new Button(Format.text("common.save"));
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    UserDialog(UserService users, UserSummary existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? Format.text("userDialog.new") : Format.text("userDialog.edit", existing.username()));
        setWidth("560px");
        username.setId("user-username");
        displayName.setId("user-display-name");
        email.setId("user-email");
        password.setId("user-password");
        password.setHelperText(Format.text("userDialog.passwordHelp", String.valueOf(UserService.MIN_PASSWORD_LENGTH)));
        roles.setId("user-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Format::label);
        teams.setItems(users.listTeams());
        teams.setItemLabelGenerator(TeamSummary::name);
        formError.addClassName("form-error");
        fields.put("username", username);
        fields.put("displayName", displayName);
        fields.put("email", email);
        fields.put("password", password);
        fields.put("roles", roles);
        fields.put("teams", teams);

        if (existing != null) {
            UserForm form = UserForm.of(existing);
            username.setValue(form.getUsername());
            username.setReadOnly(true);
            displayName.setValue(form.getDisplayName());
            email.setValue(form.getEmail());
            roles.setValue(form.getRoles());
            teams.setValue(teams.getListDataView().getItems().filter(t -> form.getTeams().contains(t.code()))
                    .collect(Collectors.toSet()));
            password.setVisible(false);
        }
        FormLayout layout = new FormLayout(username, displayName, email, password, roles, teams);
        add(layout, formError);

        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            UserForm form = new UserForm(username.getValue(), displayName.getValue(), email.getValue(),
                    password.getValue(), roles.getValue(),
                    teams.getValue().stream().map(TeamSummary::code).collect(Collectors.toSet()));
            try {
                if (existing == null) {
                    users.createUser(form);
                } else {
                    users.updateUser(existing.username(), form);
                }
                onSaved.run();
                close();
            } catch (ValidationException ex) {
                formError.setText(FieldErrors.show(ex, fields));
            }
        });
        getFooter().add(new Button(Format.text("common.cancel"), e -> close()), save);
    }
}
