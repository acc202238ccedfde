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
    void an_executive_starts_on_the_timeline_which_shows_every_program_as_a_lane() {
        login("executive", Role.EXECUTIVE);
        UI.getCurrent().navigate("");

        TimelineView view = _get(TimelineView.class);
        String svg = view.chart.getElement().getProperty("innerHTML");
        assertThat(svg).contains("href=\"programs/" + soc2 + "\"", "href=\"programs/" + iso + "\"")
                .contains("data-kind=\"CERTIFICATE_LAPSED\"");
        assertThat(view.summary.getText()).contains("coverage gap or lapsed certificate");
    }

    @Test
    void filters_and_zoom_change_what_the_timeline_shows() {
        login("executive", Role.EXECUTIVE);
        UI.getCurrent().navigate("timeline");
        TimelineView view = _get(TimelineView.class);
        view.filter.frameworks.setValue(Set.of(Framework.ISO27001));
        assertThat(view.shown.lanes()).extracting(l -> l.programId()).contains(iso).doesNotContain(soc2);
        assertThat(view.chart.getElement().getProperty("innerHTML")).doesNotContain("programs/" + soc2 + "\"");
        view.filter.frameworks.clear();
        view.filter.owner.setValue("member");
        assertThat(view.shown.lanes()).allMatch(l -> "member".equals(l.owner()));
        view.zoom.setValue(TimelineRange.QUARTER);
        assertThat(view.shown.from()).isEqualTo(LocalDate.parse("2025-12-01"));
        assertThat(view.shown.to()).isEqualTo(LocalDate.parse("2026-03-31"));
        view.zoom.setValue(TimelineRange.SIX_YEARS);
        assertThat(view.shown.from()).isEqualTo(LocalDate.parse("2024-01-01"));
        assertThat(view.shown.to()).isEqualTo(LocalDate.parse("2030-01-31"));
        assertThat(view.shown.lanes().get(0).bars()).anyMatch(b -> b.kind() == BarKind.CERTIFICATE_LAPSED);
    }

    @Test
    void the_dashboard_shows_countdowns_and_open_windows() {
        login("auditor", Role.AUDITOR);
        UI.getCurrent().navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        assertThat(view.shown.countdowns()).anySatisfy(c -> {
            assertThat(c.programId()).isEqualTo(iso);
            assertThat(c.state()).isEqualTo("Lapsed since 2025-10-01");
        });
        assertThat(view.shown.openWindows()).anySatisfy(w -> assertThat(w.programId()).isEqualTo(soc2));
        assertThat(view.headline.getElement().getTextRecursively()).contains("coverage gaps / lapsed certificates");
        // the lifecycle feature tracks findings: one tile per kind
        assertThat(view.shown.findingsByKind()).containsKeys("SOC2_EXCEPTION", "MAJOR_NONCONFORMITY",
                "MINOR_NONCONFORMITY", "OBSERVATION");
        assertThat(view.findings.getChildren().map(c -> c.getElement().getAttribute("data-kind")))
                .containsExactly("SOC2_EXCEPTION", "MAJOR_NONCONFORMITY", "MINOR_NONCONFORMITY", "OBSERVATION");
    }
}
