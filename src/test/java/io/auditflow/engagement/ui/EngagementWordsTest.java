package io.auditflow.engagement.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.engagement.AuditRequest;
import io.auditflow.engagement.EngagementFixture;
import io.auditflow.engagement.EngagementForm;
import io.auditflow.engagement.EngagementService;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engagement list, an engagement and a request in the reader's language: German words and dates, English unchanged. */
@IntegrationTest
class EngagementWordsTest extends KaribuTest {

    @Autowired EngagementService engagements;
    @Autowired InboxFixture inbox;

    private long engagementWithTwoRequests(String name) {
        Program program = inbox.program(name, "grc");
        long id = SystemAuthentication.call(() -> engagements.create(new EngagementForm(program.id(), "OBSERVATION_END", 1,
                null, "Example CPA", null, null, null, LocalDate.parse("2025-07-01"), LocalDate.parse("2025-12-31")))).id();
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("engagements/" + id);
        _get(EngagementView.class).importCsv(EngagementFixture.bytes(EngagementFixture.CSV));
        return id;
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_german_manager_reads_the_engagement_list_page_and_request_in_german_with_german_dates() {
        long id = engagementWithTwoRequests("Wörter");
        UI.getCurrent().setLocale(Locale.GERMAN);

        UI.getCurrent().navigate("engagements");
        EngagementListView list = _get(EngagementListView.class);
        assertThat(list.create.getText()).isEqualTo("Neuer Prüfungsauftrag");
        assertThat(list.grid.getColumnByKey("period").getHeaderText()).isEqualTo("Zeitraum");
        assertThat(list.grid.getColumnByKey("fieldwork").getHeaderText()).isEqualTo("Prüfung vor Ort");
        assertThat(list.grid.getColumnByKey("firm").getHeaderText()).isEqualTo("Prüfungsgesellschaft");
        int row = java.util.stream.IntStream.range(0, GridKt._size(list.grid))
                .filter(i -> GridKt._get(list.grid, i).id() == id).findFirst().orElseThrow();
        assertThat(GridKt._getFormatted(list.grid, row, "period")).isEqualTo("01.07.2025 – 31.12.2025");

        UI.getCurrent().navigate("engagements/" + id);
        EngagementView view = _get(EngagementView.class);
        String page = view.getElement().getTextRecursively();
        assertThat(page).contains("← Alle Prüfungsaufträge", "Zeitraum, in dem Nachweise zählen",
                "01.07.2025 – 31.12.2025", "Prüfungsgesellschaft", "Anforderungen", "Stichprobe ziehen",
                "Prüfungsordner herunterladen (ZIP)", "Kontrollaktivitäten des Zeitraums");
        assertThat(_get(Div.class, spec -> spec.withId("engagement-progress")).getElement().getTextRecursively())
                .contains("Offen: 2", "Überfällig: ");
        Grid<AuditRequest> requests = view.grid;
        assertThat(requests.getColumnByKey("text").getHeaderText()).isEqualTo("Anforderung");
        assertThat(requests.getColumnByKey("due").getHeaderText()).isEqualTo("Fällig");
        assertThat(view.statusFilter.getLabel()).isEqualTo("Status");
        assertThat(view.statusFilter.getEmptySelectionCaption()).isEqualTo("Alle");
        // Vaadin's own upload texts in German too
        com.vaadin.flow.component.upload.Upload upload = _get(com.vaadin.flow.component.upload.Upload.class);
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("Datei hochladen …");
        assertThat(upload.getI18n().getError().getFileIsTooBig()).isEqualTo("Die Datei ist zu groß.");

        view.importCsv(EngagementFixture.bytes("reference,request\nA-1,\n"));
        assertThat(_get(Div.class, spec -> spec.withId("import-errors")).getElement().getTextRecursively())
                .startsWith("Es wurde nichts importiert:");

        long requestId = requests.getGenericDataView().getItems().filter(r -> r.reference().equals("PBC-01"))
                .findFirst().orElseThrow().id();
        UI.getCurrent().navigate("engagements/requests/" + requestId);
        RequestView request = _get(RequestView.class);
        assertThat(request.getElement().getTextRecursively()).contains("Kriterien", "Fällig", "15.02.2026",
                "01.07.2025 – 31.12.2025", "Nachweise", "Noch keine Nachweise.", "Verlauf", "Noch keine Kommentare.");
        assertThat(request.comment.getLabel()).isEqualTo("Zum Verlauf hinzufügen");
        assertThat(_get(Button.class, spec -> spec.withId("post-comment")).getText()).isEqualTo("Senden");
    }

    @Test
    void the_title_keeps_each_date_of_the_stored_name_whole_so_it_never_breaks_at_a_hyphen() {
        long id = engagementWithTwoRequests("Whole dates");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("engagements/" + id);
        com.vaadin.flow.component.html.H2 title = _get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("engagement-title"));

        // the default name as stored, read in full, with its day (the period's end) in a span that does not wrap
        assertThat(title.getElement().getTextRecursively()).isEqualTo(SystemAuthentication.call(() -> engagements.get(id)).name())
                .startsWith("Whole dates ").endsWith(" · Type II observation window (cycle 1, 2025-12-31)");
        assertThat(title.getChildren().filter(c -> c instanceof com.vaadin.flow.component.html.Span)
                .map(c -> (com.vaadin.flow.component.html.Span) c)
                .filter(s -> "nowrap".equals(s.getStyle().get("white-space"))).map(com.vaadin.flow.component.html.Span::getText))
                .containsExactly("2025-12-31");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_english_reader_sees_the_engagement_words_and_iso_dates_as_before() {
        long id = engagementWithTwoRequests("Words");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("engagements");
        EngagementListView list = _get(EngagementListView.class);
        assertThat(list.create.getText()).isEqualTo("New engagement");
        assertThat(list.grid.getColumnByKey("fieldwork").getHeaderText()).isEqualTo("Fieldwork");

        UI.getCurrent().navigate("engagements/" + id);
        EngagementView view = _get(EngagementView.class);
        assertThat(view.getElement().getTextRecursively()).contains("← All engagements", "Period whose evidence counts",
                "2025-07-01 – 2025-12-31", "Audit firm", "Example CPA", "Download binder (ZIP)");
        assertThat(_get(Div.class, spec -> spec.withId("engagement-progress")).getElement().getTextRecursively())
                .contains("Open: 2", "Overdue: ");
        assertThat(view.grid.getColumnByKey("text").getHeaderText()).isEqualTo("Request");
        assertThat(_get(com.vaadin.flow.component.upload.Upload.class).getI18n()).as("Vaadin's own English texts").isNull();

        long requestId = view.grid.getGenericDataView().getItems().filter(r -> r.reference().equals("PBC-01"))
                .findFirst().orElseThrow().id();
        UI.getCurrent().navigate("engagements/requests/" + requestId);
        assertThat(_get(RequestView.class).getElement().getTextRecursively()).contains("Criteria", "2026-02-15",
                "2025-07-01 – 2025-12-31", "No evidence yet.", "Thread", "No comments yet.");
    }

    @Test
    void the_create_dialog_names_the_audits_of_the_calendar_in_german() {
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("engagements");
        EngagementListView list = _get(EngagementListView.class);
        list.openCreate(null);
        assertThat(EngagementListView.auditLabel(new io.auditflow.engagement.AuditOption("SURVEILLANCE_AUDIT_1", 2,
                LocalDate.parse("2026-10-07"), "Surveillance audit 1 (cycle 2, 2026-10-07)")))
                .isEqualTo("Überwachungsaudit 1 (Zyklus 2, 07.10.2026)");
        assertThat(_get(Button.class, spec -> spec.withId("engagement-save")).getText()).isEqualTo("Anlegen");
    }
}
