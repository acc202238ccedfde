package io.auditflow.timeline;

import io.auditflow.lifecycle.CertificateState;
import io.auditflow.lifecycle.Planner;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The dashboard's and timeline's way to {@link io.auditflow.lifecycle.PlannerWords}, the one owner of the
 * planner's answers in a reader's words (also used by the program page): this adapter only picks the
 * audit's name from the lane. Nothing here decides a state or a date (decision 0144).
 */
final class PlannerWords {

    private PlannerWords() {
    }

    /** "valid until 2027-02-28" / "gültig bis 28.02.2027"; {@code reason} is the planner's (or a recorded) English sentence. */
    static String standing(DashboardWords words, ProgramLane lane, CertificateState state, LocalDate date, LocalDate expiry,
                           String reason) {
        String audit = words.english() || date == null ? null : audit(words, lane, date).orElse(null);
        return io.auditflow.lifecycle.PlannerWords.standing(words.locale(), state, date, expiry, reason, audit);
    }

    /** "Gap now: 2027-01-01 to 2027-03-31 (90 days) no report period covers" in the reader's words. */
    static String coverage(DashboardWords words, Planner.CoverageKind kind, LifecycleFigures.CoverageFigure c, LocalDate today) {
        boolean planned = kind == Planner.CoverageKind.GAP && c.from() != null && c.from().isAfter(today);
        return io.auditflow.lifecycle.PlannerWords.coverage(words.locale(), kind, c.from(), c.to(), c.words(), planned);
    }

    /** The external audit on the lane that falls on the standing's day, by name. */
    private static Optional<String> audit(DashboardWords words, ProgramLane lane, LocalDate day) {
        return lane.markers().stream()
                .filter(m -> m.type().isExternalAudit() && day.equals(m.date())).findFirst()
                .map(m -> words.label(m.type()));
    }
}
