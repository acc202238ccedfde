package io.auditflow.timeline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import io.auditflow.timeline.BarKind;
import io.auditflow.timeline.TimelineQuery;
import io.auditflow.timeline.TimelineRange;
import io.auditflow.timeline.TimelineSeed;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TimelineViewsTest extends KaribuTest {

    @Autowired
    ProgramService programs;
    @Autowired
    MilestoneService milestones;
    @Autowired
    TestClock clock;

    final String n = Long.toString(System.nanoTime());
    Long soc2;
    Long iso;

    @BeforeEach
    void seed() {
        clock.reset();
        TimelineSeed seed = new TimelineSeed(programs, milestones, clock.today());
        soc2 = seed.program("View SOC 2 " + n, Framework.SOC2_TYPE2, "manager", "grc")
                .soc2Cycle(1, LocalDate.parse("2025-04-01"), true).programId();
        iso = seed.program("View ISO " + n, Framework.ISO27001, "member", "platform")
                .isoCycle(1, LocalDate.parse("2022-10-01"), true).programId();
    }

    @Test
    void an_executive_starts_on_the_timeline_which_loads_its_drawing_from_its_own_resource() {
        login("executive", Role.EXECUTIVE);
        UI.getCurrent().navigate("");

        TimelineView view = _get(TimelineView.class);
        // the session keeps the filters, not the drawing
        assertThat(view.chart.getElement().getProperty("innerHTML")).isNull();
        assertThat(view.drawingUrl).isEqualTo("exports/timeline/drawing?range=DEFAULT");
    }

    @Test
    void search_risk_grouping_filters_and_zoom_go_into_the_drawing_and_csv_addresses() {
        login("executive", Role.EXECUTIVE);
        UI.getCurrent().navigate("timeline");
        TimelineView view = _get(TimelineView.class);
        view.filter.frameworks.setValue(Set.of(Framework.ISO27001));
        view.filter.owner.setValue("member");
        view.search.setValue("View ISO & co");
        view.atRisk.setValue(true);
        view.grouping.setValue(TimelineQuery.Grouping.TEAM);
        view.zoom.setValue(TimelineRange.SIX_YEARS);
        assertThat(view.drawingUrl).isEqualTo("exports/timeline/drawing?range=SIX_YEARS&atRisk=true&group=TEAM"
                + "&framework=ISO27001&owner=member&q=View+ISO+%26+co");
        assertThat(view.csv.getHref()).startsWith("exports/timeline/milestones.csv?range=SIX_YEARS&atRisk=true");
    }

    @Test
    void the_dashboard_answers_open_the_list_behind_them() {
        login("auditor", Role.AUDITOR);
        UI.getCurrent().navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        assertThat(view.answers.getChildren().map(c -> c.getElement().getAttribute("data-key")))
                .containsExactly("certificates", "coverage", "upcoming", "attention");
        assertThat(view.shown().certificates()).anySatisfy(r -> {
            assertThat(r.programId()).isEqualTo(iso);
            assertThat(r.state()).isEqualTo("Lapsed");
        });
        view.show("certificates");
        assertThat(view.listTitle.getText()).startsWith("ISO certificates (");
        assertThat(view.listCsv.getHref()).isEqualTo("exports/dashboard/certificates.csv");
        assertThat(view.list.isVisible()).isTrue();
        // a search that finds no program: each list is empty, and an empty list shows no grid, only its title
        view.search.setValue("no program is called this");
        view.show("certificates");
        assertThat(view.listTitle.getText()).isEqualTo("ISO certificates (0)");
        assertThat(view.list.isVisible()).isFalse();
        assertThat(view.listCsv.isVisible()).isFalse();
        view.search.clear();
        view.show("certificates");
        assertThat(view.list.isVisible()).isTrue();
        // the board report is for executives, managers and admins
        assertThat(view.board.isVisible()).isFalse();
        assertThat(view.shown().openWindows()).anySatisfy(w -> assertThat(w.programId()).isEqualTo(soc2));
        // the open windows below the first screen get their rows when the browser says their card came near
        assertThat(view.windowsShown).isFalse();
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(view.windows)).isZero();
        view.showWindows();
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._findAll(view.windows)).extracting(w -> w.program())
                .contains("View SOC 2 " + n);
        assertThat(view.shown().findingsByKind()).containsKeys("SOC2_EXCEPTION", "MAJOR_NONCONFORMITY",
                "MINOR_NONCONFORMITY", "OBSERVATION");
        assertThat(view.findings.getChildren().map(c -> c.getElement().getAttribute("data-kind")))
                .containsExactly("SOC2_EXCEPTION", "MAJOR_NONCONFORMITY", "MINOR_NONCONFORMITY", "OBSERVATION");
    }
}
