package io.auditflow.timeline;

import io.auditflow.program.Framework;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the executive asked to see: range, frameworks (empty: all), owner user name (null: all), a
 * program-name search (blank: all), only programs needing attention, and how lanes are grouped.
 * The same query drives the timeline drawing, the dashboard and their CSV exports.
 */
public record TimelineQuery(TimelineRange range, Set<Framework> frameworks, String owner, String search,
                            boolean atRiskOnly, Grouping grouping) {

    /** A search longer than this is cut: a program name is at most 200 characters. */
    public static final int MAX_SEARCH = 200;

    public TimelineQuery {
        range = range == null ? TimelineRange.DEFAULT : range;
        frameworks = frameworks == null || frameworks.isEmpty() ? EnumSet.noneOf(Framework.class) : EnumSet.copyOf(frameworks);
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        search = search == null ? "" : search.strip();
        if (search.length() > MAX_SEARCH) {
            search = search.substring(0, MAX_SEARCH);
        }
        grouping = grouping == null ? Grouping.NONE : grouping;
    }

    public static TimelineQuery all() {
        return new TimelineQuery(TimelineRange.DEFAULT, Set.of(), null, "", false, Grouping.NONE);
    }

    public TimelineQuery withRange(TimelineRange r) {
        return new TimelineQuery(r, frameworks, owner, search, atRiskOnly, grouping);
    }

    boolean matchesName(String name) {
        return search.isEmpty() || (name != null && name.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)));
    }

    /** The filters in force in words, for print headers, PDFs and CSV file comments (English). */
    public String describe() {
        return describe(DashboardWords.ENGLISH);
    }

    /** The filters in force in one reader's words ("alle Rahmenwerke · alle Verantwortlichen"). */
    String describe(DashboardWords words) {
        StringBuilder sb = new StringBuilder();
        sb.append(frameworks.isEmpty() ? words.text("drawing.scope.allFrameworks")
                : String.join(", ", frameworks.stream().map(words::label).toList()));
        sb.append(" · ").append(owner == null ? words.text("drawing.scope.allOwners") : words.text("drawing.scope.owner", owner));
        if (!search.isEmpty()) {
            sb.append(" · ").append(words.text("drawing.scope.search", search));
        }
        if (atRiskOnly) {
            sb.append(" · ").append(words.text("drawing.scope.atRisk"));
        }
        if (grouping != Grouping.NONE) {
            // English lower-cases the grouping ("grouped by team"); German nouns keep their capitals
            String by = words.label(grouping);
            sb.append(" · ").append(words.text("drawing.scope.grouped", words.english() ? by.toLowerCase(Locale.ROOT) : by));
        }
        return sb.toString();
    }

    /** How lanes are grouped on the timeline. */
    public enum Grouping {
        NONE("No grouping"), FRAMEWORK("Framework"), TEAM("Team");

        private final String label;

        Grouping(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
