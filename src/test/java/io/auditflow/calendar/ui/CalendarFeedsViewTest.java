package io.auditflow.calendar.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.calendar.CalendarFeedService;
import io.auditflow.calendar.FeedKind;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CalendarFeedsViewTest extends KaribuTest {

    @Autowired
    CalendarFeedService feeds;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void regenerating_shows_a_new_url_once_and_the_old_one_stops_working() {
        login("executive", Role.EXECUTIVE);
        UI.getCurrent().navigate("feeds");
        CalendarFeedsView view = _get(CalendarFeedsView.class);

        _click(view.regenerate.get(FeedKind.ORGANISATION));
        String first = view.urls.get(FeedKind.ORGANISATION).getValue();
        assertThat(first).contains("/calendar/org/").endsWith(".ics");
        assertThat(view.state.get(FeedKind.ORGANISATION).getText()).startsWith("Active since");
        assertThat(view.regenerate.get(FeedKind.ORGANISATION).getText()).isEqualTo("Regenerate address");

        _click(view.regenerate.get(FeedKind.ORGANISATION));
        String second = view.urls.get(FeedKind.ORGANISATION).getValue();
        assertThat(second).isNotEqualTo(first);
        assertThat(feeds.feed("org", token(first))).isEmpty();
        assertThat(feeds.feed("org", token(second))).isPresent();

        _click(view.turnOff.get(FeedKind.ORGANISATION));
        assertThat(feeds.feed("org", token(second))).isEmpty();
        assertThat(view.urls.get(FeedKind.ORGANISATION).isVisible()).isFalse();
        assertThat(view.state.get(FeedKind.ORGANISATION).getText()).isEqualTo("No address yet.");
    }

    @Test
    void a_german_user_sees_the_feeds_page_in_german_with_a_german_date() {
        clock.set(Instant.parse("2026-12-24T10:15:00Z"));
        login("executive", Role.EXECUTIVE);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("feeds");
        CalendarFeedsView view = _get(CalendarFeedsView.class);

        _click(view.regenerate.get(FeedKind.PERSONAL));

        assertThat(view.state.get(FeedKind.PERSONAL).getText()).isEqualTo("Aktiv seit 24.12.2026 10:15.");
        assertThat(view.regenerate.get(FeedKind.PERSONAL).getText()).isEqualTo("Adresse neu erzeugen");
        assertThat(view.turnOff.get(FeedKind.PERSONAL).getText()).isEqualTo("Abschalten");

        _click(view.turnOff.get(FeedKind.PERSONAL));
        assertThat(view.state.get(FeedKind.PERSONAL).getText()).isEqualTo("Noch keine Adresse.");
        assertThat(view.regenerate.get(FeedKind.PERSONAL).getText()).isEqualTo("Adresse erzeugen");
    }

    @Test
    void active_since_is_written_in_the_organisations_zone_not_in_utc() {
        // the test profile's zone is UTC; the view takes the organisation's zone (auditflow.zone) once, here Berlin
        clock.set(Instant.parse("2026-12-24T10:15:00Z"));
        login("executive", Role.EXECUTIVE);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("feeds");
        CalendarFeedsView view = _get(CalendarFeedsView.class);
        assertThat(view.zone).isEqualTo(java.time.ZoneId.of("UTC"));
        view.zone = java.time.ZoneId.of("Europe/Berlin");

        _click(view.regenerate.get(FeedKind.PERSONAL));
        assertThat(view.state.get(FeedKind.PERSONAL).getText()).isEqualTo("Aktiv seit 24.12.2026 11:15.");
        _click(view.turnOff.get(FeedKind.PERSONAL));
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1).replace(".ics", "");
    }
}
