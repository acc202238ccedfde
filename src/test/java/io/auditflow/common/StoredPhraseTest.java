package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.lifecycle.MilestoneType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A phrase kept in the database reads back as the same words, in any reader's language (decision 0181). */
class StoredPhraseTest {

    private static final Map<String, StoredPhrase.Kind> NONE = Map.of();

    private static Phrase again(Phrase phrase, Map<String, StoredPhrase.Kind> kinds) {
        return StoredPhrase.read(phrase.key(), StoredPhrase.args(phrase), kinds);
    }

    @Test
    void an_audit_reminder_with_an_enum_a_nested_phrase_and_text_reads_back_in_both_languages() {
        Phrase subject = Phrase.of("mail.audit.subject", MilestoneType.STAGE2_AUDIT, Phrase.of("mail.when.inDays", "14"), "Payments");
        Phrase read = again(subject, NONE);

        assertThat(read.english()).isEqualTo(subject.english());
        assertThat(read.in(Locale.GERMAN)).isEqualTo(subject.in(Locale.GERMAN)).contains("in 14 Tagen").contains("Payments");
    }

    @Test
    void days_and_counted_days_keep_their_kind() {
        assertThat(again(Phrase.of("mail.escalation.days", 1L), NONE).in(Locale.GERMAN)).isEqualTo("1 Tag");
        assertThat(again(Phrase.of("mail.escalation.days", 3L), NONE).in(Locale.ENGLISH)).isEqualTo("3 days");
        Phrase period = Phrase.of("service.sample.noOccurrences", "X", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        assertThat(again(period, NONE).in(Locale.GERMAN)).isEqualTo("X hat im Zeitraum vom 01.01.2026 bis 31.03.2026 keine Durchführungen");
    }

    @Test
    void stored_data_is_worded_by_its_kind_and_read_as_stored_when_no_feature_words_it() {
        Phrase named = Phrase.of("notification.task", new StoredPhrase.Data("test.kind", "Stored words", l -> "Stored words"));
        StoredPhrase.Kind upper = new StoredPhrase.Kind() {
            @Override
            public String kind() {
                return "test.kind";
            }

            @Override
            public Worded of(String stored) {
                return l -> Locale.GERMAN.equals(l) ? "Gespeicherte Worte" : stored;
            }
        };
        assertThat(again(named, Map.of("test.kind", upper)).in(Locale.GERMAN)).isEqualTo("Gespeicherte Worte");
        assertThat(again(named, NONE).in(Locale.GERMAN)).isEqualTo("Stored words");
    }
}
