package io.auditflow.timeline;

import io.auditflow.lifecycle.MilestoneStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The executive dashboard's figures. {@code findingsByKind} is null when no feature tracks findings;
 * an open window's {@code activities} likewise.
 */
public record Dashboard(LocalDate today, List<UpcomingAudit> upcoming, List<ProgramOverdue> overdue,
                        Map<String, Long> findingsByKind, List<Countdown> countdowns, List<OpenWindow> openWindows) {

    public record UpcomingAudit(LocalDate date, long daysAway, Long programId, String program, String milestone,
                                MilestoneStatus status) {
    }

    public record ProgramOverdue(Long programId, String program, int overdueTasks) {
    }

    /** Days until a certificate expires or a SOC 2 report goes stale; {@code days} is null when there is nothing current. */
    public record Countdown(Long programId, String program, String what, LocalDate date, Long days, boolean alarm,
                            String state) {
    }

    public record OpenWindow(Long programId, String program, LocalDate start, LocalDate end, long daysLeft,
                             List<LifecycleFigures.ActivityProgress> activities) {
    }
}
