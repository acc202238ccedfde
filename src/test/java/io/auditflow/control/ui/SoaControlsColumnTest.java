package io.auditflow.control.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.control.Soa;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The SoA's "Our controls" column names the organisation's controls; their codes stay in the tooltip. */
@IntegrationTest
class SoaControlsColumnTest extends KaribuTest {

    @Autowired ProgramService programs;

    private SoaView draft(Locale locale) {
        Long id = SystemAuthentication.call(() -> programs.create(new ProgramRequest("SoA Namen " + UUID.randomUUID(),
                Framework.ISO27001, EnumSet.noneOf(TrustCategory.class), null, "2022", "manager", "grc"))).id();
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("soa/" + id);
        SoaView view = _get(SoaView.class);
        _click(view.newDraft);
        return view;
    }

    private static int row(SoaView view, String controlId) {
        return IntStream.range(0, GridKt._size(view.grid))
                .filter(i -> GridKt._get(view.grid, i).controlId().equals(controlId)).findFirst().orElseThrow();
    }

    @Test
    void a_german_member_reads_control_names_not_codes_under_our_controls() {
        SoaView view = draft(Locale.GERMAN);
        int r = row(view, "A.5.18");

        assertThat(view.grid.getColumnByKey("controls").getHeaderText()).isEqualTo("Unsere Kontrollen");
        assertThat(GridKt._getFormatted(view.grid, r, "controls"))
                .contains("Überprüfung der Benutzerzugriffe", "Überprüfung privilegierter Zugriffe")
                .doesNotContain("USER_ACCESS_REVIEW", "PRIVILEGED_ACCESS_REVIEW");
        Soa.Entry entry = GridKt._get(view.grid, r);
        assertThat(entry.controls()).contains("USER_ACCESS_REVIEW", "PRIVILEGED_ACCESS_REVIEW");
    }

    @Test
    void an_english_member_reads_the_library_names_in_english() {
        SoaView view = draft(Locale.ENGLISH);
        assertThat(view.grid.getColumnByKey("controls").getHeaderText()).isEqualTo("Our controls");
        assertThat(GridKt._getFormatted(view.grid, row(view, "A.5.18"), "controls"))
                .contains("User access review", "Privileged access review");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_coverage_page_names_the_controls_behind_a_requirement_with_their_codes_as_tooltip() {
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("coverage");
        CoverageView view = _get(CoverageView.class);
        view.scope.getListDataView().getItems().filter(s -> "ISO27001".equals(s.framework()))
                .findFirst().ifPresent(view.scope::setValue);
        int r = IntStream.range(0, GridKt._size(view.grid))
                .filter(i -> GridKt._get(view.grid, i).requirement().id().equals("A.5.18")).findFirst().orElseThrow();

        var cell = (com.vaadin.flow.component.html.Div) GridKt._getCellComponent(view.grid, r, "controls");
        java.util.List<com.vaadin.flow.component.html.Anchor> links = cell.getChildren()
                .map(c -> (com.vaadin.flow.component.html.Anchor) c).toList();
        assertThat(links).extracting(com.vaadin.flow.component.html.Anchor::getText)
                .contains("Überprüfung der Benutzerzugriffe", "Überprüfung privilegierter Zugriffe");
        assertThat(links).extracting(a -> a.getElement().getAttribute("title"))
                .contains("USER_ACCESS_REVIEW", "PRIVILEGED_ACCESS_REVIEW");
    }
}
