package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.control.ControlWords;
import io.auditflow.control.RequirementWords;
import io.auditflow.inbox.TaskWords;
import io.auditflow.lifecycle.Planner;
import io.auditflow.lifecycle.PlannerWords;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Stored English data (catalogue titles, task and control names, the planner's sentence, the size limit) reads German for a German reader and unchanged for an English one. */
class DataWordsTest {

    @Test
    void an_annex_a_control_and_a_soc2_criterion_have_german_titles_and_english_readers_keep_the_catalogue_words() {
        assertThat(RequirementWords.title("ISO27001", "A.5.15", "Access rules are set from business needs", Locale.GERMAN))
                .isEqualTo("Zugangsregeln richten sich nach geschäftlichen Erfordernissen");
        assertThat(RequirementWords.title("SOC2", "CC6.1", "Logical access is protected by software, design and setup", Locale.GERMAN))
                .isEqualTo("Logische Zugriffe sind durch Software, Architektur und Konfiguration geschützt");
        assertThat(RequirementWords.title("ISO27001", "A.5.15", "Access rules are set from business needs", Locale.ENGLISH))
                .isEqualTo("Access rules are set from business needs");
    }

    @Test
    void a_title_that_no_longer_matches_the_bundle_is_shown_as_stored_rather_than_a_stale_translation() {
        assertThat(RequirementWords.title("ISO27001", "A.5.15", "Access control", Locale.GERMAN)).isEqualTo("Access control");
        assertThat(ControlWords.name("USER_ACCESS_REVIEW", "Quarterly access recertification", Locale.GERMAN))
                .isEqualTo("Quarterly access recertification");
        assertThat(ControlWords.name("USER_ACCESS_REVIEW", "User access review", Locale.GERMAN))
                .isEqualTo("Überprüfung der Benutzerzugriffe");
    }

    @Test
    void every_iso_and_soc2_catalogue_item_has_a_german_title_and_the_english_bundle_repeats_the_catalogue_file() throws Exception {
        ResourceBundle english = Messages.bundle(Locale.ENGLISH);
        ResourceBundle german = Messages.bundle(Locale.GERMAN);
        int checked = 0;
        for (String file : List.of("iso27001-2022.json", "soc2-tsc-2017.json")) {
            try (InputStream in = getClass().getResourceAsStream("/catalogues/" + file)) {
                JsonNode catalogue = new ObjectMapper().readTree(in);
                for (JsonNode r : catalogue.get("requirements")) {
                    String key = RequirementWords.key(catalogue.get("code").asText(), r.get("id").asText());
                    assertThat(english.getString(key)).as(key).isEqualTo(r.get("title").asText());
                    assertThat(german.getString(key)).as(key).isNotBlank().isNotEqualTo(r.get("title").asText());
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(179);
    }

    @Test
    void every_nist_csf_item_has_a_german_title_the_functions_in_the_accepted_german_terms() throws Exception {
        ResourceBundle english = Messages.bundle(Locale.ENGLISH);
        ResourceBundle german = Messages.bundle(Locale.GERMAN);
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/catalogues/nist-csf-2.0.json")) {
            JsonNode catalogue = new ObjectMapper().readTree(in);
            for (JsonNode r : catalogue.get("requirements")) {
                String key = RequirementWords.key("NIST_CSF", r.get("id").asText());
                assertThat(english.getString(key)).as(key).isEqualTo(r.get("title").asText());
                assertThat(german.containsKey(key)).as(key).isTrue();
                assertThat(german.getString(key)).as(key).isNotBlank().isNotEqualTo(r.get("title").asText());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(134);
        // NIST's own German names of the functions
        assertThat(List.of("GV", "ID", "PR", "DE", "RS", "RC").stream()
                .map(id -> RequirementWords.title("NIST_CSF", id, english.getString(RequirementWords.key("NIST_CSF", id)), Locale.GERMAN)))
                .containsExactly("Steuern", "Identifizieren", "Schützen", "Erkennen", "Reagieren", "Wiederherstellen");
        assertThat(RequirementWords.title("NIST_CSF", "PR.AA-05", "Access permissions follow least privilege", Locale.GERMAN))
                .isEqualTo("Zugriffsrechte folgen dem Prinzip der minimalen Rechte");
    }

    @Test
    void every_crosswalk_rationale_reason_and_the_note_have_german_words_in_either_direction() throws Exception {
        ResourceBundle german = Messages.bundle(Locale.GERMAN);
        io.auditflow.control.Crosswalk crosswalk;
        try (InputStream in = getClass().getResourceAsStream("/crosswalks/soc2-iso27001.json")) {
            crosswalk = new ObjectMapper().readValue(in, io.auditflow.control.Crosswalk.class);
        }
        int checked = 0;
        for (io.auditflow.control.Crosswalk w : List.of(crosswalk, crosswalk.reversed())) {
            for (io.auditflow.control.Crosswalk.Mapping m : w.mappings()) {
                String key = io.auditflow.control.CrosswalkWords.key(w.from(), m.from(), w.to(), m.to());
                assertThat(german.containsKey(key)).as(key).isTrue();
                assertThat(io.auditflow.control.CrosswalkWords.rationale(w, m, Locale.GERMAN)).as(key)
                        .isEqualTo(german.getString(key)).isNotEqualTo(m.rationale());
                assertThat(io.auditflow.control.CrosswalkWords.rationale(w, m, Locale.ENGLISH)).isEqualTo(m.rationale());
                checked++;
            }
            for (io.auditflow.control.Crosswalk.Unmapped u : w.unmapped()) {
                assertThat(io.auditflow.control.CrosswalkWords.reason(u, Locale.GERMAN)).as(u.id()).isNotEqualTo(u.reason());
            }
            assertThat(io.auditflow.control.CrosswalkWords.note(w, Locale.GERMAN)).startsWith("Vom Auditflow-Projekt");
        }
        assertThat(checked).isEqualTo(2 * 146);
        io.auditflow.control.Crosswalk.Mapping first = crosswalk.mappings().get(0);
        assertThat(io.auditflow.control.CrosswalkWords.rationale(crosswalk, first, Locale.GERMAN))
                .isEqualTo("Die Verpflichtung der obersten Leitung im ISMS gibt den Ton von oben vor");
    }

    @Test
    void task_names_of_the_process_models_read_german_with_german_days() {
        assertThat(TaskWords.name("Confirm scope and sign the engagement letter", Locale.GERMAN))
                .isEqualTo("Umfang bestätigen und Auftragsschreiben unterzeichnen");
        assertThat(TaskWords.name("Fieldwork in 30 days: answer the auditor's request list", Locale.GERMAN))
                .isEqualTo("Prüfung vor Ort in 30 Tagen: Anforderungsliste des Prüfers beantworten");
        assertThat(TaskWords.name("Fieldwork in 14 days: prepare", Locale.GERMAN)).isEqualTo("Prüfung vor Ort in 14 Tagen: vorbereiten");
        assertThat(TaskWords.name("Late audit: Stage 2 audit", Locale.GERMAN)).isEqualTo("Verspätetes Audit: Stufe-2-Audit");
        assertThat(TaskWords.name("User access review (2027-01-01 to 2027-03-31)", Locale.GERMAN))
                .isEqualTo("Überprüfung der Benutzerzugriffe (01.01.2027 bis 31.03.2027)");
    }

    @Test
    void a_task_name_nothing_matches_a_requests_own_words_and_every_name_for_english_readers_stay_as_stored() {
        assertThat(TaskWords.name("PBC-07: export of the firewall rules", Locale.GERMAN)).isEqualTo("PBC-07: export of the firewall rules");
        assertThat(TaskWords.name("Audit request PBC-05: Security awareness training records", Locale.GERMAN))
                .isEqualTo("Prüfungsanforderung PBC-05: Security awareness training records");
        assertThat(TaskWords.name("Confirm scope and sign the engagement letter", Locale.ENGLISH))
                .isEqualTo("Confirm scope and sign the engagement letter");
    }

    @Test
    void the_planners_not_yet_covered_sentence_reads_german_on_every_screen_that_uses_the_one_owner() {
        Planner.Coverage notStarted = new Planner.Coverage(Planner.CoverageKind.NOT_STARTED, LocalDate.of(2027, 1, 1), null,
                "Not covered yet: the first period starts 2027-01-01", List.of());

        assertThat(PlannerWords.coverage(notStarted, Locale.GERMAN)).isEqualTo("Noch nicht abgedeckt: der erste Zeitraum beginnt am 01.01.2027");
        assertThat(PlannerWords.coverage(notStarted, Locale.ENGLISH)).isEqualTo("Not covered yet: the first period starts 2027-01-01");
    }

    @Test
    void a_planned_gap_is_worded_as_planned_because_the_planner_said_so() {
        Planner.Coverage planned = new Planner.Coverage(Planner.CoverageKind.GAP, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31),
                "Gap planned: 2027-01-01 to 2027-03-31 (90 days) no report period covers", List.of());

        assertThat(PlannerWords.coverage(planned, Locale.GERMAN))
                .isEqualTo("Lücke geplant: 01.01.2027 bis 31.03.2027, kein Berichtszeitraum deckt sie ab");
    }

    @Test
    void the_upload_size_limit_stays_english_for_the_api_and_reads_german_on_screen() {
        Phrase named = Problems.tooLarge(Problems.named("audit.pdf"), DataSize.ofMegabytes(20));

        assertThat(named.english()).isEqualTo("'audit.pdf' is larger than the limit of 20 MB");
        assertThat(named.in(Locale.GERMAN)).isEqualTo("„audit.pdf“ ist größer als die Grenze von 20 MB");
        assertThat(Problems.tooLarge(Problems.THE_FILE, DataSize.ofMegabytes(20)).in(Locale.GERMAN))
                .isEqualTo("Die Datei ist größer als die Grenze von 20 MB");
        assertThat(Problems.tooLarge("The file", DataSize.ofMegabytes(20))).isEqualTo("The file is larger than the limit of 20 MB");
    }

    @Test
    void the_inboxs_everyday_conflicts_and_refusals_read_german() {
        assertThat(Messages.fromEnglish("'Internal audit' was claimed by bob a moment ago", Locale.GERMAN))
                .isEqualTo("„Internal audit“ wurde gerade von bob übernommen");
        assertThat(Messages.fromEnglish("'Internal audit' was already completed by bob", Locale.GERMAN))
                .isEqualTo("„Internal audit“ wurde bereits von bob abgeschlossen");
        assertThat(Messages.fromEnglish("Select at most 200 tasks at once", Locale.GERMAN))
                .isEqualTo("Wählen Sie höchstens 200 Aufgaben auf einmal aus");
        assertThat(Messages.fromEnglish("'Internal audit' was claimed by bob a moment ago", Locale.ENGLISH))
                .isEqualTo("'Internal audit' was claimed by bob a moment ago");
    }
}
