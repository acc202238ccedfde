package io.auditflow.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.ui.AccessDeniedView;
import io.auditflow.ui.NotFoundView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which role opens which control screen. */
@IntegrationTest
class ControlViewAccessTest extends KaribuTest {

    @ParameterizedTest(name = "{0} opens {1}: {2}")
    @CsvSource({
            "ADMIN,              controls,                    true",
            "AUDITOR,            controls,                    true",
            "EXECUTIVE,          controls/USER_ACCESS_REVIEW, true",
            "COMPLIANCE_MEMBER,  controls/USER_ACCESS_REVIEW, true",
            "COMPLIANCE_MANAGER, coverage,                    true",
            "EXECUTIVE,          coverage,                    true",
            "AUDITOR,            coverage,                    false",
            "COMPLIANCE_MEMBER,  soa,                         true",
            "EXECUTIVE,          soa,                         true",
            "AUDITOR,            soa,                         false",
            "AUDITOR,            crosswalk,                   true",
            "COMPLIANCE_MANAGER, joint-audits,                true",
            "AUDITOR,            joint-audits,                false",
    })
    void control_screens_open_only_for_the_roles_that_may_see_them(Role role, String route, boolean allowed) {
        login("someone", role);
        UI.getCurrent().navigate(route);
        var target = UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        boolean refused = target instanceof AccessDeniedView || target instanceof NotFoundView;
        assertThat(refused).as(role + " on " + route).isEqualTo(!allowed);
    }
}
