package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A service's English refusal read in German through the bundle (decision 0140); English and unknown texts pass through. */
class ServiceMessagesTest {

    @Test
    void a_fixed_english_message_becomes_its_german_text() {
        assertThat(Messages.fromEnglish("Give the Stage 1 audit date", Locale.GERMAN))
                .isEqualTo("Geben Sie das Datum des Stufe-1-Audits an");
    }

    @Test
    void values_in_a_message_are_kept_and_an_iso_day_is_written_the_german_way() {
        assertThat(Messages.fromEnglish("This certificate expired on 2026-12-24: start an initial certification instead", Locale.GERMAN))
                .isEqualTo("Dieses Zertifikat ist am 24.12.2026 abgelaufen: Beginnen Sie stattdessen mit einer Erstzertifizierung");
        assertThat(Messages.fromEnglish("Another program is already called 'Cloud's SOC 2'", Locale.GERMAN))
                .isEqualTo("Ein anderes Programm heißt bereits „Cloud's SOC 2“");
        assertThat(Messages.fromEnglish("Choose a framework: SOC 2 Type I (SOC2_TYPE1), SOC 2 Type II (SOC2_TYPE2) or "
                + "ISO/IEC 27001 (ISO27001)", Locale.GERMAN))
                .isEqualTo("Wählen Sie ein Rahmenwerk: SOC 2 Type I (SOC2_TYPE1), SOC 2 Type II (SOC2_TYPE2) oder ISO/IEC 27001 (ISO27001)");
    }

    @Test
    void english_readers_and_messages_the_bundle_does_not_know_get_the_text_unchanged() {
        assertThat(Messages.fromEnglish("Stage 2 comes after Stage 1 (2026-12-24)", Locale.ENGLISH))
                .isEqualTo("Stage 2 comes after Stage 1 (2026-12-24)");
        assertThat(Messages.fromEnglish("Something no bundle knows", Locale.GERMAN)).isEqualTo("Something no bundle knows");
        assertThat(Messages.fromEnglish(null, Locale.GERMAN)).isNull();
    }
}
