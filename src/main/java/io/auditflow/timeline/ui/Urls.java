package io.auditflow.timeline.ui;

import io.auditflow.common.Messages;
import io.auditflow.program.Framework;
import io.auditflow.timeline.TimelineQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Addresses of the executive resources (drawing, CSV, PDF) for a query; relative to the app's base. */
final class Urls {

    private Urls() {
    }

    static String drawing(TimelineQuery q) {
        return drawing(q, Locale.ENGLISH);
    }

    /** The drawing in the reader's language: {@code lang} is part of the address, so caches keep one copy per language. */
    static String drawing(TimelineQuery q, Locale locale) {
        return with("exports/timeline/drawing", params(q, true) + lang(locale));
    }

    /** "&lang=de" for a reader other than English; English needs none (the resources' default). */
    static String lang(Locale locale) {
        Locale language = Messages.language(locale);
        return language.equals(Locale.ENGLISH) ? "" : "&lang=" + language.getLanguage();
    }

    static String milestonesCsv(TimelineQuery q) {
        return milestonesCsv(q, Locale.ENGLISH);
    }

    /** The milestones CSV with headers and values in the reader's language (dates stay ISO, decision 0152). */
    static String milestonesCsv(TimelineQuery q, Locale locale) {
        return with("exports/timeline/milestones.csv", params(q, true) + lang(locale));
    }

    static String dashboardCsv(String list, TimelineQuery q) {
        return dashboardCsv(list, q, Locale.ENGLISH);
    }

    static String dashboardCsv(String list, TimelineQuery q, Locale locale) {
        return with("exports/dashboard/" + list + ".csv", strip(params(q, false) + lang(locale)));
    }

    static String board(TimelineQuery q) {
        return board(q, Locale.ENGLISH);
    }

    /** The board report PDF in the signed-in reader's language. */
    static String board(TimelineQuery q, Locale locale) {
        return with("exports/reports/board", strip(params(q, false) + lang(locale)));
    }

    private static String strip(String params) {
        return params.startsWith("&") ? params.substring(1) : params;
    }

    private static String params(TimelineQuery q, boolean timeline) {
        StringBuilder sb = new StringBuilder();
        if (timeline) {
            sb.append("range=").append(q.range().name());
            if (q.atRiskOnly()) {
                sb.append("&atRisk=true");
            }
            if (q.grouping() != TimelineQuery.Grouping.NONE) {
                sb.append("&group=").append(q.grouping().name());
            }
        }
        for (Framework f : q.frameworks()) {
            sb.append("&framework=").append(f.name());
        }
        if (q.owner() != null) {
            sb.append("&owner=").append(enc(q.owner()));
        }
        if (!q.search().isEmpty()) {
            sb.append("&q=").append(enc(q.search()));
        }
        return sb.length() > 0 && sb.charAt(0) == '&' ? sb.substring(1) : sb.toString();
    }

    private static String with(String path, String params) {
        return params.isEmpty() ? path : path + "?" + params;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
