package io.auditflow.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The {@code <html lang>} a page is served with: the person's choice first, then the browser's languages in order. */
class PageLanguageTest {

    @Test
    void a_stored_choice_of_german_wins_over_an_english_browser() {
        assertThat(LanguageSetup.pageLanguage(Locale.GERMAN, List.of(Locale.US))).isEqualTo("de");
    }

    @Test
    void a_stored_choice_of_english_wins_over_a_german_browser() {
        assertThat(LanguageSetup.pageLanguage(Locale.ENGLISH, List.of(Locale.GERMANY))).isEqualTo("en");
    }

    @Test
    void without_a_choice_the_first_browser_language_auditflow_speaks_is_taken() {
        // French first (not shipped), then Austrian German: the page is German, as the UI's words are
        assertThat(LanguageSetup.pageLanguage(null, List.of(Locale.FRENCH, Locale.forLanguageTag("de-AT"), Locale.ENGLISH)))
                .isEqualTo("de");
    }

    @Test
    void a_browser_that_speaks_none_of_the_shipped_languages_gets_english() {
        assertThat(LanguageSetup.pageLanguage(null, List.of(Locale.FRENCH, Locale.JAPANESE))).isEqualTo("en");
        assertThat(LanguageSetup.pageLanguage(null, List.of())).isEqualTo("en");
    }
}
