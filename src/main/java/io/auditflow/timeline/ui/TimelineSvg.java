package io.auditflow.timeline.ui;

import static java.time.temporal.ChronoUnit.DAYS;

import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.timeline.BarKind;
import io.auditflow.timeline.ProgramLane;
import io.auditflow.timeline.Timeline;
import io.auditflow.timeline.TimelineBar;
import io.auditflow.timeline.TimelineMarker;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Draws a {@link Timeline} as one self-contained SVG string: deterministic (same model, same
 * markup), printable, and testable without a browser. Hover text comes from SVG {@code <title>},
 * clicks from {@code <a href>}.
 */
final class TimelineSvg {

    static final int WIDTH = 1400;
    static final int LABEL_WIDTH = 270;
    static final int RIGHT_PAD = 24;
    static final int LEGEND_HEIGHT = 58;
    static final int AXIS_HEIGHT = 38;
    static final int LANE_HEIGHT = 58;
    static final int TOP = LEGEND_HEIGHT + AXIS_HEIGHT;

    static final String DONE = "#2e7d32";
    static final String PLANNED = "#1565c0";
    static final String AT_RISK = "#ef6c00";
    static final String MISSED = "#c62828";
    static final String GAP = "#b71c1c";

    private final Timeline timeline;
    private final long totalDays;
    private final StringBuilder svg = new StringBuilder(64 * 1024);

    private TimelineSvg(Timeline timeline) {
        this.timeline = timeline;
        this.totalDays = Math.max(1, DAYS.between(timeline.from(), timeline.to()) + 1);
    }

    static String render(Timeline timeline) {
        return new TimelineSvg(timeline).draw();
    }

    static String colour(MilestoneStatus status) {
        return switch (status) {
            case DONE -> DONE;
            case PLANNED -> PLANNED;
            case AT_RISK -> AT_RISK;
            case MISSED -> MISSED;
        };
    }

    private String draw() {
        int lanes = Math.max(1, timeline.lanes().size());
        int height = TOP + lanes * LANE_HEIGHT + 30;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline-svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"100%\" role=\"img\" aria-label=\"")
                .append("Audit timeline from ").append(timeline.from()).append(" to ").append(timeline.to())
                .append("\" font-family=\"Inter, Segoe UI, system-ui, sans-serif\" font-size=\"13\">");
        svg.append("<defs><pattern id=\"af-hatch\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" ")
                .append("patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffcdd2\"/>")
                .append("<rect width=\"4\" height=\"8\" fill=\"").append(GAP).append("\"/></pattern>")
                .append("<clipPath id=\"af-chart\"><rect x=\"").append(LABEL_WIDTH).append("\" y=\"0\" width=\"")
                .append(chartRight() - LABEL_WIDTH).append("\" height=\"").append(height).append("\"/></clipPath></defs>");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        legend();
        axis(height);
        if (timeline.lanes().isEmpty()) {
            text(LABEL_WIDTH + 12, TOP + 34, "No programs match the filter.", "#555", 14, "normal", null);
        }
        for (int i = 0; i < timeline.lanes().size(); i++) {
            lane(timeline.lanes().get(i), TOP + i * LANE_HEIGHT, i);
        }
        today(height);
        svg.append("</svg>");
        return svg.toString();
    }

    private int chartRight() {
        return WIDTH - RIGHT_PAD;
    }

    /** The x of the start of a day. */
    double x(LocalDate day) {
        double fraction = (double) DAYS.between(timeline.from(), day) / totalDays;
        return LABEL_WIDTH + fraction * (chartRight() - LABEL_WIDTH);
    }

    private boolean visible(LocalDate day) {
        return !day.isBefore(timeline.from()) && !day.isAfter(timeline.to());
    }

