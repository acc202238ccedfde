package io.auditflow.timeline;

import io.auditflow.program.Framework;
import java.util.List;

/**
 * One program's row on the timeline. {@code undated} names milestones that exist but have no date
 * yet, so a program with nothing planned still shows what is known.
 */
public record ProgramLane(Long programId, String name, Framework framework, String owner, String ownerName,
                          List<TimelineBar> bars, List<TimelineMarker> markers, List<String> undated,
                          String team, String teamName) {

    public boolean hasDates() {
        return !bars.isEmpty() || !markers.isEmpty();
    }

    public boolean hasAlarm() {
        return bars.stream().anyMatch(b -> b.kind().isAlarm());
    }
}
