package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.lifecycle.MilestoneStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvWordsTest {

    @Test
    void english_keeps_the_headers_and_codes_the_exports_always_wrote() {
        CsvWords en = CsvWords.of(Locale.UK);
        assertThat(en.header("soa", "Annex A control", "Applicable")).containsExactly("Annex A control", "Applicable");
        assertThat(en.code(MilestoneStatus.AT_RISK)).isEqualTo("AT_RISK");
        assertThat(en.yesNo(true)).isEqualTo("Yes");
        assertThat(en.day(LocalDate.parse("2026-12-24"))).isEqualTo("2026-12-24");
    }

    @Test
    void german_gets_german_headers_and_words_but_keeps_iso_dates_and_times_so_spreadsheets_sort_them() {
        CsvWords de = CsvWords.of(Locale.GERMANY);
        assertThat(de.header("soa", "Annex A control", "Applicable", "Implementation"))
                .containsExactly("Anhang-A-Maßnahme", "Anwendbar", "Umsetzung");
        assertThat(de.header("audit", "prev_hash")).containsExactly("Vorheriger Hash");
        assertThat(de.code(MilestoneStatus.AT_RISK)).isEqualTo("Gefährdet");
        assertThat(de.yesNo(false)).isEqualTo("Nein");
        assertThat(de.day(LocalDate.parse("2026-12-24"))).isEqualTo("2026-12-24");
        assertThat(de.instant(Instant.parse("2026-12-24T09:30:00Z"))).isEqualTo("2026-12-24T09:30:00Z");
        assertThat(de.code(null)).isEmpty();
    }
}
