package io.auditflow.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import io.auditflow.IntegrationTest;
import io.auditflow.support.KaribuTest;
import io.auditflow.ui.AccessDeniedView;
import io.auditflow.ui.NotFoundView;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
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


    /**
     * Who may open every route the app registers. Generated from the route registry: a new view
     * without a line here fails {@link #every_registered_route_has_a_line_in_the_table_and_each_role_gets_exactly_that()}.
     */
    private static final String EVERYONE = "ADMIN COMPLIANCE_MANAGER COMPLIANCE_MEMBER EXECUTIVE AUDITOR";
    private static final String WORKERS = "ADMIN COMPLIANCE_MANAGER COMPLIANCE_MEMBER";
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("", EVERYONE),
            Map.entry("login", "ANONYMOUS " + EVERYONE),
            Map.entry("programs", EVERYONE),
            Map.entry("programs/:id", EVERYONE),
            Map.entry("timeline", EVERYONE),
            Map.entry("dashboard", EVERYONE),
            Map.entry("feeds", EVERYONE),
            Map.entry("preferences/notifications", EVERYONE),
            Map.entry("inbox", WORKERS),
            Map.entry("inbox/task/:taskId", WORKERS),
            Map.entry("evidence", WORKERS),
            Map.entry("reminders/settings", "ADMIN COMPLIANCE_MANAGER"),
            Map.entry("admin/users", "ADMIN"),
            Map.entry("admin/teams", "ADMIN"),
            Map.entry("admin/mail", "ADMIN"),
            Map.entry("admin/audit", "ADMIN"),
            Map.entry("admin/provisioning", "ADMIN"),
            Map.entry("account", EVERYONE),
            Map.entry("engagements", "ADMIN COMPLIANCE_MANAGER COMPLIANCE_MEMBER AUDITOR"),
            Map.entry("engagements/:id", "ADMIN COMPLIANCE_MANAGER COMPLIANCE_MEMBER AUDITOR"),
            Map.entry("engagements/requests/:id", "ADMIN COMPLIANCE_MANAGER COMPLIANCE_MEMBER AUDITOR"),
            Map.entry("controls", EVERYONE),
            Map.entry("controls/:code", EVERYONE),
            Map.entry("crosswalk", EVERYONE),
            Map.entry("coverage", "ADMIN COMPLIANCE_MANAGER COMPLIANCE_MEMBER EXECUTIVE"),
            Map.entry("soa/:programId?", "ADMIN COMPLIANCE_MANAGER COMPLIANCE_MEMBER EXECUTIVE"),
            Map.entry("joint-audits", "ADMIN COMPLIANCE_MANAGER COMPLIANCE_MEMBER EXECUTIVE"));

    @Test
    void every_registered_route_has_a_line_in_the_table_and_each_role_gets_exactly_that() {
        var routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        assertThat(routes.stream().map(RouteData::getTemplate).collect(Collectors.toSet()))
                .as("every route needs a line in EXPECTED").containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Map<String, String> actual = new TreeMap<>();
        for (RouteData route : routes) {
            StringBuilder who = new StringBuilder();
            if (checker.hasAccess(route.getNavigationTarget(), null, r -> false)) {
                who.append("ANONYMOUS ");
            }
            for (Role role : Role.values()) {
                var principal = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                        "someone", null, java.util.List.of());
                if (checker.hasAccess(route.getNavigationTarget(), principal,
                        r -> r.equals(role.name()) || r.equals("ROLE_" + role.name()))) {
                    who.append(role.name()).append(' ');
                }
            }
            actual.put(route.getTemplate(), who.toString().trim());
        }
        assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED));
    }

    @Test
    void every_route_without_parameters_opens_or_is_refused_in_the_running_ui_as_the_table_says() {
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            String template = route.getTemplate();
            if (template.contains(":") || template.equals("login") || template.isEmpty()) {
                continue;
            }
            Set<String> allowed = Arrays.stream(EXPECTED.get(template).split(" ")).collect(Collectors.toSet());
            for (Role role : Role.values()) {
                login("someone", role);
                UI.getCurrent().navigate(template);
                var target = UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
                boolean refused = target instanceof AccessDeniedView || target instanceof NotFoundView;
                assertThat(refused).as(role + " on " + template).isEqualTo(!allowed.contains(role.name()));
            }
        }
    }
}
