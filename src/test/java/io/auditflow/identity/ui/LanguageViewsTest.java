package io.auditflow.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.menubar.MenuBar;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserLanguage;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The language preference and the Users admin in the reader's language. */
@IntegrationTest
class LanguageViewsTest extends KaribuTest {

    @Autowired
    UserService users;
    @Autowired
    UserLanguage languages;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private String newUser(Role role) {
        String name = "lang-" + run + "-" + role.name().toLowerCase(Locale.ROOT).substring(0, 3);
        SystemAuthentication.run(() -> users.createUser(new UserForm(name, "Language " + name, "",
                "language-page-pass-1", Set.of(role), Set.of())));
        return name;
    }

    @Test
    void choosing_german_stores_it_and_switches_the_ui_to_german() {
        String name = newUser(Role.COMPLIANCE_MEMBER);
        login(name, Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("account");
        AccountView view = _get(AccountView.class);
        assertThat(view.language.getValue()).isEqualTo(Locale.ENGLISH);
        assertThat(view.changePassword.getText()).isEqualTo("Change password");

        HasValueUtilsKt._setValue(view.language, Locale.GERMAN);

        assertThat(languages.of(name)).contains(Locale.GERMAN);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.GERMAN);
        UI.getCurrent().navigate("programs");
        UI.getCurrent().navigate("account");
        AccountView german = _get(AccountView.class);
        assertThat(german.changePassword.getText()).isEqualTo("Passwort ändern");
        assertThat(german.tokenExpires.getI18n().getDateFormats()).containsExactly("dd.MM.yyyy");
        assertThat(german.tokenExpires.getI18n().getMonthNames()).startsWith("Januar", "Februar");
    }

    @Test
    void an_english_picker_takes_the_iso_pattern_the_text_uses() {
        String name = newUser(Role.COMPLIANCE_MEMBER);
        login(name, Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("account");
        assertThat(_get(AccountView.class).tokenExpires.getI18n().getDateFormats()).containsExactly("yyyy-MM-dd");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_disables_a_user_from_the_row_menu_in_german() {
        String target = newUser(Role.COMPLIANCE_MEMBER);
        login("admin", Role.ADMIN);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("admin/users");
        Grid<UserSummary> grid = _get(Grid.class);
        assertThat(grid.getColumns().get(0).getHeaderText()).isEqualTo("Benutzername");
        int row = java.util.stream.IntStream.range(0, GridKt._size(grid))
                .filter(i -> GridKt._get(grid, i).username().equals(target)).findFirst().orElseThrow();
        MenuBar actions = (MenuBar) GridKt._getCellComponent(grid, row, "actions");
        assertThat(actions.getId()).hasValue("actions-" + target);
        ContextMenuKt._clickItemWithCaption(actions, "Sperren");
        assertThat(users.findUser(target).orElseThrow().enabled()).isFalse();
    }
}
