package io.auditflow.engagement.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engagement page server-side: import with errors next to the upload, then a good list, then the filter. */
@IntegrationTest
class EngagementViewsTest extends KaribuTest {

    @Autowired EngagementService engagements;
    @Autowired InboxFixture inbox;
    @Autowired io.auditflow.identity.UserService users;

    @Test
    void a_bad_list_shows_every_row_problem_and_a_good_one_fills_the_grid() {
        Program program = inbox.program("Views", "grc");
        long id = SystemAuthentication.call(() -> engagements.create(new EngagementForm(program.id(), "OBSERVATION_END", 1,
                null, null, null, null, null, LocalDate.parse("2025-07-01"), LocalDate.parse("2025-12-31")))).id();
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("engagements/" + id);
        EngagementView view = _get(EngagementView.class);

        view.importCsv(EngagementFixture.bytes("reference,request\nA-1,\n"));
        Div errors = _get(Div.class, spec -> spec.withId("import-errors"));
        assertThat(errors.isVisible()).isTrue();
        assertThat(errors.getElement().getTextRecursively()).contains("Row 2: the request text is empty");

        view.importCsv(EngagementFixture.bytes(EngagementFixture.CSV));
        assertThat(errors.isVisible()).isFalse();
        @SuppressWarnings("unchecked")
        Grid<AuditRequest> grid = _get(Grid.class, spec -> spec.withId("request-grid"));
        assertThat(grid.getGenericDataView().getItems().map(AuditRequest::reference)).containsExactly("PBC-01", "PBC-02");
        // PBC-01's owner hint "grc" reads as the team's name, not its code
        String grc = users.findTeam("grc").orElseThrow().name();
        assertThat(grc).isNotEqualToIgnoringCase("grc");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0)).contains(grc).doesNotContain("grc");
        view.statusFilter.setValue(io.auditflow.engagement.RequestStatus.ACCEPTED);
        assertThat(grid.getGenericDataView().getItems()).isEmpty();
        assertThat(_get(Div.class, spec -> spec.withId("engagement-progress")).getElement().getTextRecursively())
                .contains("Open: 2");
    }
}
