package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The seeded draw: reproducible, without repeats, never larger than the population. */
class SampleDrawTest {

    private static final List<Integer> DAYS = IntStream.rangeClosed(1, 250).boxed().toList();

    @Test
    void the_same_seed_draws_the_same_sample_and_another_seed_another() {
        List<Integer> first = SampleDraw.draw(DAYS, 25, 424242L);
        assertThat(SampleDraw.draw(DAYS, 25, 424242L)).isEqualTo(first);
        assertThat(SampleDraw.draw(DAYS, 25, 7L)).isNotEqualTo(first);
        assertThat(first).hasSize(25).doesNotHaveDuplicates().isSorted();
        assertThat(DAYS).containsAll(first);
    }

    @Test
    void a_sample_larger_than_the_population_takes_all_of_it() {
        assertThat(SampleDraw.draw(List.of(1, 2, 3), 5, 1L)).containsExactly(1, 2, 3);
        assertThat(SampleDraw.draw(List.of(1, 2, 3), 0, 1L)).isEmpty();
    }

    @Test
    void frequencies_follow_the_months_of_the_activity_library() {
        assertThat(SampleDraw.frequency(12)).isEqualTo("ANNUAL");
        assertThat(SampleDraw.frequency(3)).isEqualTo("QUARTERLY");
        assertThat(SampleDraw.frequency(1)).isEqualTo("MONTHLY");
        assertThat(SampleDraw.frequency(0)).isEqualTo("DAILY");
    }

    @Test
    void the_default_sample_sizes_are_the_common_soc2_practice_and_can_be_overridden() {
        EngagementProperties defaults = new EngagementProperties(null, null, null, null, null);
        assertThat(defaults.sampleSizes()).containsEntry("ANNUAL", 1).containsEntry("QUARTERLY", 2)
                .containsEntry("MONTHLY", 2).containsEntry("WEEKLY", 5).containsEntry("DAILY", 25);
        assertThat(defaults.accessDaysAfterReport()).isEqualTo(30);
        EngagementProperties custom = new EngagementProperties(null, null, null, java.util.Map.of("daily", 40), null);
        assertThat(custom.sampleSizes()).containsEntry("DAILY", 40).containsEntry("WEEKLY", 5);
    }
}
