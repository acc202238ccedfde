package io.auditflow.timeline.ui;

import io.auditflow.common.Messages;
import io.auditflow.timeline.DashboardService.MonthTrend;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Two small server-side SVG bar charts of the last twelve months; the numbers are also in the accessible name.
 * Each chart comes inside a {@code <div>}: Vaadin's {@code Html} creates its root element with
 * {@code document.createElement}, which makes a root {@code <svg>} an unknown HTML element (its bars not
 * drawn, its texts run together as "0J0F0M..."); the children of a {@code <div>} root are parsed as markup,
 * so the {@code <svg>} inside gets the SVG namespace.
 */
final class TrendChart {

    static final int W = 360;
    static final int H = 120;

    private TrendChart() {
    }

    static String overdue(List<MonthTrend> months) {
        return overdue(months, Locale.ENGLISH);
    }

    static String overdue(List<MonthTrend> months, Locale locale) {
        int max = Math.max(1, months.stream().mapToInt(MonthTrend::overdueTasks).max().orElse(0));
        String label = Messages.get("dashboard.trend.overdueLabel", locale, months.stream()
                .map(m -> name(m, locale) + " " + m.overdueTasks()).collect(Collectors.joining(", ")));
        StringBuilder svg = open(label);
        double bw = (W - 20) / 12.0;
        for (int i = 0; i < months.size(); i++) {
            MonthTrend m = months.get(i);
            double h = 80.0 * m.overdueTasks() / max;
            double x = 10 + i * bw;
            svg.append("<rect class=\"tr-o\" x=\"").append(f(x + 3)).append("\" y=\"").append(f(92 - h))
                    .append("\" width=\"").append(f(bw - 6)).append("\" height=\"").append(f(h)).append("\"/>");
            svg.append("<text class=\"tr-v\" x=\"").append(f(x + bw / 2)).append("\" y=\"").append(f(88 - h))
                    .append("\">").append(m.overdueTasks()).append("</text>");
            axisLabel(svg, m, x + bw / 2, locale);
        }
        return svg.append("</svg></div>").toString();
    }

    static String activities(List<MonthTrend> months) {
        return activities(months, Locale.ENGLISH);
    }

    static String activities(List<MonthTrend> months, Locale locale) {
        int max = Math.max(1, months.stream().mapToInt(MonthTrend::expected).max().orElse(0));
        String label = Messages.get("dashboard.trend.activitiesLabel", locale, months.stream()
                .map(m -> name(m, locale) + " " + Messages.get("dashboard.trend.doneOf", locale, String.valueOf(m.done()),
                        String.valueOf(m.expected()))).collect(Collectors.joining(", ")));
        StringBuilder svg = open(label);
        double bw = (W - 20) / 12.0;
        for (int i = 0; i < months.size(); i++) {
            MonthTrend m = months.get(i);
            double he = 80.0 * m.expected() / max;
            double hd = 80.0 * m.done() / max;
            double x = 10 + i * bw;
            svg.append("<rect class=\"tr-e\" x=\"").append(f(x + 3)).append("\" y=\"").append(f(92 - he))
                    .append("\" width=\"").append(f(bw - 6)).append("\" height=\"").append(f(he)).append("\"/>");
            svg.append("<rect class=\"tr-d\" x=\"").append(f(x + 6)).append("\" y=\"").append(f(92 - hd))
                    .append("\" width=\"").append(f(bw - 12)).append("\" height=\"").append(f(hd)).append("\"/>");
            axisLabel(svg, m, x + bw / 2, locale);
        }
        return svg.append("</svg></div>").toString();
    }

    private static StringBuilder open(String label) {
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<div class=\"trend-chart\"><svg class=\"trend\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(label).append("\"><title>").append(label).append("</title>")
                .append("<path class=\"tr-axis\" d=\"M10 92H").append(W - 10).append("\"/>");
        return svg;
    }

    private static void axisLabel(StringBuilder svg, MonthTrend m, double x, Locale locale) {
        svg.append("<text class=\"tr-m\" x=\"").append(f(x)).append("\" y=\"106\">")
                .append(m.month().getMonth().getDisplayName(TextStyle.SHORT, Messages.language(locale)).charAt(0)).append("</text>");
    }

    private static String name(MonthTrend m, Locale locale) {
        return m.month().getMonth().getDisplayName(TextStyle.SHORT, Messages.language(locale)) + " " + m.month().getYear();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
