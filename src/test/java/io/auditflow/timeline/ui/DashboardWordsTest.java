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
import io.auditflow.timeline.Dashboard;
import io.auditflow.timeline.TimelineSeed;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard in the reader's language: a lapsed ISO certificate (decided 2022-10-01, expired 2025-09-30) and a
 * SOC 2 window running to 2026-03-31 with fieldwork from 2026-01-31, seen on 2026-01-05.
 */
@IntegrationTest
class DashboardWordsTest extends KaribuTest {

    @Autowired ProgramService programs;
    @Autowired MilestoneService milestones;
    @Autowired TestClock clock;

    final String n = Long.toString(System.nanoTime());
    Long soc2;
    Long iso;

    @BeforeEach
    void seed() {
        clock.reset();
        TimelineSeed seed = new TimelineSeed(programs, milestones, clock.today());
        soc2 = seed.program("Words SOC 2 " + n, Framework.SOC2_TYPE2, "manager", "grc")
                .soc2Cycle(1, LocalDate.parse("2025-04-01"), false).programId();
        iso = seed.program("Words ISO " + n, Framework.ISO27001, "member", "platform")
                .isoCycle(1, LocalDate.parse("2022-10-01"), true).programId();
    }

    private DashboardView open(Locale locale) {
        login("executive", Role.EXECUTIVE);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        view.search.setValue(n);
        return view;
    }

    private static List<String> tiles(DashboardView view) {
        return view.answers.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
    }

    private static String charts(DashboardView view) {
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(view.trends, com.vaadin.flow.component.Html.class).stream()
                .map(com.vaadin.flow.component.Html::getInnerHtml).reduce("", String::concat);
    }

    private static Dashboard.Row row(List<Dashboard.Row> rows, Long programId) {
        return rows.stream().filter(r -> programId.equals(r.programId())).findFirst().orElseThrow();
    }

    @Test
    void a_german_executive_reads_the_answers_states_and_dates_in_german() {
        DashboardView view = open(Locale.GERMAN);

        assertThat(tiles(view)).containsExactly(
                "ISO-ZertifikateErloschen: 1",
                "SOC-2-AbdeckungAbgedeckt: 1",
                "Audits in den nächsten 90 Tagen1 Audit, das erste am 31.01.2026 (Words SOC 2 " + n + ")",
                "Überfällig oder versäumtVersäumt: 1");
        Dashboard.Row certificate = row(view.shown().certificates(), iso);
        assertThat(certificate.what()).isEqualTo("ISO-Zertifikat: am 30.09.2025 ohne Rezertifizierung abgelaufen");
        assertThat(certificate.state()).isEqualTo("Erloschen");
        Dashboard.Row coverage = row(view.shown().coverage(), soc2);
        assertThat(coverage.what()).isEqualTo("SOC 2: Ohne Lücke abgedeckt bis 31.03.2026");
        Dashboard.Row upcoming = row(view.shown().upcomingRows(), soc2);
        assertThat(upcoming.state()).isEqualTo("Geplant · in 26 T.");

        view.show("certificates");
        assertThat(view.listTitle.getText()).isEqualTo("ISO-Zertifikate (1)");
        assertThat(view.listCsv.getText()).isEqualTo("Diese Liste als CSV");
        assertThat(view.filter.frameworks.getPlaceholder()).isEqualTo("Alle Rahmenwerke");
        assertThat(view.windows.getColumns().get(1).getHeaderText()).isEqualTo("Beobachtungszeitraum");
        assertThat(view.findings.getElement().getTextRecursively()).contains("Hauptabweichungen");
        assertThat(charts(view)).contains("Überfällig gewordene Aufgaben pro Monat: Feb");
    }

    @Test
    void an_english_executive_reads_the_dashboard_as_before() {
        DashboardView view = open(Locale.ENGLISH);

        assertThat(tiles(view)).containsExactly(
                "ISO certificates1 lapsed",
                "SOC 2 coverage1 covered",
                "Audits in the next 90 days1 audit, the first on 2026-01-31 (Words SOC 2 " + n + ")",
                "Overdue or missed1 missed");
        assertThat(row(view.shown().certificates(), iso).what())
                .isEqualTo("ISO certificate: expired 2025-09-30 without recertification");
        assertThat(row(view.shown().coverage(), soc2).what()).isEqualTo("SOC 2: Covered without a gap through 2026-03-31");
        assertThat(row(view.shown().upcomingRows(), soc2).state()).isEqualTo("Planned · in 26 d");
        assertThat(view.listCsv.getText()).isEqualTo("CSV of this list");
        assertThat(charts(view)).contains("Tasks that went overdue per month: Feb 2025");
    }
}
