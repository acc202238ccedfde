package io.auditflow.control.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.control.Control;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The control screens (list, control page, Statement of Applicability) speak the reader's language. */
@IntegrationTest
class ControlScreensLanguageTest extends KaribuTest {

    @Autowired ProgramService programs;

    @Test
    void a_german_member_reads_the_control_list_and_a_control_page_in_german() {
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("controls");
        ControlListView list = _get(ControlListView.class);

        assertThat(_get(list, H2.class, spec -> spec.withText("Kontrollen"))).isNotNull();
        assertThat(list.showRetired.getLabel()).isEqualTo("Stillgelegte zeigen");
        assertThat(list.search.getPlaceholder()).isEqualTo("Nach Name, Kürzel, Team oder Anforderung suchen");
        assertThat(list.grid.getColumnByKey("team").getHeaderText()).isEqualTo("Verantwortliches Team");
        assertThat(list.grid.getColumnByKey("frequency").getHeaderText()).isEqualTo("Häufigkeit");
        Control review = list.grid.getListDataView().getItems().filter(c -> c.code().equals("USER_ACCESS_REVIEW")).findFirst().orElseThrow();
        assertThat(GridKt._getFormatted(list.grid, list.grid.getListDataView().getItemIndex(review).orElseThrow(), "frequency"))
                .isEqualTo("Vierteljährlich");

        UI.getCurrent().navigate("controls/USER_ACCESS_REVIEW");
        ControlView page = _get(ControlView.class);
        assertThat(page.meta.getText()).isEqualTo("USER_ACCESS_REVIEW · verantwortliches Team grc · Vierteljährlich");
        assertThat(page.evidence.getColumnByKey("period").getHeaderText()).isEqualTo("Zeitraum");
        assertThat(page.evidenceNote.getText()).startsWith("Nachweise zu den Aufgaben dieser Kontrolle");
    }

    @Test
    void the_same_control_list_in_english_reads_as_before() {
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("controls");
        ControlListView list = _get(ControlListView.class);

        assertThat(list.showRetired.getLabel()).isEqualTo("Show retired");
        assertThat(list.grid.getColumnByKey("team").getHeaderText()).isEqualTo("Owner team");
        UI.getCurrent().navigate("controls/USER_ACCESS_REVIEW");
        assertThat(_get(ControlView.class).meta.getText()).isEqualTo("USER_ACCESS_REVIEW · owner team grc · Quarterly");
    }

    @Test
    void a_german_member_starts_a_statement_of_applicability_and_reads_its_state_in_german() {
        Long id = SystemAuthentication.call(() -> programs.create(new ProgramRequest("SoA Deutsch " + UUID.randomUUID(),
                Framework.ISO27001, EnumSet.noneOf(TrustCategory.class), null, "2022", "manager", "grc"))).id();
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("soa/" + id);
        SoaView view = _get(SoaView.class);

        assertThat(view.status.getText()).isEqualTo("Noch keine Erklärung zur Anwendbarkeit");
        assertThat(view.newDraft.getText()).isEqualTo("Neuen Entwurf beginnen");
        _click(view.newDraft);

        assertThat(view.status.getText()).isEqualTo("Version 1: Entwurf (klicken Sie auf eine Zeile, um sie zu ändern)");
        assertThat(view.summary.getText()).isEqualTo("93 von 93 Maßnahmen aus Anhang A anwendbar");
        assertThat(view.grid.getColumnByKey("justification").getHeaderText()).isEqualTo("Begründung");
        assertThat(GridKt._size(view.grid)).isEqualTo(93);
    }

    @Autowired io.auditflow.control.Catalogues catalogues;

    @Test
    void a_german_reader_reads_the_crosswalks_rationales_and_reasons_and_nist_titles_in_german() {
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("crosswalk");
        CrosswalkView view = _get(CrosswalkView.class);

        assertThat(GridKt._getFormatted(view.grid, 0, "why")).isEqualTo("Die Verpflichtung der obersten Leitung im ISMS gibt den Ton von oben vor");
        assertThat(GridKt._getFormatted(view.unmapped, 0, "reason"))
                .startsWith("ISO/IEC 27001 hat keine Maßnahme zur Richtigkeit oder Vollständigkeit der Verarbeitung");
        view.direction.setValue("ISO27001>SOC2");
        assertThat(GridKt._getFormatted(view.grid, 0, "why")).as("the same pair read from ISO")
                .isEqualTo("Die Verpflichtung der obersten Leitung im ISMS gibt den Ton von oben vor");
        view.search.setValue("Ton von oben");
        assertThat(GridKt._size(view.grid)).as("the filter searches the words shown").isEqualTo(1);

        // the control page and dialog name a NIST CSF item the same way
        assertThat(ControlDialog.title(catalogues, "NIST_CSF", "PR")).isEqualTo("Schützen");
        assertThat(ControlDialog.title(catalogues, "NIST_CSF", "GV.SC-05")).isEqualTo("Anforderungen fließen in die Lieferantenverträge ein");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        assertThat(ControlDialog.title(catalogues, "NIST_CSF", "GV.SC-05")).isEqualTo("Requirements go into supplier contracts");
    }
}
