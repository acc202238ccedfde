package io.auditflow.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import io.auditflow.IntegrationTest;
import io.auditflow.audit.AuditEntry;
import io.auditflow.audit.AuditTrail;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The admins' audit trail page: filter, verify, and a broken chain shown in plain words. */
@IntegrationTest
class AuditTrailViewTest extends KaribuTest {

    @Autowired AuditTrail trail;
    @Autowired JdbcTemplate jdbc;

    @Test
    void an_admin_filters_by_action_and_sees_a_tampered_entry_named_by_the_verification() {
        AuditEntry entry = trail.append("viewer-test", "VIEW_TEST", "program 1", "before");
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/audit");
        AuditTrailView view = _get(AuditTrailView.class);
        view.actor.setValue("viewer-test");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).action()).isEqualTo("VIEW_TEST");

        _click(_get(Button.class, spec -> spec.withId("audit-verify")));
        assertThat(_get(Span.class, spec -> spec.withId("audit-verdict")).getText()).startsWith("Chain intact");

        jdbc.update("update audit_entry set actor = 'someone-else' where seq = ?", entry.seq());
        try {
            _click(_get(Button.class, spec -> spec.withId("audit-verify")));
            assertThat(_get(Span.class, spec -> spec.withId("audit-verdict")).getText())
                    .isEqualTo("Chain broken at entry " + entry.seq() + ": Entry " + entry.seq() + " was changed after it was written");
        } finally {
            jdbc.update("update audit_entry set actor = 'viewer-test' where seq = ?", entry.seq());
        }
    }

    @Test
    void the_on_column_names_the_program_and_the_person_and_keeps_an_unknown_target_as_stored() {
        String who = "on-test-" + java.util.UUID.randomUUID();
        Map<String, Object> program = jdbc.queryForMap("select id, name from audit_program order by id fetch first 1 rows only");
        Map<String, Object> person = jdbc.queryForMap(
                "select username, display_name from app_user where display_name <> username order by id fetch first 1 rows only");
        String programTarget = "program " + program.get("id");
        String userTarget = "user " + person.get("username");
        trail.append(who, "VIEW_TEST", programTarget, null);
        trail.append(who, "VIEW_TEST", userTarget, null);
        trail.append(who, "VIEW_TEST", "mail 5", null);
        trail.append(who, "VIEW_TEST", "program 987654321", null);
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/audit");
        AuditTrailView view = _get(AuditTrailView.class);
        view.actor.setValue(who);

        assertThat(GridKt._size(view.grid)).isEqualTo(4); // newest first
        assertThat(GridKt._getFormatted(view.grid, 3, "target")).isEqualTo(program.get("name"));
        assertThat(GridKt._getFormatted(view.grid, 2, "target")).isEqualTo(person.get("display_name"));
        assertThat(GridKt._getFormatted(view.grid, 1, "target")).isEqualTo("mail 5");
        assertThat(GridKt._getFormatted(view.grid, 0, "target")).isEqualTo("program 987654321");
        // the stored target stays in the tooltip and in the row (the API, the CSV and the hash chain)
        AuditEntry first = GridKt._get(view.grid, 3);
        assertThat(first.target()).isEqualTo(programTarget);
        assertThat(view.grid.getColumnByKey("target").getTooltipGenerator().apply(first)).isEqualTo(programTarget);
    }

    @Test
    void a_page_of_rows_names_its_programs_and_people_with_one_look_up_each() {
        String who = "bulk-test-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            trail.append(who, "VIEW_TEST", i % 2 == 0 ? "program " + (i + 1) : "user member", null);
        }
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/audit");
        AuditTrailView view = _get(AuditTrailView.class);
        view.actor.setValue(who);
        AuditTargetsTest.CountingLookup counted = new AuditTargetsTest.CountingLookup();
        AuditTargets.Lookup real = view.lookup;
        view.lookup = new AuditTargets.Lookup() {
            @Override
            public Map<Long, String> programs(Set<Long> ids) {
                counted.programs(ids);
                return real.programs(ids);
            }

            @Override
            public Map<String, String> people(Set<String> usernames) {
                counted.people(usernames);
                return real.people(usernames);
            }

            @Override
            public Map<String, String> teams(Set<String> codes) {
                counted.teams(codes);
                return real.teams(codes);
            }
        };

        assertThat(GridKt._fetch(view.grid, 0, 40)).hasSize(40);

        assertThat(counted.programCalls).isEqualTo(1);
        assertThat(counted.peopleCalls).isEqualTo(1);
        assertThat(counted.teamCalls).isZero();
    }

    @Test
    void the_search_finds_an_entry_by_the_programs_name_and_the_persons_display_name() {
        String who = "named-test-" + java.util.UUID.randomUUID();
        Map<String, Object> program = jdbc.queryForMap("select id, name from audit_program order by id fetch first 1 rows only");
        Map<String, Object> person = jdbc.queryForMap(
                "select username, display_name from app_user where display_name <> username order by id fetch first 1 rows only");
        trail.append(who, "VIEW_TEST", "program " + program.get("id"), null);
        trail.append(who, "VIEW_TEST", "user " + person.get("username"), null);
        trail.append(who, "VIEW_TEST", "mail 5", null);
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/audit");
        AuditTrailView view = _get(AuditTrailView.class);
        view.actor.setValue(who);

        view.text.setValue(((String) program.get("name")).toUpperCase(java.util.Locale.ROOT));
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).target()).isEqualTo("program " + program.get("id"));

        view.text.setValue((String) person.get("display_name"));
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).target()).isEqualTo("user " + person.get("username"));

        view.text.setValue("mail 5"); // the stored text is still found
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
    }
}
