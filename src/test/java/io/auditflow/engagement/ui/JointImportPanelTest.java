package io.auditflow.engagement.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.engagement.AuditRequest;
import io.auditflow.engagement.EngagementFixture;
import io.auditflow.engagement.EngagementForm;
import io.auditflow.engagement.EngagementService;
import io.auditflow.engagement.JointRequestList;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The joint-import panel: shown only on a joint engagement; the manager sees the merge, then imports it. */
@IntegrationTest
class JointImportPanelTest extends KaribuTest {

    static final String CSV = "reference;request;criteria;due date;owner hint\r\n"
            + "SOC-1;Logical access policy and system list;CC6.1;2026-10-01;grc\r\n"
            + "SOC-2;New user registrations with approvals;CC6.2;2026-10-01;grc\r\n"
            + "SOC-3;Security monitoring alerts and their triage;CC7.2;2026-10-09;grc\r\n"
            + "ISO-1;Access control policy;A.5.15;2026-10-05;grc\r\n"
            + "ISO-2;Privileged access rights review;A.8.2;2026-10-05;grc\r\n"
            + "ISO-3;Monitoring activities records;A.8.16;2026-10-05;grc\r\n";

    @Autowired EngagementService engagements;
    @Autowired InboxFixture inbox;
    @Autowired JdbcTemplate jdbc;

    private long engagement(Program program) {
        return SystemAuthentication.call(() -> engagements.create(new EngagementForm(program.id(), "OBSERVATION_END", 1,
                null, null, null, null, null, LocalDate.parse("2025-07-01"), LocalDate.parse("2025-12-31")))).id();
    }

    @Test
    void a_manager_previews_six_requests_merged_into_five_and_imports_them() {
        Program soc2 = inbox.program("Panel SOC 2", "grc");
        Program iso = inbox.program("Panel ISO", "grc", Framework.ISO27001);
        jdbc.update("insert into joint_plan_proposal (soc2_program_id, iso_program_id, iso_milestone, iso_cycle, iso_audit_date,"
                        + " soc2_cycle, current_fieldwork, proposed_fieldwork, status, decided_by, decided_at, created_at)"
                        + " values (?, ?, 'SURVEILLANCE_AUDIT_1', 1, ?, 1, ?, ?, 'ACCEPTED', 'manager', ?, ?)",
                soc2.id(), iso.id(), LocalDate.of(2026, 10, 7), LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 5),
                Timestamp.from(Instant.parse("2026-01-05T09:00:00Z")), Timestamp.from(Instant.parse("2026-01-05T08:00:00Z")));
        long id = engagement(soc2);
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("engagements/" + id);
        JointImportPanel panel = _get(JointImportPanel.class);

        assertThat(panel.counts.getText()).isEqualTo("No requests yet.");
        panel.preview(EngagementFixture.bytes(CSV));
        assertThat(panel.summary.getText()).isEqualTo("6 requests, 2 merged into 1:");
        assertThat(panel.merges.getGenericDataView().getItems().map(JointRequestList.MergeRow::reason))
                .containsExactly("CC7.2 is equivalent to A.8.16");
        @SuppressWarnings("unchecked")
        Grid<AuditRequest> grid = _get(Grid.class, spec -> spec.withId("request-grid"));
        assertThat(grid.getGenericDataView().getItems()).as("nothing stored before the manager applies it").isEmpty();

        panel.apply.click();
        assertThat(panel.preview.isVisible()).isFalse();
        assertThat(grid.getGenericDataView().getItems().map(AuditRequest::reference))
                .containsExactlyInAnyOrder("SOC-1", "SOC-2", "SOC-3+ISO-3", "ISO-1", "ISO-2");
        assertThat(panel.counts.getText()).isEqualTo("SOC 2: 0 of 3 accepted · ISO 27001: 0 of 3 accepted · 1 request counts for both");
    }

    @Test
    void an_engagement_that_is_not_joint_has_no_panel() {
        long id = engagement(inbox.program("Panel single", "grc"));
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("engagements/" + id);
        assertThat(_find(JointImportPanel.class)).isEmpty();
    }
}
