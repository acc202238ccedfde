package io.auditflow.timeline;

import io.auditflow.lifecycle.CertificateState;
import io.auditflow.lifecycle.Planner;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The calendar engine's answers (a certificate's standing, SOC 2 coverage) in a reader's words. English
 * keeps the planner's own sentence; other languages phrase the planner's structured answer (state, kind,
 * the days it names) from the bundle. Nothing here decides a state or a date: it only words them
 * (decision 0144). When the planner offers message keys, this class goes.
 */
final class PlannerWords {

    private PlannerWords() {
    }

    /** "valid until 2027-02-28" / "gültig bis 28.02.2027"; {@code reason} is the planner's (or a recorded) English sentence. */
    static String standing(DashboardWords words, ProgramLane lane, CertificateState state, LocalDate date, LocalDate expiry,
                           String reason) {
        if (words.english()) {
            return reason;
        }
        return switch (state) {
            case LAPSED -> expiry == null ? words.text("planner.standing.lapsed")
                    : words.text("planner.standing.lapsedOn", words.date(expiry));
            case SUSPENDED -> date == null ? words.text("planner.standing.suspended")
                    : words.text("planner.standing.missed", audit(words, lane, date), words.date(date));
            case AT_RISK -> date == null ? words.text("planner.standing.atRisk")
                    : words.text("planner.standing.auditAtRisk", audit(words, lane, date), words.date(date));
            case VALID, RESTORED -> expiry == null ? words.label(state)
                    : words.text("planner.standing.validUntil", words.date(expiry));
        };
    }

    /** "Gap now: 2027-01-01 to 2027-03-31 (90 days) no report period covers" in the reader's words. */
    static String coverage(DashboardWords words, Planner.CoverageKind kind, LifecycleFigures.CoverageFigure c, LocalDate today) {
        if (words.english()) {
            return c.words();
        }
        return switch (kind) {
            case GAP -> words.text(c.from().isAfter(today) ? "planner.coverage.gapPlanned" : "planner.coverage.gapNow",
                    words.date(c.from()), words.date(c.to()));
            case REPORT_STALE -> words.text("planner.coverage.stale", words.date(c.from()));
            case NOT_STARTED -> c.from() == null ? words.text("planner.coverage.nothingPlanned")
                    : words.text("planner.coverage.notStarted", words.date(c.from()));
            case COVERED -> c.to() == null ? words.label(kind) : words.text("planner.coverage.coveredThrough", words.date(c.to()));
        };
    }

    /** The external audit on the lane that falls on the standing's day, by name; "the external audit" when none does. */
    private static String audit(DashboardWords words, ProgramLane lane, LocalDate day) {
        Optional<TimelineMarker> audit = lane.markers().stream()
                .filter(m -> m.type().isExternalAudit() && day.equals(m.date())).findFirst();
        return audit.map(m -> words.label(m.type())).orElse(words.text("planner.standing.externalAudit"));
    }
}
