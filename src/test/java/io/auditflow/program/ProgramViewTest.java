package io.auditflow.program;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.auditflow.IntegrationTest;
import io.auditflow.identity.TeamSummary;
import io.auditflow.identity.UserSummary;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ProgramViewTest extends KaribuTest {

    @Autowired
    ProgramService programs;

    @SuppressWarnings("unchecked")
    private void fill(String name, Framework framework, Set<TrustCategory> criteria) {
        _get(TextField.class, spec -> spec.withId("program-name")).setValue(name);
        _get(ComboBox.class, spec -> spec.withId("program-framework")).setValue(framework);
        if (criteria != null) {
            _get(CheckboxGroup.class, spec -> spec.withId("program-criteria")).setValue(criteria);
        }
        ComboBox<UserSummary> owner = _get(ComboBox.class, spec -> spec.withId("program-owner"));
        owner.setValue(owner.getListDataView().getItems().filter(u -> u.username().equals("manager")).findFirst().orElseThrow());
        ComboBox<TeamSummary> team = _get(ComboBox.class, spec -> spec.withId("program-team"));
        team.setValue(team.getListDataView().getItems().filter(t -> t.code().equals("grc")).findFirst().orElseThrow());
    }

    @Test
    void the_program_list_shows_all_criteria_of_a_program_wrapped_not_cut() {
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("programs");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<io.auditflow.program.Program> grid = _get(com.vaadin.flow.component.grid.Grid.class);
        assertThat(grid.getThemeNames()).contains("wrap-cell-content");
        int row = -1;
        for (int i = 0; i < com.github.mvysny.kaributesting.v10.GridKt._size(grid); i++) {
            if (com.github.mvysny.kaributesting.v10.GridKt._get(grid, i).name().equals("Acme Cloud SOC 2 Type II")) {
                row = i;
            }
        }
        assertThat(row).as("the demo SOC 2 Type II program is listed").isNotNegative();
        // demo data: Security, Availability and Confidentiality
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(grid, row, "criteria"))
                .isEqualTo("Security, Availability, Confidentiality");
    }

    @Test
    void a_manager_creates_a_program_from_the_list() {
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("programs");
        _click(_get(Button.class, spec -> spec.withId("new-program")));
        String name = "Karibu ISO " + UUID.randomUUID();
        fill(name, Framework.ISO27001, null);
        _click(_get(Button.class, spec -> spec.withId("program-save")));

        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(programs.list(false)).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.isoEdition()).isEqualTo("2022");
            assertThat(p.team()).isEqualTo("grc");
        });
    }

    @Test
    void a_duplicate_name_and_soc2_without_security_show_messages_by_the_fields_and_keep_the_input() {
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("programs");
        int before = programs.list(true).size();
        _click(_get(Button.class, spec -> spec.withId("new-program")));
        fill("ACME Cloud SOC 2 Type II ", Framework.SOC2_TYPE2, EnumSet.of(TrustCategory.AVAILABILITY));
        _click(_get(Button.class, spec -> spec.withId("program-save")));

        TextField name = _get(TextField.class, spec -> spec.withId("program-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("already called");
        CheckboxGroup<?> criteria = _get(CheckboxGroup.class, spec -> spec.withId("program-criteria"));
        assertThat(criteria.isInvalid()).isTrue();
        assertThat(criteria.getErrorMessage()).contains("SECURITY");
        assertThat(name.getValue()).isEqualTo("ACME Cloud SOC 2 Type II ");
        assertThat(_find(Dialog.class)).hasSize(1);
        assertThat(programs.list(true)).hasSize(before);
    }

    @Test
    void an_empty_name_is_refused_next_to_the_field() {
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("programs");
        _click(_get(Button.class, spec -> spec.withId("new-program")));
        fill("   ", Framework.ISO27001, null);
        _click(_get(Button.class, spec -> spec.withId("program-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("program-name")).getErrorMessage())
                .isEqualTo("Give the program a name");
    }

    @Test
    void executives_and_auditors_see_programs_but_no_way_to_change_them() {
        for (Role role : new Role[] {Role.EXECUTIVE, Role.AUDITOR}) {
            login(role.name().toLowerCase(), role);
            UI.getCurrent().navigate("programs");
            assertThat(_find(Button.class, spec -> spec.withId("new-program"))).isEmpty();
            Program any = programs.list(false).get(0);
            UI.getCurrent().navigate("programs/" + any.id());
            assertThat(_find(Button.class, spec -> spec.withId("edit-program"))).isEmpty();
            assertThatThrownBy(() -> programs.setArchived(any.id(), true)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void a_german_manager_sees_the_new_program_dialog_in_german() {
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("programs");
        _click(_get(Button.class, spec -> spec.withId("new-program")));

        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Neues Programm");
        assertThat(_get(ComboBox.class, spec -> spec.withId("program-framework")).getLabel()).isEqualTo("Rahmenwerk");
        assertThat(_get(TextArea.class, spec -> spec.withId("program-scope")).getLabel()).isEqualTo("Geltungsbereich");
        assertThat(_get(Button.class, spec -> spec.withId("program-save")).getText()).isEqualTo("Speichern");
    }
}
