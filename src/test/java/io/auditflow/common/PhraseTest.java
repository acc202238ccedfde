package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.lifecycle.MilestoneType;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A phrase (key and arguments) is worded per reader: English exactly as the services wrote it, German from the bundle. */
class PhraseTest {

    @Test
    void a_row_problem_inside_a_row_phrase_is_worded_as_a_whole_in_both_languages() {
        Phrase p = Phrase.of("import.inRow", 7, Phrase.of("service.request.textLength", 4000));

        assertThat(p.english()).isEqualTo("row 7: keep the request text under 4000 characters");
        assertThat(p.in(Locale.GERMAN)).isEqualTo("Zeile 7: Der Anforderungstext darf höchstens 4000 Zeichen lang sein");
    }

    @Test
    void days_are_written_the_readers_way_and_enums_by_their_label() {
        Phrase p = Phrase.of("engagement.auditName", MilestoneType.SURVEILLANCE_AUDIT_1, 2, LocalDate.of(2026, 10, 7));

        assertThat(p.english()).isEqualTo("Surveillance audit 1 (cycle 2, 2026-10-07)");
        assertThat(p.in(Locale.forLanguageTag("de-AT"))).isEqualTo("Überwachungsaudit 1 (Zyklus 2, 07.10.2026)");
    }

    @Test
    void a_merge_reason_naming_the_same_item_twice_reads_german_and_quotes_survive() {
        assertThat(Phrase.of("engagement.merge.same", "A.5.15").in(Locale.GERMAN)).isEqualTo("beide nennen A.5.15");
        assertThat(Phrase.of("service.import.columnTwice", "owner").english()).isEqualTo("Row 1: column 'owner' appears twice");
    }

    @Test
    void a_field_error_with_a_phrase_keeps_the_english_message_for_the_api() {
        FieldError e = new FieldError("row 3", Phrase.of("service.import.referenceEmpty", 3));

        assertThat(e.message()).isEqualTo("Row 3: the reference is empty");
        assertThat(e.phrase().in(Locale.GERMAN)).isEqualTo("Zeile 3: Die Referenz ist leer");
        assertThat(new FieldError("name", "Give the program a name").phrase()).isNull();
    }

    @Test
    void a_controls_counting_period_reads_as_before_in_english_and_in_german_for_german_readers() {
        Phrase iso = Phrase.of("control.period.isoAudit", MilestoneType.SURVEILLANCE_AUDIT_1, LocalDate.of(2027, 1, 28),
                LocalDate.of(2026, 3, 1));

        assertThat(iso.english()).isEqualTo("Surveillance audit 1 on 2027-01-28, since 2026-03-01");
        assertThat(iso.in(Locale.GERMAN)).isEqualTo("Überwachungsaudit 1 am 28.01.2027, seit 01.03.2026");
        assertThat(Phrase.of("control.period.window", 1).english()).isEqualTo("Observation window, cycle 1");
        assertThat(Phrase.of("control.period.window", 1).in(Locale.GERMAN)).isEqualTo("Beobachtungszeitraum, Zyklus 1");
    }
}
