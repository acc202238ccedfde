package io.auditflow.timeline;

import java.util.List;
import java.util.Map;

/**
 * Figures the lifecycle feature keeps and the dashboard shows: open findings and control
 * activities. Optional: without an implementation the dashboard says they are not tracked yet.
 */
public interface LifecycleFigures {

    /** Open findings counted by kind code (SOC2_EXCEPTION, MAJOR_NONCONFORMITY, MINOR_NONCONFORMITY, OBSERVATION). */
    Map<String, Long> openFindingsByKind();

    /** For the program's open observation window: each recurring control activity, expected versus done. */
    List<ActivityProgress> expectedVersusDone(Long programId);

    record ActivityProgress(String activityCode, String activityName, int cycle, int expected, int done, int overdue) {
    }
}
