package io.auditflow.timeline;

import java.time.LocalDate;
import java.time.YearMonth;

/** The zoom levels of the timeline, each a window around today. */
public enum TimelineRange {
    QUARTER("Quarter", 1, 2),
    YEAR("1 year", 3, 9),
    DEFAULT("1 year back, 3 ahead", 12, 36),
    SIX_YEARS("6 years", 24, 48);

    private final String label;
    private final int monthsBack;
    private final int monthsAhead;

    TimelineRange(String label, int monthsBack, int monthsAhead) {
        this.label = label;
        this.monthsBack = monthsBack;
        this.monthsAhead = monthsAhead;
    }

    public String label() {
        return label;
    }

    public LocalDate from(LocalDate today) {
        return today.minusMonths(monthsBack).withDayOfMonth(1);
    }

    public LocalDate to(LocalDate today) {
        return YearMonth.from(today).plusMonths(monthsAhead).atEndOfMonth();
    }
}
