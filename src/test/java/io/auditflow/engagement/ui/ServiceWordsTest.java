package io.auditflow.engagement.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.engagement.Engagement;
import io.auditflow.engagement.EngagementFixture;
import io.auditflow.engagement.EngagementForm;
import io.auditflow.engagement.EngagementService;
import io.auditflow.identity.UserLanguage;
import io.auditflow.identity.UserService;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Messages that services put together from pieces (import rows, merge reasons, the default engagement
 * name) carry a key and arguments: German readers read them in German, English ones exactly as before,
 * and the API's error body stays English (decision 0153).
 */
@IntegrationTest
class ServiceWordsTest extends KaribuTest {

    static final String BAD_HEADER = "reference,request,colour\r\nA-1,Something,blue\r\n";
    static final String BAD_ROW = "reference,request,due date\r\nA-1,,31/02/2026\r\n";
    static final String LONG_REFERENCE = "reference,request\r\nREF-0123456789-0123456789-0123456789-0123456789,Fine text\r\n";

    @Autowired EngagementService engagements;
    @Autowired EngagementFixture fx;
    @Autowired InboxFixture inbox;
    @Autowired UserService users;
    @Autowired UserLanguage languages;
    @Autowired JdbcTemplate jdbc;

    private long engagement(Program program) {
        return SystemAuthentication.call(() -> engagements.create(new EngagementForm(program.id(), "OBSERVATION_END", 1,
                null, null, null, null, null, LocalDate.parse("2025-07-01"), LocalDate.parse("2025-12-31")))).id();
    }

    private EngagementView open(long id, Locale locale) {
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("engagements/" + id);
        return _get(EngagementView.class);
    }

    /** The lines under "Nothing was imported:", one per problem. */
    private static List<String> importErrors() {
        List<String> lines = new ArrayList<>();
        _get(Div.class, spec -> spec.withId("import-errors")).getChildren()
                .filter(c -> c instanceof Div).map(Component::getElement).forEach(e -> lines.add(e.getText()));
        return lines;
    }

    @Test
    void a_german_manager_reads_a_bad_header_and_bad_rows_of_an_import_in_german() {
        EngagementView view = open(engagement(inbox.program("Import auf Deutsch", "grc")), Locale.GERMAN);

        view.importCsv(EngagementFixture.bytes(BAD_HEADER));
        assertThat(importErrors()).containsExactly(
                "Zeile 1: unbekannte Spalte „colour“; verwenden Sie reference, request, criteria, due date, owner hint");

        view.importCsv(EngagementFixture.bytes(BAD_ROW));
        assertThat(importErrors()).containsExactly("Zeile 2: Der Anforderungstext ist leer",
                "Zeile 2: „31/02/2026“ ist kein Datum; schreiben Sie 31.03.2026 (oder 2026-03-31)");

        view.importCsv(EngagementFixture.bytes(LONG_REFERENCE));
        assertThat(importErrors()).containsExactly("Zeile 2: Die Referenz darf höchstens 40 Zeichen lang sein");
    }

    @Test
    void an_english_manager_reads_the_same_import_problems_exactly_as_before() {
        EngagementView view = open(engagement(inbox.program("Import in English", "grc")), Locale.ENGLISH);

        view.importCsv(EngagementFixture.bytes(BAD_HEADER));
        assertThat(importErrors()).containsExactly(
                "Row 1: unknown column 'colour'; use reference, request, criteria, due date, owner hint");

        view.importCsv(EngagementFixture.bytes(BAD_ROW));
        assertThat(importErrors()).containsExactly("Row 2: the request text is empty",
                "Row 2: '31/02/2026' is not a date; use 2026-03-31 (or 31.03.2026)");

        view.importCsv(EngagementFixture.bytes(LONG_REFERENCE));
        assertThat(importErrors()).containsExactly("row 2: keep the reference under 40 characters");
    }

    @Test
    void the_api_answers_a_german_manager_with_the_english_text_and_no_key() {
        SystemAuthentication.run(() -> {
            users.seedUser("manager-de", "Managerin Deutsch", "manager-de@auditflow.example", "demo",
                    Set.of(Role.COMPLIANCE_MANAGER), Set.of("grc"));
            languages.set("manager-de", Locale.GERMAN);
        });
        long id = engagement(inbox.program("Import API", "grc"));

        ResponseEntity<JsonNode> r = fx.importCsv("manager-de", id, EngagementFixture.bytes(BAD_HEADER));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = r.getBody().get("fieldErrors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("row 1");
        assertThat(error.get("message").asText())
                .isEqualTo("Row 1: unknown column 'colour'; use reference, request, criteria, due date, owner hint");
        List<String> names = new ArrayList<>();
        error.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("field", "message");
    }

    @Test
    void a_merge_reason_reads_german_for_a_german_manager_and_english_for_an_english_one() {
        Program soc2 = inbox.program("Gemeinsam SOC 2", "grc");
        Program iso = inbox.program("Gemeinsam ISO", "grc", Framework.ISO27001);
        jdbc.update("insert into joint_plan_proposal (soc2_program_id, iso_program_id, iso_milestone, iso_cycle, iso_audit_date,"
                        + " soc2_cycle, current_fieldwork, proposed_fieldwork, status, decided_by, decided_at, created_at)"
                        + " values (?, ?, 'SURVEILLANCE_AUDIT_1', 1, ?, 1, ?, ?, 'ACCEPTED', 'manager', ?, ?)",
                soc2.id(), iso.id(), LocalDate.of(2026, 10, 7), LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 5),
                Timestamp.from(Instant.parse("2026-01-05T09:00:00Z")), Timestamp.from(Instant.parse("2026-01-05T08:00:00Z")));
        long id = engagement(soc2);

        open(id, Locale.GERMAN);
        JointImportPanel panel = _get(JointImportPanel.class);
        panel.preview(EngagementFixture.bytes(JointImportPanelTest.CSV));
        assertThat(GridKt._getFormatted(panel.merges, 0, "why")).isEqualTo("CC7.2 ist gleichwertig mit A.8.16");

        open(id, Locale.ENGLISH);
        panel = _get(JointImportPanel.class);
        panel.preview(EngagementFixture.bytes(JointImportPanelTest.CSV));
        assertThat(GridKt._getFormatted(panel.merges, 0, "why")).isEqualTo("CC7.2 is equivalent to A.8.16");
    }

    @Test
    void the_default_engagement_name_is_written_in_the_creators_language_with_their_date_format() {
        Program program = inbox.program("Namensprobe", "grc");
        EngagementForm unnamed = new EngagementForm(program.id(), "OBSERVATION_END", 1, null, null, null, null, null,
                LocalDate.parse("2025-07-01"), LocalDate.parse("2025-12-31"));

        Engagement german = SystemAuthentication.call(() -> engagements.create(unnamed, Locale.GERMAN));
        Engagement english = SystemAuthentication.call(() -> engagements.create(unnamed, Locale.ENGLISH));

        assertThat(german.name()).isEqualTo(program.name() + " · Type-II-Beobachtungszeitraum (Zyklus 1, 31.12.2025)");
        assertThat(english.name()).isEqualTo(program.name() + " · Type II observation window (cycle 1, 2025-12-31)");
    }
}
