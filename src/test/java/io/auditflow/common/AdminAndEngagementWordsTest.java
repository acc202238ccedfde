package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Refusals of the admin screens (mail outbox, language) and of the engagement services, written by those
 * services as English literals, read in German through their service.* pairs (decision 0140); English readers
 * and the API keep the service's words.
 */
class AdminAndEngagementWordsTest {

    private static String german(String english) {
        return Messages.fromEnglish(english, Locale.GERMAN);
    }

    @Test
    void the_mail_outbox_refuses_a_resend_in_german() {
        assertThat(german("This mail is being sent right now; try again in a moment"))
                .isEqualTo("Diese Mail wird gerade gesendet; versuchen Sie es gleich noch einmal");
        assertThat(german("This mail has no address to send to")).isEqualTo("Diese Mail hat keine Adresse, an die sie gesendet werden kann");
        assertThat(german("No mail with id 42")).isEqualTo("Keine Mail mit der ID 42");
    }

    @Test
    void an_engagement_form_refuses_in_german_with_its_values_kept() {
        assertThat(german("Keep the firm's name under 200 characters"))
                .isEqualTo("Der Name der Prüfungsgesellschaft muss kürzer als 200 Zeichen sein");
        assertThat(german("The period ends before it starts")).isEqualTo("Der Zeitraum endet, bevor er beginnt");
        assertThat(german("Otto Auditor does not have the Auditor role")).isEqualTo("Otto Auditor hat nicht die Rolle Prüfer");
        assertThat(german("'otto' is not invited to this engagement")).isEqualTo("„otto“ ist zu diesem Prüfungsauftrag nicht eingeladen");
    }

    @Test
    void a_review_conflict_names_the_request_and_who_decided_in_german() {
        assertThat(german("A-7 is accepted (decided by Otto Auditor); nothing was changed"))
                .isEqualTo("A-7 ist angenommen (entschieden von Otto Auditor); es wurde nichts geändert");
        assertThat(german("A-7 is needs revision; nothing was changed")).isEqualTo("A-7 muss überarbeitet werden; es wurde nichts geändert");
        assertThat(german("A-7 changed a moment ago; look at it again"))
                .isEqualTo("Die Anforderung A-7 wurde gerade geändert; sehen Sie sie sich noch einmal an");
    }

    @Test
    void a_sample_without_occurrences_writes_its_period_the_german_way() {
        assertThat(german("User access review has no occurrences in the period 2026-01-01 to 2026-03-31"))
                .isEqualTo("User access review hat im Zeitraum vom 01.01.2026 bis 31.03.2026 keine Durchführungen");
    }

    @Test
    void english_readers_keep_the_services_words() {
        assertThat(Messages.fromEnglish("A-7 changed a moment ago; look at it again", Locale.ENGLISH))
                .isEqualTo("A-7 changed a moment ago; look at it again");
    }
}
