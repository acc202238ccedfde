package io.auditflow.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The one definition of "due" and "overdue", used by the inbox, the dashboard, the timeline, the
 * reminders and the digest: whole days in the organisation's time zone. Something due today is due,
 * not overdue; it is overdue from the next day on.
 */
public final class Due {

    /** Due within this many days (today included) counts as due soon. */
    public static final int SOON_DAYS = 3;

    private Due() {
    }

    public static boolean overdue(LocalDate due, LocalDate today) {
        return due != null && due.isBefore(today);
    }

    public static boolean dueSoon(LocalDate due, LocalDate today) {
        return due != null && !due.isBefore(today) && due.isBefore(today.plusDays(SOON_DAYS));
    }

    /** Days from today to the due day: negative when overdue, 0 on the day. */
    public static long daysLeft(LocalDate due, LocalDate today) {
        return ChronoUnit.DAYS.between(today, due);
    }

    /** Instants before this one are overdue on {@code today}: the start of today in the zone. */
    public static Instant overdueBefore(LocalDate today, ZoneId zone) {
        return today.atStartOfDay(zone).toInstant();
    }
}
