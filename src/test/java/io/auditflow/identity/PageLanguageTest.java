package io.auditflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The language a page is written in ({@code <html lang>}, the view, what the page prefetches): the person's choice first, then the browser's languages in order. */
class PageLanguageTest {

    @Test
    void a_stored_choice_of_german_wins_over_an_english_browser() {
        assertThat(UserLanguage.pageLanguage(Locale.GERMAN, List.of(Locale.US))).isEqualTo(Locale.GERMAN);
    }

    @Test
    void a_stored_choice_of_english_wins_over_a_german_browser() {
        assertThat(UserLanguage.pageLanguage(Locale.ENGLISH, List.of(Locale.GERMANY))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void without_a_choice_the_first_browser_language_auditflow_speaks_is_taken() {
        // French first (not shipped), then Austrian German: the page is German, as the UI's words are
        assertThat(UserLanguage.pageLanguage(null, List.of(Locale.FRENCH, Locale.forLanguageTag("de-AT"), Locale.ENGLISH))).isEqualTo(Locale.GERMAN);
    }

    @Test
    void a_browser_that_speaks_none_of_the_shipped_languages_gets_english() {
        assertThat(UserLanguage.pageLanguage(null, List.of(Locale.FRENCH, Locale.JAPANESE))).isEqualTo(Locale.ENGLISH);
        assertThat(UserLanguage.pageLanguage(null, List.of())).isEqualTo(Locale.ENGLISH);
    }
}
