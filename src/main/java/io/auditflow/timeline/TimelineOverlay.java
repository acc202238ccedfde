package io.auditflow.timeline;

import java.time.LocalDate;
import java.util.List;

/**
 * Extension point for other features to draw on a program's lane, e.g. engagement fieldwork
 * periods (auditor workspace). Implement it as a Spring bean; the timeline drawing asks every
 * overlay for the lanes it shows (engagement.EngagementTimelineOverlay draws fieldwork periods).
 */
public interface TimelineOverlay {

    /** Bars to draw on the lanes of these programs, in any order. */
    List<OverlayBar> bars(List<Long> programIds, LocalDate from, LocalDate to);

    /** A period on a lane; {@code label} is drawn when it fits, {@code details} is the accessible text. */
    record OverlayBar(Long programId, LocalDate start, LocalDate end, String label, String details) {
    }
}
