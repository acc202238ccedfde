package io.auditflow.sso.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.AuditflowProperties;
import io.auditflow.security.Roles;
import io.auditflow.sso.ScimTokenService;
import io.auditflow.ui.Format;
import io.auditflow.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * The identity provider's SCIM token for admins: whether one exists, made when and by whom, a new one
 * (shown once, replacing the old at once) and revoking it. The same service answers
 * {@code /api/admin/scim-token}, so the screen and the API cannot disagree (docs/sso.md).
 */
@Route(value = "admin/provisioning", layout = MainLayout.class)
@PageTitle("Provisioning")
@Menu(order = 94, icon = "vaadin:key-o", title = "Provisioning")
@RolesAllowed(Roles.ADMIN)
class ProvisioningAdminView extends VerticalLayout {

    final Span state = new Span();
    final Button create = new Button();
    final Button revoke = new Button(Format.text("admin.scim.revoke"));

    private final ScimTokenService tokens;

    ProvisioningAdminView(ScimTokenService tokens, AuditflowProperties app) {
        this.tokens = tokens;
        addClassName("provisioning-admin");
        add(new H3(Format.text("admin.scim.title")));
        add(new Paragraph(Format.text("admin.scim.intro")));
        TextField base = new TextField(Format.text("admin.scim.baseUrl"));
        base.setValue(app.baseUrl().replaceAll("/+$", "") + "/scim/v2");
        base.setReadOnly(true);
        base.setId("scim-base-url");
        base.setWidthFull();
        base.setMaxWidth("40em");
        state.setId("scim-token-state");
        create.setId("scim-token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> confirmCreate());
        revoke.setId("scim-token-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.addClickListener(e -> confirmRevoke());
        HorizontalLayout actions = new HorizontalLayout(create, revoke);
        actions.getStyle().set("flex-wrap", "wrap");
        add(base, state, actions, new Paragraph(Format.text("admin.scim.limits")));
        refresh();
    }

    void refresh() {
        var current = tokens.current();
        state.setText(current.map(t -> Format.text("admin.scim.state.on", Format.dateTime(t.createdAt()), t.createdBy()))
                .orElse(Format.text("admin.scim.state.off")));
        state.getElement().getThemeList().clear();
        state.getElement().getThemeList().add(current.isPresent() ? "badge success" : "badge contrast");
        create.setText(Format.text(current.isPresent() ? "admin.scim.replace" : "admin.scim.create"));
        revoke.setVisible(current.isPresent());
    }

    private void confirmCreate() {
        if (tokens.current().isEmpty()) {
            showNew(tokens.create());
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog(Format.text("admin.scim.replace"), Format.text("admin.scim.replaceWarning"),
                Format.text("admin.scim.replace"), e -> showNew(tokens.create()));
        confirm.setCancelable(true);
        confirm.setCancelText(Format.text("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void confirmRevoke() {
        ConfirmDialog confirm = new ConfirmDialog(Format.text("admin.scim.revoke"), Format.text("admin.scim.revokeWarning"),
                Format.text("admin.scim.revoke"), e -> {
                    tokens.revoke();
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(Format.text("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** The only time the token is shown: a read-only field to copy from, nothing kept in the view. */
    private void showNew(String token) {
        refresh();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Format.text("admin.scim.newTitle"));
        TextField field = new TextField(Format.text("admin.scim.token"));
        field.setValue(token);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("scim-token-value");
        dialog.add(new Paragraph(Format.text("admin.scim.newHint")), field);
        Button done = new Button(Format.text("admin.scim.done"), e -> dialog.close());
        done.setId("scim-token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setWidth("min(36em, 95vw)");
        dialog.open();
    }
}
