package io.auditflow.sso.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.auditflow.IntegrationTest;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SCIM token screen: made once and shown once, replaced after a warning, revoked; the same token works on /scim. */
@IntegrationTest
class ProvisioningAdminViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_admin_makes_a_token_sees_it_once_replaces_it_after_a_warning_and_revokes_it() {
        jdbc.update("delete from scim_token");
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/provisioning");
        assertThat(_get(Span.class, spec -> spec.withId("scim-token-state")).getText()).isEqualTo("No token: provisioning is off");
        assertThat(_get(TextField.class, spec -> spec.withId("scim-base-url")).getValue()).endsWith("/scim/v2");

        Button create = _get(Button.class, spec -> spec.withId("scim-token-create"));
        assertThat(create.getText()).isEqualTo("Make a token");
        _click(create);
        String first = _get(TextField.class, spec -> spec.withId("scim-token-value")).getValue();
        assertThat(first).startsWith("scim_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("select count(*) from scim_token where token_hash <> ?", Integer.class, first))
                .as("stored as a hash, never as the token").isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withId("scim-token-done")));
        assertThat(_get(Span.class, spec -> spec.withId("scim-token-state")).getText())
                .startsWith("A token is in use: made ").endsWith(" by admin");

        // A second token replaces the first only after the warning.
        _click(_get(Button.class, spec -> spec.withId("scim-token-create")));
        ConfirmDialog warning = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireConfirm(warning);
        String second = _get(TextField.class, spec -> spec.withId("scim-token-value")).getValue();
        assertThat(second).startsWith("scim_").isNotEqualTo(first);
        _click(_get(Button.class, spec -> spec.withId("scim-token-done")));
        assertThat(jdbc.queryForObject("select count(*) from scim_token", Integer.class)).isEqualTo(1);

        _click(_get(Button.class, spec -> spec.withId("scim-token-revoke")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_get(Span.class, spec -> spec.withId("scim-token-state")).getText()).isEqualTo("No token: provisioning is off");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class, spec -> spec.withId("scim-token-revoke")))
                .as("nothing to revoke").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from scim_token", Integer.class)).isZero();
    }
}
