package io.auditflow.engagement;

import io.auditflow.common.Due;
import io.auditflow.lifecycle.ControlActivityService;
import io.auditflow.security.Roles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expected versus done for the audited period (issue 11): the recurring control activities whose
 * occurrences fall in the engagement's period, read from {@link ControlActivityService} (read-only).
 * It writes no date rule: the schedule owns the dates, {@link Due} says what is overdue, and the
 * occurrences "of the period" are the same population that samples are drawn from.
 */
@Service
@Transactional(readOnly = true)
public class PeriodActivities {

    private final EngagementService engagements;
    private final ControlActivityService activities;
    private final Clock clock;

    PeriodActivities(EngagementService engagements, ControlActivityService activities, Clock clock) {
        this.engagements = engagements;
        this.activities = activities;
        this.clock = clock;
    }

    /** The activities of the engagement's period, by frequency then name; "not found" for callers who may not see it. */
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public List<PeriodActivity> of(Long engagementId) {
        Engagement e = engagements.get(engagementId);
        LocalDate today = LocalDate.now(clock);
        Map<String, List<ControlActivityService.Occurrence>> byActivity = new LinkedHashMap<>();
        for (ControlActivityService.Occurrence o : occurrences(e)) {
            byActivity.computeIfAbsent(o.activityCode(), k -> new ArrayList<>()).add(o);
        }
        List<PeriodActivity> out = new ArrayList<>();
        for (ControlActivityService.ControlActivity a : activities.library()) {
            List<ControlActivityService.Occurrence> found = byActivity.get(a.code());
            if (found == null) {
                continue;
            }
            List<PeriodActivity.Occurrence> lines = found.stream()
                    .map(o -> new PeriodActivity.Occurrence(o.opensOn(), o.dueOn(), o.doneOn(), state(o, today))).toList();
            out.add(new PeriodActivity(a.code(), a.name(), SampleDraw.frequency(a.frequencyMonths()), lines.size(),
                    count(lines, OccurrenceState.DONE), count(lines, OccurrenceState.OVERDUE), count(lines, OccurrenceState.MISSED),
                    count(lines, OccurrenceState.NOT_DUE_YET), count(lines, OccurrenceState.BEFORE_TRACKING), lines));
        }
        return out;
    }

    /**
     * The occurrences of the engagement's cycle that overlap its period (due on or after its start,
     * open on or before its end), by due day: the population samples are drawn from too.
     */
    List<ControlActivityService.Occurrence> occurrences(Engagement e) {
        return activities.occurrences(e.programId()).stream()
                .filter(o -> o.cycle() == e.cycle())
                .filter(o -> !o.dueOn().isBefore(e.periodStart()) && !o.opensOn().isAfter(e.periodEnd()))
                .sorted(Comparator.comparing(ControlActivityService.Occurrence::dueOn)
                        .thenComparing(ControlActivityService.Occurrence::id))
                .toList();
    }

    static OccurrenceState state(ControlActivityService.Occurrence o, LocalDate today) {
        return switch (o.status()) {
            case ControlActivityService.DONE -> OccurrenceState.DONE;
            case ControlActivityService.MISSED -> OccurrenceState.MISSED;
            case ControlActivityService.BEFORE_TRACKING -> OccurrenceState.BEFORE_TRACKING;
            default -> Due.overdue(o.dueOn(), today) ? OccurrenceState.OVERDUE : OccurrenceState.NOT_DUE_YET;
        };
    }

    private static int count(List<PeriodActivity.Occurrence> lines, OccurrenceState state) {
        return (int) lines.stream().filter(l -> l.state() == state).count();
    }
}
