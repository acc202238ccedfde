package io.auditflow.timeline;

import io.auditflow.lifecycle.MilestoneStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The executive dashboard's figures. {@code answers} are the top row (certificates, SOC 2 coverage,
 * audits in the next 90 days, overdue or missed), each with the list behind it in {@link #list}.
 * {@code findingsByKind} is null when no feature tracks findings; an open window's {@code activities} likewise.
 */
public record Dashboard(LocalDate today, List<UpcomingAudit> upcoming, List<ProgramOverdue> overdue,
                        Map<String, Long> findingsByKind, List<Countdown> countdowns, List<OpenWindow> openWindows,
                        List<Answer> answers, List<Row> certificates, List<Row> coverage, List<Row> upcomingRows,
                        List<Row> attention) {

    /** The lists behind the four answers, by {@link Answer#key()}. */
    public static final List<String> LISTS = List.of("certificates", "coverage", "upcoming", "attention");

    public List<Row> list(String key) {
        return switch (key) {
            case "certificates" -> certificates;
            case "coverage" -> coverage;
            case "upcoming" -> upcomingRows;
            case "attention" -> attention;
            default -> throw new IllegalArgumentException("Unknown list: " + key);
        };
    }

    /** How a figure should look: green, grey, amber or red. */
    public enum Tone {
        OK, NEUTRAL, WARN, ALARM
    }

    /** One of the four questions answered in words. */
    public record Answer(String key, String title, String words, Tone tone, long count) {
    }

    /** A line of one of the lists behind the answers. */
    public record Row(Long programId, String program, String what, LocalDate date, String state, Tone tone) {
    }

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
