package io.auditflow.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Extension point for other features to draw on a program's lane, e.g. engagement fieldwork
 * periods (auditor workspace). Implement it as a Spring bean; the timeline drawing asks every
 * overlay for the lanes it shows (engagement.EngagementTimelineOverlay draws fieldwork periods).
 */
public interface TimelineOverlay {

    /** The most program ids one call to {@link #bars} receives: an IN list every database takes. */
    int MAX_PROGRAMS_PER_CALL = io.auditflow.common.InLists.MAX;

    /**
     * Bars to draw on the lanes of these programs (at most {@link #MAX_PROGRAMS_PER_CALL} of them),
     * in any order. A bar belongs to one of the given programs; the timeline calls again for the rest.
     */
    List<OverlayBar> bars(List<Long> programIds, LocalDate from, LocalDate to);

    /** Every overlay's bars for any number of lanes: the one place that splits the program ids. */
    static List<OverlayBar> barsOf(Stream<TimelineOverlay> overlays, List<Long> programIds, LocalDate from, LocalDate to) {
        List<OverlayBar> bars = new ArrayList<>();
        overlays.forEach(overlay -> {
            for (List<Long> part : io.auditflow.common.InLists.parts(programIds)) {
                bars.addAll(overlay.bars(part, from, to));
            }
        });
        return bars;
    }

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
