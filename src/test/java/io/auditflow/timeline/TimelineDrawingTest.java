package io.auditflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TimelineDrawingTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-15");

    static Program program(long id, String name, Framework framework, String team) {
        return new Program(id, name, framework, Set.of(), null, null, "manager", "Maya Manager", team,
                team == null ? null : team.toUpperCase(), false, Instant.EPOCH, Instant.EPOCH);
    }

    static Milestone m(long program, MilestoneType type, int cycle, String date, MilestoneStatus status) {
        Milestone m = new Milestone(program, type, cycle, LocalDate.parse(date), Instant.EPOCH);
        if (status == MilestoneStatus.DONE) {
            m.setActualDate(LocalDate.parse(date));
        }
        m.setStatus(status);
        return m;
    }

    static Timeline sample() {
        return sample(DashboardWords.ENGLISH);
    }

    static Timeline sample(DashboardWords words) {
        TimelineRange range = TimelineRange.DEFAULT;
        LocalDate to = range.to(TODAY);
        List<ProgramLane> lanes = new ArrayList<>();
        lanes.add(TimelineBuilder.lane(program(1, "Cloud <SOC 2> & Co", Framework.SOC2_TYPE2, "grc"), List.of(
                m(1, MilestoneType.OBSERVATION_START, 1, "2024-07-01", MilestoneStatus.DONE),
                m(1, MilestoneType.OBSERVATION_END, 1, "2025-06-30", MilestoneStatus.DONE),
                m(1, MilestoneType.REPORT_ISSUED, 1, "2025-09-01", MilestoneStatus.DONE),
                m(1, MilestoneType.OBSERVATION_START, 2, "2025-10-01", MilestoneStatus.DONE),
                m(1, MilestoneType.OBSERVATION_END, 2, "2026-09-30", MilestoneStatus.PLANNED),
                m(1, MilestoneType.FIELDWORK_START, 2, "2026-08-03", MilestoneStatus.PLANNED),
                m(1, MilestoneType.REPORT_ISSUED, 2, "2026-12-01", MilestoneStatus.PLANNED)), TODAY, to, 2, words));
        // three ISO audits within ten days: their labels would collide
        lanes.add(TimelineBuilder.lane(program(2, "ISMS", Framework.ISO27001, "platform"), List.of(
                m(2, MilestoneType.CERTIFICATION_DECISION, 1, "2023-05-10", MilestoneStatus.DONE),
                m(2, MilestoneType.INTERNAL_AUDIT, 1, "2026-10-01", MilestoneStatus.PLANNED),
                m(2, MilestoneType.MANAGEMENT_REVIEW, 1, "2026-10-05", MilestoneStatus.PLANNED),
                m(2, MilestoneType.SURVEILLANCE_AUDIT_1, 2, "2026-10-09", MilestoneStatus.PLANNED),
                m(2, MilestoneType.CERTIFICATE_EXPIRY, 1, "2026-05-09", MilestoneStatus.PLANNED)), TODAY, to, 0, words));
        lanes.add(TimelineBuilder.lane(program(3, "Nothing yet", Framework.SOC2_TYPE1, null), List.of(), TODAY, to, 0, words));
        return new Timeline(range.from(TODAY), to, TODAY, lanes);
    }

    @Test
    void program_names_are_html_links_and_the_drawing_has_no_svg_links_that_break_the_router() {
        String html = TimelineDrawing.render(sample(), TimelineQuery.all());
        // the title holds the whole name where the lane has to cut it (walk of 2026-12-01)
        assertThat(html).contains("<a href=\"programs/1\" title=\"Cloud &lt;SOC 2&gt; &amp; Co\">Cloud &lt;SOC 2&gt; &amp; Co</a>",
                "<a href=\"programs/2\" title=\"ISMS\">ISMS</a>", "<a href=\"programs/3\" title=\"Nothing yet\">Nothing yet</a>");
        assertThat(html).doesNotContain("<SOC 2>");
        // an SVG <a> has an SVGAnimatedString target, which the client router calls toLowerCase() on
        Matcher svg = Pattern.compile("<svg[^>]*class=\"tl-row\".*?</svg>", Pattern.DOTALL).matcher(html);
        int rows = 0;
        while (svg.find()) {
            rows++;
            assertThat(svg.group()).doesNotContain("<a ");
        }
        assertThat(rows).isEqualTo(3);
        assertThat(html).contains("No dates planned yet");
    }

    @Test
    void the_year_axis_never_prints_two_years_over_each_other_at_its_start() {
        // "1 year back" seen on 1 December 2026 starts on 1 December 2025, one month before 2026's label
        Timeline fromDecember = new Timeline(LocalDate.parse("2025-12-01"), LocalDate.parse("2029-11-30"),
                LocalDate.parse("2026-12-01"), List.of());
        assertThat(yearLabels(TimelineDrawing.render(fromDecember, TimelineQuery.all())))
                .containsExactly("2026", "2027", "2028", "2029");
        // from 1 June there is half a year of room: 2025 is named at the start
        assertThat(yearLabels(TimelineDrawing.render(sample(), TimelineQuery.all())))
                .containsExactly("2025", "2026", "2027", "2028", "2029");
    }

    private static List<String> yearLabels(String html) {
        Matcher m = Pattern.compile("<text class=\"yt\"[^>]*>(\\d{4})</text>").matcher(html);
        List<String> years = new ArrayList<>();
        while (m.find()) {
            years.add(m.group(1));
        }
        return years;
    }

    @Test
    void colliding_marker_labels_are_merged_with_a_count_and_labels_never_overlap() {
        String html = TimelineDrawing.render(sample(), TimelineQuery.all());
        // IA 2026-10-01, MR 2026-10-05 and Surv. 1 2026-10-09 are a few units apart: one marker "IA +2"
        assertThat(html).contains(">IA +2</text>");
        assertThat(html).contains("role=\"img\"><title>3 markers: ISMS · Internal audit");
        List<TimelineDrawing.Item> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(new TimelineDrawing.Item(100 + i * 7, i % 2 == 0 ? "Fieldwork" : "Surv. 1", "PLANNED", "d", "x"));
        }
        List<TimelineDrawing.Cluster> clusters = TimelineDrawing.clusters(items);
        for (int i = 1; i < clusters.size(); i++) {
            assertThat(clusters.get(i).left()).isGreaterThanOrEqualTo(clusters.get(i - 1).right() + TimelineDrawing.LABEL_GAP);
        }
        assertThat(clusters.stream().mapToInt(c -> c.items().size()).sum()).isEqualTo(40);
    }

    @Test
    void gaps_lapses_and_statuses_are_css_classes_with_hover_text() {
        String html = TimelineDrawing.render(sample(), TimelineQuery.all());
        assertThat(html).contains("class=\"b al\" data-kind=\"COVERAGE_GAP\"", "class=\"b al\" data-kind=\"CERTIFICATE_LAPSED\"");
        assertThat(html).contains("<title>COVERAGE GAP 2025-07-01 – 2025-09-30");
        // the fieldwork of a program with two overdue tasks is at risk
        assertThat(html).containsPattern("<g class=\"mk s-AT_RISK\" tabindex=\"-1\" role=\"img\"><title>Cloud &lt;SOC 2&gt; &amp; Co · Fieldwork starts[^<]*2 tasks are overdue");
        // each marker's text once: as its <title> (hover text and accessible name), not again in an aria-label
        assertThat(html).doesNotContain("aria-label=\"Cloud &lt;SOC 2&gt; &amp; Co · Fieldwork");
        assertThat(html.substring(html.indexOf("<ul class=\"tl-lanes\""))).doesNotContain("fill=\"#");
    }

    @Test
    void grouping_by_team_makes_collapsible_sections_and_print_shows_title_date_and_filters() {
        TimelineQuery q = new TimelineQuery(TimelineRange.DEFAULT, Set.of(Framework.ISO27001), "manager", "is",
                true, TimelineQuery.Grouping.TEAM);
        String html = TimelineDrawing.render(sample(), q);
        assertThat(html).contains("<button type=\"button\" class=\"tl-toggle\" aria-expanded=\"true\" aria-controls=\"tl-g1\">Team GRC (1)</button>",
                ">Team PLATFORM (1)</button>", ">No team (1)</button>");
        assertThat(html).contains("<div class=\"tl-print-head\"><h2>Audit timeline</h2><p>Printed 2026-06-15 · 2025-06-01 to 2029-06-30 · "
                + "Filters: ISO/IEC 27001 · owner manager · name contains &quot;is&quot; · at risk only · grouped by team</p></div>");
    }

    @Test
    void the_same_timeline_draws_the_same_markup() throws Exception {
        String html = TimelineDrawing.render(sample(), TimelineQuery.all(), Map.of(2L, List.of(new LifecycleFigures.FindingFigure(
                2L, "MAJOR_NONCONFORMITY", "Access reviews not done", LocalDate.parse("2025-12-01"), null, false))), List.of());
        assertThat(html).contains(">Major NC</text>", "Open major nonconformity: Access reviews not done, raised 2025-12-01");
        assertThat(TimelineDrawing.render(sample(), TimelineQuery.all(), Map.of(2L, List.of(new LifecycleFigures.FindingFigure(
                2L, "MAJOR_NONCONFORMITY", "Access reviews not done", LocalDate.parse("2025-12-01"), null, false))), List.of()))
                .isEqualTo(html);
        Path out = Path.of("target", "timeline-sample.html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, html);
    }

    @Test
    void a_german_reader_gets_german_legend_print_header_lanes_and_marker_texts_with_german_dates() {
        Timeline german = germanSample();
        TimelineQuery q = new TimelineQuery(TimelineRange.DEFAULT, Set.of(Framework.ISO27001), "manager", "is",
                true, TimelineQuery.Grouping.TEAM);
        String html = TimelineDrawing.render(german, q, Map.of(2L, List.of(new LifecycleFigures.FindingFigure(
                2L, "MAJOR_NONCONFORMITY", "Zugriffsprüfungen fehlen", LocalDate.parse("2025-12-01"), null, false))), List.of(),
                java.util.Locale.GERMAN);
        assertThat(html).contains("<summary>Legende</summary>", "<ul class=\"tl-legend\" aria-label=\"Legende\">",
                "</span>Erledigt</li>", "</span>Gefährdet</li>", "Abdeckungslücke / erloschen", "Gemeinsames Audit (gestrichelt: vorgeschlagen)");
        assertThat(html).contains("<div class=\"tl-print-head\"><h2>Audit-Zeitleiste</h2><p>Gedruckt am 15.06.2026 · 01.06.2025 bis 30.06.2029 · "
                + "Filter: ISO/IEC 27001 · verantwortlich: manager · Name enthält „is“ · nur gefährdete · gruppiert nach Team</p></div>");
        assertThat(html).contains("<div class=\"tl-corner\">Programm</div>", ">Kein Team (1)</button>");
        // the fieldwork marker: German milestone name, days, status and the overdue reason
        assertThat(html).contains("<title>Cloud &lt;SOC 2&gt; &amp; Co · Beginn der Prüfung vor Ort (Zyklus 2) Geplant am 03.08.2026 · Geplant "
                + "Gefährdet: 2 Aufgaben sind überfällig (03.08.2026)</title>",
                "Gefährdet: 2 Aufgaben sind überfällig (03.08.2026)");
        assertThat(html).contains("<title>ABDECKUNGSLÜCKE 01.07.2025 – 30.09.2025: kein SOC-2-Berichtszeitraum deckt diese 92 Tage ab</title>");
        assertThat(html).contains(">IA +2</text>", "<title>3 Markierungen: ISMS · Internes Audit",
                "Offene Hauptabweichung: Zugriffsprüfungen fehlen, festgestellt am 01.12.2025", ">Hauptabw.</text>",
                "Noch keine Termine geplant", "Mit den Pfeiltasten wechseln Sie zwischen den Markierungen.");
        assertThat(html).doesNotContain("Legend<", "Printed", "Planned ", "markers", "COVERAGE GAP", "2026-08-03");
    }

    @Test
    void the_english_drawing_reads_as_before_when_asked_for_english() {
        Timeline english = sample();
        String html = TimelineDrawing.render(english, TimelineQuery.all(), Map.of(), List.of(), java.util.Locale.ENGLISH);
        assertThat(html).isEqualTo(TimelineDrawing.render(english, TimelineQuery.all()));
        assertThat(html).contains("<summary>Legend</summary>", "</span>Done</li>", "<div class=\"tl-corner\">Program</div>",
                "<h2>Audit timeline</h2><p>Printed 2026-06-15 · 2025-06-01 to 2029-06-30 · Filters: all frameworks · all owners</p>",
                "Cloud &lt;SOC 2&gt; &amp; Co · Fieldwork starts (cycle 2) Planned 2026-08-03 · Planned At risk: 2 tasks are overdue (2026-08-03)</title>",
                "At risk: 2 tasks are overdue (2026-08-03)", "<title>COVERAGE GAP 2025-07-01 – 2025-09-30: no SOC 2 report period covers these 92 days</title>",
                "Use the arrow keys to move between markers.", ">IA +2<");
    }

    static Timeline germanSample() {
        return sample(DashboardWords.of(java.util.Locale.GERMAN));
    }
}
