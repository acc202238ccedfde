package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final LocalDate CHRISTMAS_EVE = LocalDate.of(2026, 12, 24);

    @Test
    void a_german_reader_sees_day_month_year_with_dots() {
        assertThat(Formats.date(CHRISTMAS_EVE, Locale.GERMAN)).isEqualTo("24.12.2026");
        assertThat(Formats.date(LocalDate.of(2026, 3, 1), Locale.forLanguageTag("de-DE"))).isEqualTo("01.03.2026");
        assertThat(Formats.datePattern(Locale.GERMAN)).isEqualTo("dd.MM.yyyy");
    }

    @Test
    void an_english_reader_keeps_iso_dates_and_the_picker_gets_the_same_pattern() {
        assertThat(Formats.date(CHRISTMAS_EVE, Locale.ENGLISH)).isEqualTo("2026-12-24");
        assertThat(Formats.date(CHRISTMAS_EVE, Locale.US)).isEqualTo("2026-12-24");
        assertThat(Formats.datePattern(Locale.UK)).isEqualTo("yyyy-MM-dd");
    }

    @Test
    void times_are_shown_in_the_organisation_zone() {
        Instant lateEvening = Instant.parse("2026-12-24T23:30:00Z");
        assertThat(Formats.dateTime(lateEvening, ZoneId.of("Europe/Berlin"), Locale.GERMAN)).isEqualTo("25.12.2026 00:30");
        assertThat(Formats.dateTime(lateEvening, ZoneId.of("UTC"), Locale.ENGLISH)).isEqualTo("2026-12-24 23:30");
    }

    @Test
    void numbers_group_thousands_the_readers_way() {
        assertThat(Formats.number(12345.5, Locale.GERMAN)).isEqualTo("12.345,5");
        assertThat(Formats.number(12345.5, Locale.ENGLISH)).isEqualTo("12,345.5");
    }

    @Test
    void a_missing_day_is_an_empty_text() {
        assertThat(Formats.date(null, Locale.GERMAN)).isEmpty();
        assertThat(Formats.period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Locale.GERMAN))
                .isEqualTo("01.01.2026 – 31.12.2026");
    }
}
