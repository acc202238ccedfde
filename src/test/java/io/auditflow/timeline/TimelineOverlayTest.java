package io.auditflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TimelineOverlayTest {

    @Test
    void the_timeline_hands_each_overlay_at_most_500_programs_per_call_and_keeps_every_bar() {
        List<Long> ids = LongStream.rangeClosed(1, 1201).boxed().toList();
        List<Integer> calls = new ArrayList<>();
        TimelineOverlay onePerProgram = (programIds, from, to) -> {
            calls.add(programIds.size());
            return programIds.stream().map(id -> new TimelineOverlay.OverlayBar(id, from, to, "Fieldwork", "p" + id)).toList();
        };
        TimelineOverlay none = (programIds, from, to) -> List.of();

        List<TimelineOverlay.OverlayBar> bars = TimelineOverlay.barsOf(Stream.of(onePerProgram, none), ids,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

        assertThat(calls).containsExactly(500, 500, 201);
        assertThat(bars).hasSize(1201);
        assertThat(bars).extracting(TimelineOverlay.OverlayBar::programId).doesNotHaveDuplicates().contains(1L, 500L, 501L, 1201L);
    }

    @Test
    void no_lanes_means_no_call() {
        List<Integer> calls = new ArrayList<>();
        TimelineOverlay overlay = (programIds, from, to) -> {
            calls.add(programIds.size());
            return List.of();
        };
        assertThat(TimelineOverlay.barsOf(Stream.of(overlay), List.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEmpty();
        assertThat(calls).isEmpty();
    }
}
