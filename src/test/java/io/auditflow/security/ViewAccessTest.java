package io.auditflow.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import io.auditflow.IntegrationTest;
import io.auditflow.support.KaribuTest;
import io.auditflow.ui.AccessDeniedView;
import io.auditflow.ui.NotFoundView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which role opens which view; a refused view reads like a missing page. */
@IntegrationTest
class ViewAccessTest extends KaribuTest {

    @ParameterizedTest(name = "{0} opens {1}: {2}")
    @CsvSource({
            "ADMIN,              admin/users, true",
            "ADMIN,              admin/teams, true",
            "COMPLIANCE_MANAGER, admin/users, false",
            "COMPLIANCE_MEMBER,  admin/users, false",
            "EXECUTIVE,          admin/users, false",
            "AUDITOR,            admin/teams, false",
            "ADMIN,              programs,    true",
            "COMPLIANCE_MANAGER, programs,    true",
            "COMPLIANCE_MEMBER,  programs,    true",
            "EXECUTIVE,          programs,    true",
            "AUDITOR,            programs,    true",
            "COMPLIANCE_MANAGER, engagements, true",
            "COMPLIANCE_MEMBER,  engagements, true",
            "AUDITOR,            engagements, true",
            "EXECUTIVE,          engagements, false",
    })
    void views_open_only_for_the_roles_that_may_see_them(Role role, String route, boolean allowed) {
        login("someone", role);
        UI.getCurrent().navigate(route);
        var target = UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        boolean refused = target instanceof AccessDeniedView || target instanceof NotFoundView;
        assertThat(refused).as(role + " on " + route).isEqualTo(!allowed);
        if (refused) {
            assertThat(_get(H2.class, spec -> spec.withText("This page is not here")).getText()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0} lands on {1}")
    @CsvSource({
            "ADMIN,              admin/users",
            "COMPLIANCE_MANAGER, programs",
            "AUDITOR,            engagements",
            "EXECUTIVE,          timeline",
    })
    void each_role_lands_on_its_start_page(Role role, String expected) {
        login("someone", role);
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo(expected);
    }

}
