package io.auditflow.timeline.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import io.auditflow.identity.UserLanguage;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A prefetch is made in the language the page and its view will have: the same rule as {@code <html lang>}
 * (UserLanguage.forPage), not the browser's first language. Before, a browser asking for French first and German
 * second got a German page and an English prefetch, which the view then threw away.
 */
class PagePrefetchTest {

    final UserLanguage languages = mock(UserLanguage.class);

    PagePrefetchTest() {
        when(languages.forPage(any(), anyList())).thenCallRealMethod();
    }

    @Test
    void a_french_then_german_browser_without_a_choice_prefetches_in_german() {
        when(languages.of("eve")).thenReturn(Optional.empty());
        VaadinRequest request = request("eve", "/timeline", List.of(Locale.FRENCH, Locale.forLanguageTag("de-AT")));
        assertThat(PagePrefetch.reader(request, "/timeline", languages)).contains(Locale.GERMAN);
    }

    @Test
    void a_stored_choice_wins_over_the_browser() {
        when(languages.of("eve")).thenReturn(Optional.of(Locale.ENGLISH));
        VaadinRequest request = request("eve", "/dashboard", List.of(Locale.GERMANY));
        assertThat(PagePrefetch.reader(request, "/dashboard", languages)).contains(Locale.ENGLISH);
    }

    @Test
    void other_pages_and_signed_out_requests_prefetch_nothing() {
        assertThat(PagePrefetch.reader(request("eve", "/inbox", List.of(Locale.GERMANY)), "/timeline", languages)).isEmpty();
        assertThat(PagePrefetch.reader(request(null, "/timeline", List.of(Locale.GERMANY)), "/timeline", languages)).isEmpty();
    }

    private static VaadinRequest request(String user, String path, List<Locale> locales) {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getUserPrincipal()).thenReturn(user == null ? null : () -> user);
        when(request.getPathInfo()).thenReturn(path);
        when(request.getLocales()).thenAnswer(i -> Collections.enumeration(locales));
        return request;
    }
}
