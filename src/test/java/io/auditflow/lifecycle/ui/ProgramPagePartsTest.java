package io.auditflow.lifecycle.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import io.auditflow.timeline.Portfolio;
import io.auditflow.IntegrationTest;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The program page's read-only parts drawn as markup or templates (decisions 0165, 0166): the same facts and
 * engagement links as before, names escaped, and the start form with only its framework's fields.
 */
@IntegrationTest
class ProgramPagePartsTest extends KaribuTest {

    @Autowired
    ProgramService programs;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    @Test
    void the_facts_are_one_piece_of_markup_with_names_escaped() {
        String team = "parts-" + System.nanoTime();
        Long id = SystemAuthentication.call(() -> {
            users.seedTeam(team, "R&D <b>Ops</b> \"core\"", null);
            return programs.create(new ProgramRequest("Parts ISO " + System.nanoTime(), Framework.ISO27001,
                    EnumSet.noneOf(TrustCategory.class), null, "2022", "manager", team)).id();
        });
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("programs/" + id);

        List<Html> facts = _find(Html.class).stream().filter(h -> h.getInnerHtml().contains("fact-label")).toList();
        assertThat(facts).hasSize(1);
        String html = facts.get(0).getInnerHtml();
        // the markup as the browser gets it (Html re-serialises it: quotes in text need no entity)
        assertThat(html).contains("<span class=\"fact-value\">R&amp;D &lt;b&gt;Ops&lt;/b&gt; \"core\"</span>")
                .contains("<span class=\"fact-value\">ISO/IEC 27001:2022</span>")
                .contains("<span class=\"fact-label\">Owner</span>")
                .doesNotContain("<b>Ops</b>");
        // an ISO program's start form has the ISO fields only
        assertThat(_find(com.vaadin.flow.component.Component.class, spec -> spec.withId("lifecycle-stage1"))).hasSize(1);
        assertThat(_find(com.vaadin.flow.component.Component.class, spec -> spec.withId("lifecycle-window-start"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.Component.class, spec -> spec.withId("lifecycle-criteria"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void audit_rows_carry_their_create_engagement_link_for_managers_and_nothing_for_executives() {
        clock.reset();
        String prefix = "Parts " + System.nanoTime();
        Portfolio.seed(programs, jdbc, clock.today(), 2, prefix);
        Long id = jdbc.queryForObject("select id from audit_program where name = ?", Long.class, prefix + " #1");

        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("programs/" + id);
        Grid<Milestone> grid = _get(Grid.class, spec -> spec.withId("milestone-grid"));
        List<Milestone> rows = grid.getGenericDataView().getItems().toList();
        assertThat(rows).hasSize(26);
        Milestone stage1 = row(rows, MilestoneType.STAGE1_AUDIT, 1);
        assertThat(links(grid, stage1)).containsExactly(new MilestoneAction.Link("create-engagement-STAGE1_AUDIT-1",
                "engagements?program=" + id + "&audit=STAGE1_AUDIT&cycle=1", "Create engagement", "Create engagement",
                "milestone-create-engagement"));
        assertThat(links(grid, row(rows, MilestoneType.CERTIFICATE_EXPIRY, 1))).isEmpty();
        assertThat(links(grid, row(rows, MilestoneType.MANAGEMENT_REVIEW, 2))).isEmpty();

        login("executive", Role.EXECUTIVE);
        UI.getCurrent().navigate("programs/" + id);
        Grid<Milestone> seen = _get(Grid.class, spec -> spec.withId("milestone-grid"));
        assertThat(links(seen, row(seen.getGenericDataView().getItems().toList(), MilestoneType.STAGE1_AUDIT, 1))).isEmpty();
    }

    private static Milestone row(List<Milestone> rows, MilestoneType type, int cycle) {
        return rows.stream().filter(m -> m.getType() == type && m.getCycle() == cycle).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<MilestoneAction.Link> links(Grid<Milestone> grid, Milestone m) {
        LitRenderer<Milestone> renderer = (LitRenderer<Milestone>) grid.getColumnByKey("milestone-actions").getRenderer();
        return (List<MilestoneAction.Link>) renderer.getValueProviders().get("links").apply(m);
    }
}