    private void legend() {
        int y = 20;
        text(12, y + 4, "Status:", "#333", 13, "600", null);
        double x = 74;
        for (MilestoneStatus st : MilestoneStatus.values()) {
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y - 8)
                    .append("\" width=\"14\" height=\"14\" rx=\"3\" fill=\"").append(colour(st)).append("\"/>");
            x = legendText(x + 20, y, io.auditflow.timeline.TimelineBuilder.statusLabel(st), "#333", "normal");
        }
        svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y - 8)
                .append("\" width=\"26\" height=\"14\" fill=\"url(#af-hatch)\" stroke=\"").append(GAP).append("\"/>");
        x = legendText(x + 32, y, "Coverage gap / certificate lapsed", GAP, "700");
        svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(y - 10).append("\" x2=\"").append(fmt(x))
                .append("\" y2=\"").append(y + 8).append("\" stroke=\"#d32f2f\" stroke-width=\"2.5\"/>");
        legendText(x + 8, y, "Today (" + timeline.today() + ")", "#d32f2f", "600");

        int y2 = 44;
        text(12, y2 + 4, "Bars:", "#333", 13, "600", null);
        x = 74;
        barSwatch(x, y2, 1.0);
        x = legendText(x + 32, y2, "SOC 2 window / ISO certificate", "#333", "normal");
        barSwatch(x, y2, 0.45);
        x = legendText(x + 32, y2, "SOC 2 report current", "#333", "normal");
        x = legendText(x + 10, y2, "Markers:", "#333", "600");
        shape(MilestoneType.STAGE2_AUDIT, x + 8, y2, "#555");
        x = legendText(x + 22, y2, "External audit", "#333", "normal");
        shape(MilestoneType.REPORT_ISSUED, x + 8, y2, "#555");
        x = legendText(x + 22, y2, "Report / decision", "#333", "normal");
        shape(MilestoneType.BRIDGE_LETTER, x + 8, y2, "#555");
        x = legendText(x + 22, y2, "Bridge letter", "#333", "normal");
        shape(MilestoneType.CERTIFICATE_EXPIRY, x + 8, y2, "#555");
        x = legendText(x + 22, y2, "Certificate expiry", "#333", "normal");
        shape(MilestoneType.INTERNAL_AUDIT, x + 8, y2, "#555");
        legendText(x + 22, y2, "Internal audit / mgmt review", "#333", "normal");
    }

    /** Writes a legend label and returns the x after it, estimated from the text length. */
    private double legendText(double x, int y, String label, String fill, String weight) {
        text(x, y + 4, label, fill, 13, weight, null);
        return x + label.length() * ("normal".equals(weight) ? 6.4 : 7.3) + 20;
    }

    private void barSwatch(double x, int y, double opacity) {
        svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y - 7).append("\" width=\"26\" height=\"12\" rx=\"3\" fill=\"")
                .append(PLANNED).append("\" fill-opacity=\"").append(opacity).append("\"/>");
    }

    private void axis(int height) {
        int top = LEGEND_HEIGHT;
        svg.append("<g class=\"axis\">");
        svg.append("<rect x=\"0\" y=\"").append(top).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(AXIS_HEIGHT).append("\" fill=\"#f5f7fa\"/>");
        text(12, top + 24, "Program", "#333", 13, "700", null);
        boolean months = totalDays <= 800;
        LocalDate tick = timeline.from().withDayOfMonth(1);
        while (!tick.isAfter(timeline.to())) {
            if (!tick.isBefore(timeline.from())) {
                double x = x(tick);
                boolean year = tick.getMonth() == Month.JANUARY;
                boolean quarter = (tick.getMonthValue() - 1) % 3 == 0;
                if (year || quarter || months) {
                    svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(year ? top : top + 22)
                            .append("\" x2=\"").append(fmt(x)).append("\" y2=\"").append(height - 26)
                            .append("\" stroke=\"").append(year ? "#90a4ae" : "#e0e4e8")
                            .append("\" stroke-width=\"").append(year ? 1.5 : 1).append("\"/>");
                }
                if (year || tick.equals(timeline.from().withDayOfMonth(1)) && tick.getMonthValue() <= 10) {
                    text(x + 4, top + 15, String.valueOf(tick.getYear()), "#263238", 13, "700", null);
                }
                String label = months ? tick.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                        : quarter ? "Q" + ((tick.getMonthValue() - 1) / 3 + 1) : null;
                if (label != null) {
                    text(x + 4, top + 33, label, "#546e7a", 11, "normal", null);
                }
            }
            tick = tick.plusMonths(1);
        }
        svg.append("<line x1=\"0\" y1=\"").append(top + AXIS_HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(top + AXIS_HEIGHT).append("\" stroke=\"#b0bec5\"/>");
        svg.append("</g>");
    }

    private void lane(ProgramLane lane, int y, int index) {
        svg.append("<g class=\"lane\" data-program=\"").append(lane.programId()).append("\">");
        if (index % 2 == 1) {
            svg.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"").append(WIDTH).append("\" height=\"")
                    .append(LANE_HEIGHT).append("\" fill=\"#fafbfc\"/>");
        }
        svg.append("<line x1=\"0\" y1=\"").append(y + LANE_HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(y + LANE_HEIGHT).append("\" stroke=\"#eceff1\"/>");
        // lane label: a link to the program
        svg.append("<a class=\"lane-link\" href=\"programs/").append(lane.programId()).append("\">");
        svg.append("<title>").append(esc(lane.name() + " — open the program")).append("</title>");
        text(12, y + 21, shorten(lane.name(), 34), "#0d47a1", 14, "700", null);
        String sub = (lane.framework() == null ? "" : lane.framework().label())
                + (lane.ownerName() == null ? "" : " · " + lane.ownerName());
        text(12, y + 38, shorten(sub, 40), "#546e7a", 12, "normal", null);
        svg.append("</a>");
        if (lane.hasAlarm()) {
            boolean lapsed = lane.bars().stream().anyMatch(b -> b.kind() == BarKind.CERTIFICATE_LAPSED);
            text(12, y + 53, lapsed ? "⚠ Certificate lapsed" : "⚠ Coverage gap", GAP, 12, "700", null);
        }

        svg.append("<g clip-path=\"url(#af-chart)\">");
        if (!lane.hasDates()) {
            svg.append("<rect class=\"no-dates\" x=\"").append(LABEL_WIDTH + 4).append("\" y=\"").append(y + 16)
                    .append("\" width=\"").append(chartRight() - LABEL_WIDTH - 8).append("\" height=\"26\" rx=\"4\" ")
                    .append("fill=\"none\" stroke=\"#b0bec5\" stroke-dasharray=\"6 4\"><title>")
                    .append(esc(lane.name() + ": no dates planned yet"
                            + (lane.undated().isEmpty() ? "" : "\nUndated: " + String.join(", ", lane.undated()))))
                    .append("</title></rect>");
            text(LABEL_WIDTH + 16, y + 34, lane.undated().isEmpty() ? "No dates planned yet"
                    : "No dates planned yet (undated: " + String.join(", ", lane.undated()) + ")", "#78909c", 12,
                    "normal", "italic");
        }
        for (TimelineBar bar : lane.bars()) {
            if (!bar.kind().isAlarm()) {
                bar(lane, bar, y);
            }
        }
        for (TimelineBar bar : lane.bars()) {
            if (bar.kind().isAlarm()) {
                alarm(lane, bar, y);
            }
        }
        for (TimelineMarker m : lane.markers()) {
            marker(lane, m, y);
        }
        svg.append("</g></g>");
    }

    private void bar(ProgramLane lane, TimelineBar bar, int y) {
        if (bar.end().isBefore(timeline.from()) || bar.start().isAfter(timeline.to())) {
            return;
        }
        boolean report = bar.kind() == BarKind.REPORT_CURRENT;
        double x1 = x(max(bar.start(), timeline.from()));
        double x2 = x(min(bar.end(), timeline.to()).plusDays(1));
        int top = report ? y + 41 : y + 21;
        int h = report ? 11 : 17;
        svg.append("<a href=\"programs/").append(lane.programId()).append("\">");
        svg.append("<rect class=\"bar\" data-kind=\"").append(bar.kind()).append("\" data-status=\"").append(bar.status())
                .append("\" x=\"").append(fmt(x1)).append("\" y=\"").append(top).append("\" width=\"")
                .append(fmt(Math.max(2, x2 - x1))).append("\" height=\"").append(h).append("\" rx=\"4\" fill=\"")
                .append(colour(bar.status())).append("\" fill-opacity=\"").append(report ? "0.45" : "0.9").append("\">")
                .append("<title>").append(esc(lane.name() + "\n" + bar.details())).append("</title></rect>");
        String label = switch (bar.kind()) {
            case OBSERVATION_WINDOW -> "Observation " + bar.start().getYear()
                    + (bar.end().getYear() != bar.start().getYear() ? "/" + String.valueOf(bar.end().getYear()).substring(2) : "");
            case CERTIFICATE_VALID -> "Certificate " + bar.start().getYear() + "–" + bar.end().getYear();
            case REPORT_CURRENT -> "report current";
            default -> "";
        };
        double width = x2 - x1;
        if (!report && width > label.length() * 7 + 16) {
            text(x1 + 8, top + 13, label, "#ffffff", 12, "600", null);
        } else if (report && width > 110) {
            text(x1 + 6, top + 9, label, "#0d2744", 10, "normal", null);
        }
        svg.append("</a>");
    }

    private void alarm(ProgramLane lane, TimelineBar bar, int y) {
        if (bar.end().isBefore(timeline.from()) || bar.start().isAfter(timeline.to())) {
            return;
        }
        double x1 = x(max(bar.start(), timeline.from()));
        double x2 = x(min(bar.end(), timeline.to()).plusDays(1));
        double w = Math.max(4, x2 - x1);
        svg.append("<a href=\"programs/").append(lane.programId()).append("\">");
        svg.append("<rect class=\"bar alarm\" data-kind=\"").append(bar.kind()).append("\" data-status=\"")
                .append(bar.status()).append("\" x=\"").append(fmt(x1)).append("\" y=\"").append(y + 6)
                .append("\" width=\"").append(fmt(w)).append("\" height=\"").append(LANE_HEIGHT - 12)
                .append("\" fill=\"url(#af-hatch)\" stroke=\"").append(GAP).append("\" stroke-width=\"2\">")
                .append("<title>").append(esc(lane.name() + "\n" + bar.details())).append("</title></rect>");
        String label = bar.kind() == BarKind.CERTIFICATE_LAPSED ? "LAPSED" : "COVERAGE GAP";
        if (w < label.length() * 9 + 18) {
            label = bar.kind() == BarKind.CERTIFICATE_LAPSED ? "LAPSED" : "GAP";
        }
        int labelWidth = label.length() * 9 + 14;
        if (w > labelWidth + 4) {
            double lx = x1 + Math.min(8, (w - labelWidth) / 2);
            svg.append("<rect x=\"").append(fmt(lx)).append("\" y=\"").append(y + 19).append("\" width=\"").append(labelWidth)
                    .append("\" height=\"20\" rx=\"3\" fill=\"#ffffff\" stroke=\"").append(GAP).append("\"/>");
            text(lx + 7, y + 34, label, GAP, 12, "800", null);
        }
        svg.append("</a>");
    }

    private void marker(ProgramLane lane, TimelineMarker m, int y) {
        if (!visible(m.date())) {
            return;
        }
        double cx = x(m.date()) + (x(m.date().plusDays(1)) - x(m.date())) / 2;
        int cy = y + 11;
        svg.append("<a href=\"programs/").append(lane.programId()).append("\">");
        svg.append("<g class=\"marker\" data-type=\"").append(m.type()).append("\" data-status=\"").append(m.status())
                .append("\" data-date=\"").append(m.date()).append("\">");
        svg.append("<title>").append(esc(m.details())).append("</title>");
        shape(m.type(), cx, cy, colour(m.status()));
        svg.append("</g></a>");
    }

    private void shape(MilestoneType type, double cx, double cy, String fill) {
        String stroke = "\" stroke=\"#ffffff\" stroke-width=\"1.8\"/>";
        switch (type) {
            case REPORT_ISSUED, CERTIFICATION_DECISION -> svg.append("<circle cx=\"").append(fmt(cx)).append("\" cy=\"")
                    .append(fmt(cy)).append("\" r=\"7\" fill=\"").append(fill).append(stroke);
            case BRIDGE_LETTER -> svg.append("<rect x=\"").append(fmt(cx - 6)).append("\" y=\"").append(fmt(cy - 6))
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(fill).append(stroke);
            case CERTIFICATE_EXPIRY -> svg.append("<path d=\"M").append(fmt(cx - 8)).append(' ').append(fmt(cy - 8))
                    .append(" L").append(fmt(cx + 8)).append(' ').append(fmt(cy - 8)).append(" L").append(fmt(cx))
                    .append(' ').append(fmt(cy + 8)).append(" Z\" fill=\"").append(fill).append(stroke);
            case INTERNAL_AUDIT, MANAGEMENT_REVIEW -> svg.append("<circle cx=\"").append(fmt(cx)).append("\" cy=\"")
                    .append(fmt(cy)).append("\" r=\"4.5\" fill=\"#ffffff\" stroke=\"").append(fill)
                    .append("\" stroke-width=\"2.5\"/>");
            default -> svg.append("<path d=\"M").append(fmt(cx)).append(' ').append(fmt(cy - 9)).append(" L")
                    .append(fmt(cx + 9)).append(' ').append(fmt(cy)).append(" L").append(fmt(cx)).append(' ')
                    .append(fmt(cy + 9)).append(" L").append(fmt(cx - 9)).append(' ').append(fmt(cy))
                    .append(" Z\" fill=\"").append(fill).append(stroke);
        }
    }

    private void today(int height) {
        LocalDate today = timeline.today();
        if (!visible(today)) {
            return;
        }
        double x = x(today) + (x(today.plusDays(1)) - x(today)) / 2;
        svg.append("<g class=\"today\" data-date=\"").append(today).append("\"><line x1=\"").append(fmt(x))
                .append("\" y1=\"").append(LEGEND_HEIGHT + 2).append("\" x2=\"").append(fmt(x)).append("\" y2=\"")
                .append(height - 22).append("\" stroke=\"#d32f2f\" stroke-width=\"2.5\"/>");
        svg.append("<rect x=\"").append(fmt(x - 68)).append("\" y=\"").append(height - 24)
                .append("\" width=\"136\" height=\"20\" rx=\"10\" fill=\"#d32f2f\"/>");
        text(x - 58, height - 10, "Today " + today, "#ffffff", 12, "700", null);
        svg.append("<title>Today ").append(today).append("</title></g>");
    }

    private void text(double x, double y, String value, String fill, int size, String weight, String style) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" fill=\"").append(fill)
                .append("\" font-size=\"").append(size).append("\" font-weight=\"").append(weight).append('"');
        if (style != null) {
            svg.append(" font-style=\"").append(style).append('"');
        }
        svg.append('>').append(esc(value)).append("</text>");
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
