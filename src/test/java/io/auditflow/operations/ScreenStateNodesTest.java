package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.StateNode;
import io.auditflow.IntegrationTest;
import io.auditflow.program.ProgramService;
import io.auditflow.timeline.Portfolio;
import io.auditflow.support.TestClock;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vaadin keeps a state node (with its feature maps and listeners) per element of every open screen; at about
 * 1 KB each they are most of a screen's server memory (docs/performance.md, UiSessionMemoryBenchmark). This counts
 * them per part of the screen and keeps the shell that every page pays for within a budget.
 */
@IntegrationTest
class ScreenStateNodesTest extends KaribuTest {

    @Autowired
    ProgramService programs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    static int nodes(StateNode root) {
        int[] n = {0};
        root.visitNodeTree(x -> n[0]++);
        return n[0];
    }

    static Map<String, Integer> census(String user, Role role, String route) {
        MockVaadin.clientRoundtrip();
        UI.getCurrent().navigate(route);
        MockVaadin.clientRoundtrip();
        UI ui = UI.getCurrent();
        Map<String, Integer> parts = new LinkedHashMap<>();
        parts.put("whole UI", nodes(ui.getElement().getNode()));
        Component layout = ui.getChildren().findFirst().orElseThrow();
        layout.getChildren().forEach(c -> parts.merge(c.getClass().getSimpleName()
                + (c.getId().map(id -> "#" + id).orElse("")), nodes(c.getElement().getNode()), Integer::sum));
        System.out.println("ScreenStateNodesTest: " + user + " /" + route + " " + parts);
        return parts;
    }

    @Test
    void the_shell_the_empty_inbox_and_the_dashboard_stay_within_their_state_node_budgets() {
        login("member", Role.COMPLIANCE_MEMBER);
        Map<String, Integer> inbox = census("member", Role.COMPLIANCE_MEMBER, "inbox");
        login("executive", Role.EXECUTIVE);
        Map<String, Integer> dashboard = census("executive", Role.EXECUTIVE, "dashboard");
        // measured 2026-12-01: shell 37 nodes (about 95 before the side navigation became one element), inbox 51,
        // dashboard 89; the budgets leave a little room for a new header control, not for a component per row
        assertThat(inbox.get("whole UI") - inbox.get("InboxView")).as("the shell around every page").isLessThanOrEqualTo(40);
        assertThat(dashboard.get("whole UI") - dashboard.get("DashboardView")).as("the shell, executive").isLessThanOrEqualTo(40);
        assertThat(inbox.get("InboxView")).as("the empty inbox").isLessThanOrEqualTo(60);
        assertThat(dashboard.get("DashboardView")).as("the dashboard").isLessThanOrEqualTo(100);
    }

    @Test
    void the_program_page_of_an_iso_program_with_26_milestones_stays_within_its_state_node_budget() {
        // the benchmark's program page (UiSessionMemoryBenchmark): Portfolio's program #1, ISO 27001, 26 milestones
        clock.reset();
        String prefix = "Nodes " + System.nanoTime();
        Portfolio.seed(programs, jdbc, clock.today(), 2, prefix);
        Long id = jdbc.queryForObject("select id from audit_program where name = ?", Long.class, prefix + " #1");
        login("manager", Role.COMPLIANCE_MANAGER);
        Map<String, Integer> page = census("manager", Role.COMPLIANCE_MANAGER, "programs/" + id);
        Component view = UI.getCurrent().getChildren().findFirst().orElseThrow().getChildren()
                .filter(c -> c.getClass().getSimpleName().equals("ProgramDetailView")).findFirst().orElseThrow();
        Map<String, Integer> parts = new LinkedHashMap<>();
        view.getChildren().forEach(c -> parts.merge(c.getClass().getSimpleName()
                + (c.getId().map(x -> "#" + x).orElse("")), nodes(c.getElement().getNode()), Integer::sum));
        System.out.println("ScreenStateNodesTest: program page parts " + parts);
        assertThat(page.get("whole UI") - page.get("ProgramDetailView")).as("the shell, manager").isLessThanOrEqualTo(40);
        assertThat(parts).containsKey("Grid#milestone-grid");
        // measured 2026-12-01: 115 nodes (milestone grid 56: a Div per row and an Anchor per audit row; facts 16;
        // start form 20), 53 after decisions 0165-0166 (grid 9, facts 1); the budget leaves no room for a component per row
        assertThat(parts.get("Grid#milestone-grid")).as("the milestone grid with 26 rows").isLessThanOrEqualTo(15);
        assertThat(page.get("ProgramDetailView")).as("the program page").isLessThanOrEqualTo(60);
    }
}
