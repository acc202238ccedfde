package io.auditflow.lifecycle;

import io.auditflow.common.Formats;
import io.auditflow.common.Labels;
import io.auditflow.common.Messages;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The planner's answers (a certificate's standing, SOC 2 coverage) in a reader's words, for every screen
 * that shows them: the dashboard and timeline (through timeline's adapter) and the program page. English
 * keeps the planner's own sentence; other languages word its structured answer (state, kind, the days it
 * names) from the bundle ({@code planner.*}). Nothing here decides a state or a date (decisions 0014,
 * 0144): when the planner offers message keys itself, this class goes.
 */
public final class PlannerWords {

    /** How the planner starts the sentence of a gap that has not begun yet ({@link Planner#coverage}). */
    private static final String PLANNED_GAP = "Gap planned";

    private PlannerWords() {
    }

    /** The coverage badge on the program page: "Noch nicht abgedeckt: ..." for a German reader. */
    public static String coverage(Planner.Coverage coverage, Locale locale) {
        boolean planned = coverage.words() != null && coverage.words().startsWith(PLANNED_GAP);
        return coverage(locale, coverage.kind(), coverage.from(), coverage.to(), coverage.words(), planned);
    }

    /**
     * "Gap now: 2027-01-01 to 2027-03-31 (90 days) no report period covers" in the reader's words;
     * {@code plannerWords} is the planner's English sentence, {@code gapPlanned} whether the gap it names
     * has not begun yet (the program page reads that from the planner's own sentence).
     */
    public static String coverage(Locale locale, Planner.CoverageKind kind, LocalDate from, LocalDate to,
                                  String plannerWords, boolean gapPlanned) {
        Locale language = Messages.language(locale);
        if (Locale.ENGLISH.equals(language)) {
            return plannerWords;
        }
        return switch (kind) {
            case GAP -> text(language, gapPlanned ? "planner.coverage.gapPlanned" : "planner.coverage.gapNow", date(from, language), date(to, language));
            case REPORT_STALE -> text(language, "planner.coverage.stale", date(from, language));
            case NOT_STARTED -> from == null ? text(language, "planner.coverage.nothingPlanned")
                    : text(language, "planner.coverage.notStarted", date(from, language));
            case COVERED -> to == null ? Labels.of(kind, language) : text(language, "planner.coverage.coveredThrough", date(to, language));
        };
    }

    /**
     * "valid until 2027-02-28" / "gültig bis 28.02.2027"; {@code reason} is the planner's (or a recorded)
     * English sentence, {@code audit} the name of the external audit on the standing's day (null: "the
     * external audit").
     */
    public static String standing(Locale locale, CertificateState state, LocalDate date, LocalDate expiry, String reason,
                                  String audit) {
        Locale language = Messages.language(locale);
        if (Locale.ENGLISH.equals(language)) {
            return reason;
        }
        String named = audit != null ? audit : text(language, "planner.standing.externalAudit");
        return switch (state) {
            case LAPSED -> expiry == null ? text(language, "planner.standing.lapsed")
                    : text(language, "planner.standing.lapsedOn", date(expiry, language));
            case SUSPENDED -> date == null ? text(language, "planner.standing.suspended")
                    : text(language, "planner.standing.missed", named, date(date, language));
            case AT_RISK -> date == null ? text(language, "planner.standing.atRisk")
                    : text(language, "planner.standing.auditAtRisk", named, date(date, language));
            case VALID, RESTORED -> expiry == null ? Labels.of(state, language)
                    : text(language, "planner.standing.validUntil", date(expiry, language));
        };
    }

    private static String text(Locale locale, String key, Object... args) {
        return Messages.get(key, locale, args);
    }

    private static String date(LocalDate day, Locale locale) {
        return Formats.date(day, locale);
    }
}
