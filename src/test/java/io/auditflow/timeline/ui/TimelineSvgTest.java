package io.auditflow.timeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.timeline.ProgramLane;
import io.auditflow.timeline.Timeline;
import io.auditflow.timeline.TimelineBuilder;
import io.auditflow.timeline.TimelineRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TimelineSvgTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-15");

    static Program program(long id, String name, Framework framework) {
        return new Program(id, name, framework, Set.of(), null, null, "manager", "Maya Manager", "grc", "GRC", false,
                Instant.EPOCH, Instant.EPOCH);
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
        TimelineRange range = TimelineRange.DEFAULT;
        LocalDate to = range.to(TODAY);
        List<ProgramLane> lanes = new ArrayList<>();
        lanes.add(TimelineBuilder.lane(program(1, "Cloud <SOC 2> & Co", Framework.SOC2_TYPE2), List.of(
                m(1, MilestoneType.OBSERVATION_START, 1, "2024-07-01", MilestoneStatus.DONE),
                m(1, MilestoneType.OBSERVATION_END, 1, "2025-06-30", MilestoneStatus.DONE),
                m(1, MilestoneType.REPORT_ISSUED, 1, "2025-09-01", MilestoneStatus.DONE),
                m(1, MilestoneType.OBSERVATION_START, 2, "2025-10-01", MilestoneStatus.DONE),
                m(1, MilestoneType.OBSERVATION_END, 2, "2026-09-30", MilestoneStatus.PLANNED),
                m(1, MilestoneType.FIELDWORK_START, 2, "2026-08-03", MilestoneStatus.PLANNED),
                m(1, MilestoneType.REPORT_ISSUED, 2, "2026-12-01", MilestoneStatus.PLANNED)), TODAY, to, 2));
        lanes.add(TimelineBuilder.lane(program(2, "ISMS", Framework.ISO27001), List.of(
                m(2, MilestoneType.CERTIFICATION_DECISION, 1, "2023-05-10", MilestoneStatus.DONE),
                m(2, MilestoneType.CERTIFICATE_EXPIRY, 1, "2026-05-09", MilestoneStatus.PLANNED)), TODAY, to, 0));
        lanes.add(TimelineBuilder.lane(program(3, "Nothing yet", Framework.SOC2_TYPE1), List.of(), TODAY, to, 0));
        return new Timeline(range.from(TODAY), to, TODAY, lanes);
    }

    @Test
    void every_lane_links_to_its_program_and_a_program_without_dates_still_appears() {
        String svg = TimelineSvg.render(sample());
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg).contains("href=\"programs/1\"", "href=\"programs/2\"", "href=\"programs/3\"");
        assertThat(svg).contains("Cloud &lt;SOC 2&gt; &amp; Co").doesNotContain("<SOC 2>");
        assertThat(svg).contains("No dates planned yet");
    }

    @Test
    void gaps_and_lapses_are_hatched_red_with_a_label_and_hover_text() {
        String svg = TimelineSvg.render(sample());
        assertThat(svg).contains("data-kind=\"COVERAGE_GAP\"", "data-kind=\"CERTIFICATE_LAPSED\"");
        assertThat(svg).contains("font-weight=\"800\">GAP<", "font-weight=\"800\">LAPSED<");
        assertThat(svg).contains("<title>Cloud &lt;SOC 2&gt; &amp; Co\nCOVERAGE GAP 2025-07-01 – 2025-09-30");
        Matcher gap = Pattern.compile("<rect class=\"bar alarm\" data-kind=\"COVERAGE_GAP\"[^>]*fill=\"url\\(#af-hatch\\)\"")
                .matcher(svg);
        assertThat(gap.find()).isTrue();
    }

    @Test
    void colours_follow_status_and_overdue_tasks_show_as_at_risk() {
        String svg = TimelineSvg.render(sample());
        // fieldwork of cycle 2 is the next audit of a program with 2 overdue tasks
        Matcher fieldwork = Pattern.compile("<g class=\"marker\" data-type=\"FIELDWORK_START\" data-status=\"AT_RISK\""
                + " data-date=\"2026-08-03\"><title>[^<]*2 tasks are overdue</title><path [^>]*fill=\"#ef6c00\"").matcher(svg);
        assertThat(fieldwork.find()).isTrue();
        assertThat(svg).contains("data-kind=\"OBSERVATION_WINDOW\" data-status=\"DONE\"");
        assertThat(svg).contains("data-type=\"CERTIFICATE_EXPIRY\" data-status=\"MISSED\"");
    }

    @Test
    void the_today_line_sits_at_todays_position_on_the_axis() {
        Timeline t = sample();
        String svg = TimelineSvg.render(t);
        Matcher today = Pattern.compile("<g class=\"today\" data-date=\"2026-06-15\"><line x1=\"([0-9.]+)\"").matcher(svg);
        assertThat(today.find()).isTrue();
        double x = Double.parseDouble(today.group(1));
        double chart = TimelineSvg.WIDTH - TimelineSvg.RIGHT_PAD - TimelineSvg.LABEL_WIDTH;
        double days = java.time.temporal.ChronoUnit.DAYS.between(t.from(), t.to()) + 1;
        double expected = TimelineSvg.LABEL_WIDTH + (java.time.temporal.ChronoUnit.DAYS.between(t.from(), TODAY) + 0.5)
                / days * chart;
        assertThat(x).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.2));
        assertThat(svg).contains(">2025<", ">2026<", ">2027<", ">2028<", ">2029<");
    }

    @Test
    void the_same_timeline_renders_the_same_markup() throws Exception {
        String svg = TimelineSvg.render(sample());
        assertThat(TimelineSvg.render(sample())).isEqualTo(svg);
        Path out = Path.of("target", "timeline-sample.svg");
        Files.createDirectories(out.getParent());
        Files.writeString(out, svg);
    }
}
