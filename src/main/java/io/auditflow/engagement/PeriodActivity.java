package io.auditflow.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * One recurring control activity of the engagement's period: how many occurrences the schedule
 * expects in the period and how many are done, overdue or missed, with the dates of each.
 *
 * @param frequency {@code ANNUAL}, {@code QUARTERLY}, {@code MONTHLY}... (as for samples)
 * @param expected  occurrences of the period (those before tracking included, counted apart)
 */
public record PeriodActivity(String activityCode, String activityName, String frequency, int expected, int done,
                             int overdue, int missed, int notDueYet, int beforeTracking, List<Occurrence> occurrences) {

    /** One occurrence: the days it opens and is due, the day it was done (if so) and its state today. */
    public record Occurrence(LocalDate opensOn, LocalDate dueOn, LocalDate doneOn, OccurrenceState state) {
    }
}
