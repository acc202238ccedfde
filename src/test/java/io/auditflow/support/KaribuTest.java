package io.auditflow.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinRequest;
import io.auditflow.security.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Base for server-side UI tests with Karibu-Testing on the real Spring context. Call
 * {@link #login(String, Role...)} before navigating; it sets both the Spring security context
 * and the request principal that Vaadin's view access checks read.
 */
public abstract class KaribuTest {

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    protected ApplicationContext ctx;

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, ctx, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    protected void login(String username, Role... roles) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var auth = UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(auth);
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
        request.setUserPrincipalInt(auth);
        Set<String> names = Arrays.stream(roles).map(Role::name).collect(java.util.stream.Collectors.toSet());
        request.setUserInRole((principal, role) -> names.contains(role) || names.contains(role.replace("ROLE_", "")));
    }

    /**
     * Karibu's own discovery skips package-private views; the app keeps views package-private,
     * so the routes are found with Spring's scanner instead.
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                com.vaadin.flow.router.Route.class));
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                com.vaadin.flow.router.Layout.class));
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(
                com.vaadin.flow.router.HasErrorParameter.class));
        java.util.Set<Class<? extends com.vaadin.flow.component.Component>> routes = new java.util.HashSet<>();
        java.util.Set<Class<? extends com.vaadin.flow.router.HasErrorParameter<?>>> errors = new java.util.HashSet<>();
        for (var candidate : scanner.findCandidateComponents("io.auditflow")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                    continue;
                }
                if (com.vaadin.flow.router.HasErrorParameter.class.isAssignableFrom(type)) {
                    errors.add((Class<? extends com.vaadin.flow.router.HasErrorParameter<?>>) type);
                } else {
                    routes.add((Class<? extends com.vaadin.flow.component.Component>) type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Routes(routes, errors, true);
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
    }
}
