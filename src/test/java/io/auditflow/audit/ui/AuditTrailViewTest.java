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
}
