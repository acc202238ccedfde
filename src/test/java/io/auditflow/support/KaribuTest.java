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

    /** Views are package-private by convention; Karibu's own discovery finds public classes only. */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        Routes routes = new Routes().autoDiscoverViews("io.auditflow");
        try (io.github.classgraph.ScanResult scan = new io.github.classgraph.ClassGraph().enableClassInfo()
                .enableAnnotationInfo().ignoreClassVisibility().acceptPackages("io.auditflow").scan()) {
            for (Class<?> view : scan.getClassesWithAnnotation(com.vaadin.flow.router.Route.class.getName()).loadClasses()) {
                routes.getRoutes().add((Class<? extends com.vaadin.flow.component.Component>) view);
            }
        }
        return routes;
    }

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

    protected void logout() {
        SecurityContextHolder.clearContext();
    }
}
