package io.auditflow.timeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.timeline.DashboardService;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DashboardPrefetchTest {

    final DashboardPrefetch prefetch = new DashboardPrefetch(null, null);
    final DashboardService.Page page = new DashboardService.Page(null, List.of());

    @Test
    void the_first_round_trip_takes_the_prefetched_page_once_and_a_second_one_computes_its_own() {
        prefetch.offer("session-1", new DashboardPrefetch.Waiting(Locale.GERMAN, System.nanoTime(),
                CompletableFuture.completedFuture(page)));

        assertThat(prefetch.take("session-2", Locale.GERMAN)).isEmpty();
        assertThat(prefetch.take("session-1", Locale.GERMAN)).containsSame(page);
        assertThat(prefetch.take("session-1", Locale.GERMAN)).isEmpty();
        assertThat(prefetch.waiting()).isZero();
    }

    @Test
    void a_page_prefetched_in_another_language_or_too_long_ago_is_dropped_not_shown() {
        prefetch.offer("session-1", new DashboardPrefetch.Waiting(Locale.ENGLISH, System.nanoTime(),
                CompletableFuture.completedFuture(page)));
        prefetch.offer("session-2", new DashboardPrefetch.Waiting(Locale.ENGLISH,
                System.nanoTime() - TimeUnit.SECONDS.toNanos(21), CompletableFuture.completedFuture(page)));

        assertThat(prefetch.take("session-1", Locale.GERMAN)).isEmpty();
        assertThat(prefetch.take("session-2", Locale.ENGLISH)).isEmpty();
        assertThat(prefetch.waiting()).isZero();
    }

    @Test
    void a_prefetch_that_failed_leaves_the_view_to_compute_the_page_itself() {
        prefetch.offer("session-1", new DashboardPrefetch.Waiting(Locale.ENGLISH, System.nanoTime(),
                CompletableFuture.failedFuture(new IllegalStateException("database gone"))));

        assertThat(prefetch.take("session-1", Locale.ENGLISH)).isEmpty();
        prefetch.stop();
    }
}
