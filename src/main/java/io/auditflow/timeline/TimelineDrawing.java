package io.auditflow.timeline;

import static java.time.temporal.ChronoUnit.DAYS;

import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link Timeline} as an HTML fragment: a sticky header of years, then one row per program
 * with a sticky name column (a real link) and a small SVG of its bars and markers. Served as its own
 * compressed, ETag-cached resource (see {@link TimelineDrawingController}) so no session keeps it.
 * Colours come from CSS classes (theme), not attributes, to keep the markup small. Marker labels that
 * would collide are merged into one marker with a count, so labels never overlap. Keyboard: each
 * lane is a focusable group; arrow keys move between its markers (the view's script). Deterministic:
 * the same model gives the same markup.
 */
public final class TimelineDrawing {

    /** Width of a lane's drawing in SVG units; the browser scales it uniformly. */
    public static final int WIDTH = 1100;
    public static final int LANE_HEIGHT = 56;
    static final int AXIS_HEIGHT = 30;
    /** Marker label font size and the width one character is assumed to take, in SVG units (generous). */
    static final int LABEL_FONT = 10;
    static final double CHAR_WIDTH = 6.4;
    static final double LABEL_GAP = 6;

    private final Timeline timeline;
    private final TimelineQuery query;
    private final Map<Long, List<LifecycleFigures.FindingFigure>> majors;
    private final List<TimelineOverlay.OverlayBar> overlays;
    private final long totalDays;
    private final DashboardWords words;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private TimelineDrawing(Timeline timeline, TimelineQuery query, Map<Long, List<LifecycleFigures.FindingFigure>> majors,
                            List<TimelineOverlay.OverlayBar> overlays, DashboardWords words) {
        this.words = words;
        this.timeline = timeline;
        this.query = query;
        this.majors = majors;
        this.overlays = overlays;
        this.totalDays = Math.max(1, DAYS.between(timeline.from(), timeline.to()) + 1);
    }

    public static String render(Timeline timeline, TimelineQuery query) {
        return render(timeline, query, Map.of(), List.of());
    }

    public static String render(Timeline timeline, TimelineQuery query,
                                Map<Long, List<LifecycleFigures.FindingFigure>> majorFindings,
                                List<TimelineOverlay.OverlayBar> overlays) {
        return render(timeline, query, majorFindings, overlays, Locale.ENGLISH);
    }

    /**
     * The drawing in one reader's words and date format (legend, print header, group heads, marker texts,
     * month letters). The lanes' own texts come from {@link TimelineService#timeline(TimelineQuery, Locale)}
     * in the same language; overlays bring their own words.
     */
    public static String render(Timeline timeline, TimelineQuery query,
                                Map<Long, List<LifecycleFigures.FindingFigure>> majorFindings,
                                List<TimelineOverlay.OverlayBar> overlays, Locale locale) {
        return new TimelineDrawing(timeline, query, majorFindings, overlays, DashboardWords.of(locale)).draw();
    }

    private String draw() {
        out.append("<div class=\"tl\" data-lanes=\"").append(timeline.lanes().size()).append("\">");
        out.append("<div class=\"tl-print-head\"><h2>").append(esc(words.text("drawing.title"))).append("</h2><p>")
                .append(esc(words.text("drawing.printed", words.date(timeline.today()), words.date(timeline.from()),
                        words.date(timeline.to()), query.describe(words))))
                .append("</p></div>");
        out.append("<svg class=\"tl-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>")
                .append("<pattern id=\"af-hatch\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" ")
                .append("patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffcdd2\"/>")
                .append("<rect width=\"4\" height=\"8\" fill=\"#b71c1c\"/></pattern>")
                .append("<path id=\"mk-d\" d=\"M0-8L8 0L0 8L-8 0Z\"/><circle id=\"mk-c\" r=\"6.5\"/>")
                .append("<rect id=\"mk-s\" x=\"-6\" y=\"-6\" width=\"12\" height=\"12\"/><path id=\"mk-t\" d=\"M-8-7H8L0 8Z\"/>")
                .append("<circle id=\"mk-o\" r=\"4.5\"/><path id=\"mk-x\" d=\"M-7-7H7V7H-7Z\"/></defs></svg>");
        legend();
        out.append("<div class=\"tl-scroll\">");
        header();
        if (timeline.lanes().isEmpty()) {
            out.append("<p class=\"tl-empty\">").append(esc(words.text("drawing.empty"))).append("</p>");
        }
        Map<String, List<ProgramLane>> groups = groups();
        int g = 0;
        for (Map.Entry<String, List<ProgramLane>> group : groups.entrySet()) {
            g++;
            boolean grouped = query.grouping() != TimelineQuery.Grouping.NONE;
            if (grouped) {
                out.append("<section class=\"tl-group\"><h3 class=\"tl-group-head\"><button type=\"button\" class=\"tl-toggle\" ")
                        .append("aria-expanded=\"true\" aria-controls=\"tl-g").append(g).append("\">")
                        .append(esc(group.getKey())).append(" (").append(group.getValue().size()).append(")</button></h3>");
            }
            out.append("<ul class=\"tl-lanes\" id=\"tl-g").append(g).append("\">");
            for (ProgramLane lane : group.getValue()) {
                lane(lane);
            }
            out.append("</ul>");
            if (grouped) {
                out.append("</section>");
            }
        }
        out.append("</div></div>");
        return out.toString();
    }

    private Map<String, List<ProgramLane>> groups() {
        Map<String, List<ProgramLane>> groups = new LinkedHashMap<>();
        List<ProgramLane> lanes = new ArrayList<>(timeline.lanes());
        switch (query.grouping()) {
            case NONE -> groups.put("", lanes);
            case FRAMEWORK -> {
                lanes.sort(Comparator.comparing(l -> l.framework() == null ? "~" : framework(l)));
                lanes.forEach(l -> groups.computeIfAbsent(l.framework() == null ? words.text("drawing.group.noFramework")
                        : framework(l), k -> new ArrayList<>()).add(l));
            }
            case TEAM -> {
                lanes.sort(Comparator.comparing((ProgramLane l) -> l.teamName() == null && l.team() == null)
                        .thenComparing(this::teamOf));
                lanes.forEach(l -> groups.computeIfAbsent(teamOf(l), k -> new ArrayList<>()).add(l));
            }
        }
        return groups;
    }

    private String framework(ProgramLane lane) {
        return lane.framework() == null ? "" : words.label(lane.framework());
    }

    private String teamOf(ProgramLane lane) {
        return lane.teamName() != null ? words.text("drawing.group.team", lane.teamName())
                : lane.team() != null ? words.text("drawing.group.team", lane.team()) : words.text("drawing.group.noTeam");
    }

    /** The legend, in a disclosure that the view closes on narrow screens (open otherwise and in print). */
    private void legend() {
        String legend = esc(words.text("drawing.legend"));
        out.append("<details class=\"tl-legend-box\" open><summary>").append(legend).append("</summary>")
                .append("<ul class=\"tl-legend\" aria-label=\"").append(legend).append("\">");
        for (MilestoneStatus s : List.of(MilestoneStatus.DONE, MilestoneStatus.PLANNED, MilestoneStatus.AT_RISK, MilestoneStatus.MISSED)) {
            out.append("<li><span class=\"lg s-").append(s.name()).append("\"></span>").append(esc(words.label(s))).append("</li>");
        }
        out.append("<li><span class=\"lg gap\"></span>").append(esc(words.text("drawing.legend.gap"))).append("</li>")
                .append("<li><span class=\"lg rp\"></span>").append(esc(words.text("drawing.legend.report"))).append("</li>")
                .append("<li><span class=\"lg ov\"></span>").append(esc(words.text("drawing.legend.fieldwork"))).append("</li>")
                .append("<li>").append(esc(words.text("drawing.legend.shapes"))).append("</li>")
                .append("<li><span class=\"lg joint-accepted\"></span>").append(esc(words.text("drawing.legend.joint"))).append("</li>")
                .append("<li>").append(esc(words.text("drawing.legend.merged"))).append("</li></ul></details>");
    }

    private void header() {
        out.append("<div class=\"tl-head\" aria-hidden=\"true\"><div class=\"tl-corner\">").append(esc(words.text("drawing.corner"))).append("</div>")
                .append("<svg class=\"tl-axis\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(AXIS_HEIGHT)
                .append("\" preserveAspectRatio=\"none\">");
        LocalDate tick = timeline.from().withDayOfMonth(1);
        boolean sparse = totalDays > 800;
        while (!tick.isAfter(timeline.to())) {
            double x = x(tick);
            boolean first = tick.equals(timeline.from().withDayOfMonth(1));
            if (tick.getMonth() == Month.JANUARY || first) {
                out.append("<path class=\"yr\" d=\"M").append(fmt(x)).append(" 0V30\"/>");
                // The range's first month names its year only with room before the next January's label:
                // a range from 1 December would otherwise print "2025" and "2026" over each other.
                if (!first || tick.getMonth() == Month.JANUARY || tick.getMonthValue() <= 10) {
                    out.append("<text class=\"yt\" x=\"").append(fmt(x + 4)).append("\" y=\"13\">").append(tick.getYear())
                            .append("</text>");
                }
            } else if (!sparse || tick.getMonthValue() % 3 == 1) {
                out.append("<path class=\"mo\" d=\"M").append(fmt(x)).append(" 18V30\"/>");
                if (!sparse) {
                    out.append("<text class=\"mt\" x=\"").append(fmt(x + 2)).append("\" y=\"27\">")
                            .append(tick.getMonth().getDisplayName(TextStyle.SHORT, words.locale()).charAt(0)).append("</text>");
                }
            }
            tick = tick.plusMonths(1);
        }
        if (visible(timeline.today())) {
            out.append("<path class=\"td\" d=\"M").append(fmt(mid(timeline.today()))).append(" 0V30\"/>");
        }
        out.append("</svg></div>");
    }

    private void lane(ProgramLane lane) {
        List<Item> items = items(lane);
        String alarm = lane.hasAlarm() ? words.text(lane.bars().stream().anyMatch(b -> b.kind() == BarKind.CERTIFICATE_LAPSED)
                ? "drawing.alarm.lapsed" : "drawing.alarm.gap") : null;
        boolean attention = LifecycleFiguresAdapter.needsAttention(lane);
        out.append("<li class=\"tl-lane").append(attention ? " risk" : "").append("\" data-program=\"")
                .append(lane.programId()).append("\">");
        out.append("<div class=\"tl-name\"><a href=\"programs/").append(lane.programId()).append("\" title=\"")
                .append(esc(lane.name())).append("\">")
                .append(esc(lane.name())).append("</a><span class=\"tl-sub\">")
                .append(esc(framework(lane)
                        + (lane.ownerName() == null ? "" : " · " + lane.ownerName())))
                .append("</span>");
        if (alarm != null) {
            out.append("<span class=\"tl-alarm\">⚠ ").append(esc(alarm)).append("</span>");
        }
        out.append("</div>");
        // English lower-cases the alarm inside the sentence, as before; German nouns keep their capitals
        String label = (items.size() == 1 ? words.text("drawing.lane.oneMarker", lane.name())
                : words.text("drawing.lane.markers", lane.name(), String.valueOf(items.size())))
                + (alarm == null ? "" : ", " + (words.english() ? alarm.toLowerCase(Locale.ROOT) : alarm))
                + ". " + styledOverlayText(lane) + words.text("drawing.lane.keys");
        out.append("<svg class=\"tl-row\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(LANE_HEIGHT)
                .append("\" role=\"group\" tabindex=\"0\" aria-label=\"").append(esc(label)).append("\">");
        if (!lane.hasDates()) {
            out.append("<text class=\"nd\" x=\"12\" y=\"30\">")
                    .append(esc(lane.undated().isEmpty() ? words.text("drawing.noDates")
                            : shorten(words.text("drawing.noDates.undated", String.join(", ", lane.undated())), 150)))
                    .append("</text>");
        }
        for (TimelineBar bar : lane.bars()) {
            if (!bar.kind().isAlarm()) {
                bar(bar);
            }
        }
        for (TimelineOverlay.OverlayBar o : overlays) {
            if (o.programId().equals(lane.programId())) {
                overlay(o);
            }
        }
        for (TimelineBar bar : lane.bars()) {
            if (bar.kind().isAlarm()) {
                alarm(bar);
            }
        }
        if (visible(timeline.today())) {
            out.append("<path class=\"td\" d=\"M").append(fmt(mid(timeline.today()))).append(" 0V56\"/>");
        }
        for (Cluster c : clusters(items)) {
            cluster(c);
        }
        out.append("</svg></li>");
    }

    /** A marker to draw: a milestone or an open major nonconformity. */
    record Item(double x, String label, String status, String shape, String text) {
    }

    private List<Item> items(ProgramLane lane) {
        List<Item> items = new ArrayList<>();
        for (TimelineMarker m : lane.markers()) {
            if (visible(m.date())) {
                items.add(new Item(mid(m.date()), shortLabel(m.type()), m.status().name(), shape(m.type()),
                        m.details().replace('\n', ' ') + " (" + words.date(m.date()) + ")"));
            }
        }
        for (LifecycleFigures.FindingFigure f : majors.getOrDefault(lane.programId(), List.of())) {
            LocalDate d = f.raisedOn() == null || f.raisedOn().isBefore(timeline.from()) ? timeline.from() : f.raisedOn();
            if (visible(d)) {
                items.add(new Item(mid(d), words.text("drawing.major"), MilestoneStatus.MISSED.name(), "x",
                        words.text("drawing.major.text", f.title())
                                + (f.raisedOn() == null ? "" : words.text("drawing.major.raised", words.date(f.raisedOn())))
                                + (f.dueDate() == null ? "" : words.text("drawing.major.due", words.date(f.dueDate())))));
            }
        }
        items.sort(Comparator.comparingDouble(Item::x));
        return items;
    }

    /** Markers whose labels would overlap, merged: the label shows the first and how many more. */
    record Cluster(List<Item> items) {

        double x() {
            return items.stream().mapToDouble(Item::x).average().orElse(0);
        }

        String label() {
            return items.size() == 1 ? items.get(0).label() : items.get(0).label() + " +" + (items.size() - 1);
        }

        double left() {
            double w = labelWidth(label());
            return Math.max(0, Math.min(WIDTH - w, x() - w / 2));
        }

        double right() {
            return left() + labelWidth(label());
        }

        String status() {
            return items.stream().map(Item::status).max(Comparator.comparing(TimelineDrawing::severity)).orElseThrow();
        }
    }

    static double labelWidth(String label) {
        return label.length() * CHAR_WIDTH + 2;
    }

    /** Greedy left-to-right merge: a stack of clusters whose label boxes never touch their neighbours'. */
    static List<Cluster> clusters(List<Item> items) {
        List<Cluster> stack = new ArrayList<>();
        for (Item item : items) {
            stack.add(new Cluster(List.of(item)));
            while (stack.size() >= 2) {
                Cluster a = stack.get(stack.size() - 2);
                Cluster b = stack.get(stack.size() - 1);
                if (a.right() + LABEL_GAP <= b.left()) {
                    break;
                }
                List<Item> merged = new ArrayList<>(a.items());
                merged.addAll(b.items());
                stack.remove(stack.size() - 1);
                stack.set(stack.size() - 1, new Cluster(List.copyOf(merged)));
            }
        }
        return stack;
    }

    private static int severity(String status) {
        return switch (status) {
            case "MISSED" -> 3;
            case "AT_RISK" -> 2;
            case "PLANNED" -> 1;
            default -> 0;
        };
    }

    private void cluster(Cluster c) {
        String text = c.items().size() == 1 ? c.items().get(0).text()
                : words.text("drawing.merged", String.valueOf(c.items().size()),
                String.join("; ", c.items().stream().map(Item::text).toList()));
        String shape = c.items().size() == 1 ? c.items().get(0).shape() : "d";
        // The <title> is both the hover text and the accessible name (SVG-AAM); an aria-label as well doubled the markup.
        out.append("<g class=\"mk s-").append(c.status()).append(c.items().size() > 1 ? " merged" : "")
                .append("\" tabindex=\"-1\" role=\"img\"><title>")
                .append(esc(text)).append("</title><use href=\"#mk-").append(shape).append("\" x=\"").append(fmt(c.x()))
                .append("\" y=\"12\"/><text class=\"ml\" x=\"").append(fmt(c.left())).append("\" y=\"31\">")
                .append(esc(c.label())).append("</text></g>");
    }

    private void bar(TimelineBar bar) {
        if (bar.end().isBefore(timeline.from()) || bar.start().isAfter(timeline.to())) {
            return;
        }
        boolean report = bar.kind() == BarKind.REPORT_CURRENT;
        double x1 = x(max(bar.start(), timeline.from()));
        double x2 = x(min(bar.end(), timeline.to()).plusDays(1));
        double w = Math.max(2, x2 - x1);
        out.append("<rect class=\"b s-").append(bar.status()).append(report ? " rp" : "").append("\" data-kind=\"")
                .append(bar.kind()).append("\" x=\"").append(fmt(x1)).append("\" y=\"").append(report ? 50 : 35)
                .append("\" width=\"").append(fmt(w)).append("\" height=\"").append(report ? 5 : 13).append("\"><title>")
                .append(esc(bar.details())).append("</title></rect>");
        String label = switch (bar.kind()) {
            case OBSERVATION_WINDOW -> words.text("drawing.bar.observation", bar.start().getYear()
                    + (bar.end().getYear() != bar.start().getYear() ? "/" + String.valueOf(bar.end().getYear()).substring(2) : ""));
            case CERTIFICATE_VALID -> words.text("drawing.bar.certificate", String.valueOf(bar.start().getYear()),
                    String.valueOf(bar.end().getYear()));
            default -> "";
        };
        if (!report && w > label.length() * 6 + 10) {
            out.append("<text class=\"bt\" x=\"").append(fmt(x1 + 5)).append("\" y=\"45\">").append(esc(label)).append("</text>");
        }
    }

    /** Styled overlays (e.g. joint audits) in view are read out with the lane, as markers are not enough. */
    private String styledOverlayText(ProgramLane lane) {
        StringBuilder sb = new StringBuilder();
        for (TimelineOverlay.OverlayBar o : overlays) {
            if (o.style() != null && o.programId().equals(lane.programId())
                    && !o.end().isBefore(timeline.from()) && !o.start().isAfter(timeline.to())) {
                sb.append(o.details()).append(". ");
            }
        }
        return sb.toString();
    }

    private void overlay(TimelineOverlay.OverlayBar o) {
        if (o.end().isBefore(timeline.from()) || o.start().isAfter(timeline.to())) {
            return;
        }
        double x1 = x(max(o.start(), timeline.from()));
        double x2 = x(min(o.end(), timeline.to()).plusDays(1));
        if (o.style() != null) {
            double w = Math.max(4, x2 - x1);
            out.append("<g class=\"ov-").append(o.style()).append("\" role=\"img\"><title>").append(esc(o.details())).append("</title><rect x=\"").append(fmt(x1))
                    .append("\" y=\"33\" width=\"").append(fmt(w)).append("\" height=\"17\"/>");
            if (o.label() != null && w > labelWidth(o.label()) + 6) {
                out.append("<text x=\"").append(fmt(x1 + 3)).append("\" y=\"45\">").append(esc(o.label())).append("</text>");
            }
            out.append("</g>");
            return;
        }
        out.append("<rect class=\"ov\" x=\"").append(fmt(x1)).append("\" y=\"35\" width=\"").append(fmt(Math.max(2, x2 - x1)))
                .append("\" height=\"13\"><title>").append(esc(o.details())).append("</title></rect>");
    }

    private void alarm(TimelineBar bar) {
        if (bar.end().isBefore(timeline.from()) || bar.start().isAfter(timeline.to())) {
            return;
        }
        double x1 = x(max(bar.start(), timeline.from()));
        double x2 = x(min(bar.end(), timeline.to()).plusDays(1));
        double w = Math.max(4, x2 - x1);
        out.append("<rect class=\"b al\" data-kind=\"").append(bar.kind()).append("\" x=\"").append(fmt(x1))
                .append("\" y=\"33\" width=\"").append(fmt(w)).append("\" height=\"17\"><title>")
                .append(esc(bar.details())).append("</title></rect>");
        String label = words.text(bar.kind() == BarKind.CERTIFICATE_LAPSED ? "drawing.bar.lapsed"
                : w > 110 ? "drawing.bar.gap" : "drawing.bar.gapShort");
        double lw = label.length() * 7 + 8;
        if (w > lw + 4) {
            out.append("<rect class=\"alb\" x=\"").append(fmt(x1 + 3)).append("\" y=\"35\" width=\"").append(fmt(lw))
                    .append("\" height=\"13\"/><text class=\"at\" x=\"").append(fmt(x1 + 7)).append("\" y=\"45\">")
                    .append(esc(label)).append("</text>");
        }
    }

    /** A marker's short label ("Surv. 1"): the bundle's {@code drawing.short.<TYPE>}, else the milestone's name. */
    private String shortLabel(MilestoneType type) {
        String key = "drawing.short." + type.name();
        String text = words.text(key);
        return text.equals(key) ? words.label(type) : text;
    }

    private static String shape(MilestoneType type) {
        return switch (type) {
            case REPORT_ISSUED, CERTIFICATION_DECISION -> "c";
            case BRIDGE_LETTER -> "s";
            case CERTIFICATE_EXPIRY -> "t";
            case INTERNAL_AUDIT, MANAGEMENT_REVIEW -> "o";
            default -> "d";
        };
    }

    private boolean visible(LocalDate d) {
        return !d.isBefore(timeline.from()) && !d.isAfter(timeline.to());
    }

    double x(LocalDate d) {
        return DAYS.between(timeline.from(), d) * (double) WIDTH / totalDays;
    }

    private double mid(LocalDate d) {
        return x(d) + WIDTH / (2.0 * totalDays);
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
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
