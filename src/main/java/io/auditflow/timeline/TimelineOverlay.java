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

    /**
     * A period on a lane; {@code label} is drawn when it fits, {@code details} is the accessible text.
     * {@code style} (optional, letters and dashes) gives the bar its own look and makes it part of the
     * lane's accessible text, e.g. {@code joint-proposed} / {@code joint-accepted}.
     */
    record OverlayBar(Long programId, LocalDate start, LocalDate end, String label, String details, String style) {

        public OverlayBar {
            if (style != null && !style.matches("[a-z][a-z-]{0,30}")) {
                throw new IllegalArgumentException("Overlay style must be lower-case letters and dashes: " + style);
            }
        }

        public OverlayBar(Long programId, LocalDate start, LocalDate end, String label, String details) {
            this(programId, start, end, label, details, null);
        }
    }
}
