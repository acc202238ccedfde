package io.auditflow.timeline;

import io.auditflow.lifecycle.Milestone;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Figures the lifecycle feature keeps and the executive pages show: milestones, certificate state,
 * coverage gaps, overdue tasks, open findings and control activities. The timeline computes none of
 * these rules itself; {@link LifecycleFiguresAdapter} is the one place that reads them.
 */
public interface LifecycleFigures {

    /** Open findings counted by kind code (SOC2_EXCEPTION, MAJOR_NONCONFORMITY, MINOR_NONCONFORMITY, OBSERVATION). */
    Map<String, Long> openFindingsByKind();

    /** For the program's open observation window: each recurring control activity, expected versus done. */
    List<ActivityProgress> expectedVersusDone(Long programId);

    /** The milestones of a program with their status, as the calendar engine keeps them. */
    default List<Milestone> milestones(Long programId) {
        return List.of();
    }

    /** {@link #milestones(Long)} of many programs at once (one query instead of one per lane), by program id. */
    default Map<Long, List<Milestone>> milestonesOf(java.util.Collection<Long> programIds) {
        Map<Long, List<Milestone>> byProgram = new java.util.HashMap<>();
        programIds.forEach(id -> byProgram.put(id, milestones(id)));
        return byProgram;
    }

    /** Open tasks past their due date, per program id. */
    default Map<Long, Integer> overdueTasksByProgram() {
        return Map.of();
    }

    /** Tasks that went past their due date, counted per due month (12 months from {@code first}). */
    default Map<java.time.YearMonth, Integer> overdueTasksByDueMonth(java.time.YearMonth first, int months) {
        return Map.of();
    }

    /** The recorded ISO certificate of a program, when the lifecycle keeps one. */
    default Optional<CertificateFigure> certificate(Long programId) {
        return Optional.empty();
    }

    /** A SOC 2 program's coverage today as the calendar engine reads it (covered, gap, report stale, not covered yet). */
    default Optional<CoverageFigure> coverage(Long programId) {
        return Optional.empty();
    }

    /**
     * {@link #coverage(Long)} from the program's milestones the caller has already read (in date order, as
     * {@link #milestones(Long)} gives them), so they are not read again per program.
     */
    default Optional<CoverageFigure> coverage(Long programId, List<Milestone> milestones, LocalDate today) {
        return coverage(programId);
    }

    /** Date ranges no SOC 2 report covers, as the lifecycle computes them. */
    default List<GapFigure> coverageGaps(Long programId) {
        return List.of();
    }

    /** Every finding not closed yet. */
    default List<FindingFigure> openFindings() {
        return List.of();
    }

    /** Control activity occurrences of a program: due day and the day they were done (null: not done). */
    default List<OccurrenceFigure> occurrences(Long programId) {
        return List.of();
    }

    /** {@link #occurrences(Long)} of many programs, only those due between two days (inclusive). */
    default List<OccurrenceFigure> occurrencesDueBetween(java.util.Collection<Long> programIds, LocalDate from, LocalDate to) {
        return programIds.stream().flatMap(id -> occurrences(id).stream())
                .filter(o -> !o.dueOn().isBefore(from) && !o.dueOn().isAfter(to)).toList();
    }

    record ActivityProgress(String activityCode, String activityName, int cycle, int expected, int done, int overdue) {
    }

    /**
     * The planner's reading of a certificate today: {@code state} is a CertificateState name (VALID, AT_RISK,
     * SUSPENDED, LAPSED, RESTORED), {@code note} the reason, {@code on} the day that matters (expiry, the
     * audit at risk or missed).
     */
    record CertificateFigure(String state, LocalDate decision, LocalDate expiry, String note, LocalDate on) {
    }

    record GapFigure(LocalDate from, LocalDate to) {
    }

    /** {@code kind} is a Planner.CoverageKind name (NOT_STARTED, COVERED, GAP, REPORT_STALE); {@code words} the sentence. */
    record CoverageFigure(String kind, LocalDate from, LocalDate to, String words, List<GapFigure> gaps) {
    }

    record FindingFigure(Long programId, String kind, String title, LocalDate raisedOn, LocalDate dueDate,
                         boolean overdue) {
    }

    record OccurrenceFigure(LocalDate dueOn, LocalDate doneOn) {
    }
}
