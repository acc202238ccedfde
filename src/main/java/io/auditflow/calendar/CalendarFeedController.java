package io.auditflow.calendar;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves feeds at {@code /calendar/{user|org}/{token}.ics} without a login (calendar clients cannot
 * sign in): the secret token is the credential. Anything unknown is a bare 404. Read-only: GET only.
 */
@RestController
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeedService feeds;

    CalendarFeedController(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/calendar/{kind}/{file}")
    ResponseEntity<String> feed(@PathVariable String kind, @PathVariable String file) {
        if (!file.endsWith(".ics")) {
            return ResponseEntity.notFound().build();
        }
        String token = file.substring(0, file.length() - ".ics".length());
        return feeds.feed(kind, token)
                .map(body -> ResponseEntity.ok().contentType(TEXT_CALENDAR)
                        .cacheControl(CacheControl.noStore()).body(body))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
