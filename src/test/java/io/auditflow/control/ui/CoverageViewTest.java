package io.auditflow.control.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The coverage page in the reader's language, counting the 61 SOC 2 criteria (2017 TSC, revised points of focus 2022). */
@IntegrationTest
class CoverageViewTest extends KaribuTest {

    @Test
    void a_german_manager_reads_the_soc2_coverage_in_german_and_the_counts_add_up_to_61() {
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("coverage");
        CoverageView view = _get(CoverageView.class);
        view.scope.getListDataView().getItems().filter(s -> s.framework() != null && s.framework().startsWith("SOC2"))
                .findFirst().ifPresent(view.scope::setValue);

        Matcher m = Pattern.compile("(\\d+) von (\\d+) abgedeckt · (\\d+) Lücken").matcher(view.summary.getText());
        assertThat(m.matches()).as(view.summary.getText()).isTrue();
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(61);
        assertThat(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(3))).isEqualTo(61);
        assertThat(view.scope.getLabel()).isEqualTo("Abdeckung von");
        assertThat(view.gapsOnly.getLabel()).isEqualTo("Nur Lücken");
        assertThat(view.grid.getColumnByKey("title").getHeaderText()).isEqualTo("Anforderung");

        view.gapsOnly.setValue(true);
        assertThat(GridKt._size(view.grid)).isEqualTo(Integer.parseInt(m.group(3)));
    }
}
