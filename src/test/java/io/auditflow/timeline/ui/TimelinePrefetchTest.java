package io.auditflow.timeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimelinePrefetchTest {

    @Test
    void the_page_prefetches_the_unfiltered_drawing_the_view_asks_for_first_in_the_readers_language() {
        assertThat(TimelinePrefetch.address(Locale.ENGLISH)).isEqualTo("exports/timeline/drawing?range=DEFAULT");
        assertThat(TimelinePrefetch.address(Locale.GERMANY)).isEqualTo("exports/timeline/drawing?range=DEFAULT&lang=de");
        assertThat(TimelinePrefetch.script("exports/timeline/drawing?range=DEFAULT&lang=de")).isEqualTo(
                "window.afTimeline={url:'exports/timeline/drawing?range=DEFAULT&lang=de',"
                        + "answer:fetch('exports/timeline/drawing?range=DEFAULT&lang=de',{credentials:'same-origin'}).catch(()=>null)};");
    }
}
