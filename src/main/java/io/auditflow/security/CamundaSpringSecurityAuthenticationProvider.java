package io.auditflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lets Camunda's webapps (Cockpit, Tasklist, Admin) accept the user Spring Security has already
 * signed in, so there is one login. Groups come from Camunda's identity tables, which
 * {@code identity.CamundaIdentitySync} keeps in step with Auditflow's users and teams.
 */
public class CamundaSpringSecurityAuthenticationProvider implements AuthenticationProvider {

    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(auth.getName());
        List<String> groups = new ArrayList<>();
        for (Group g : engine.getIdentityService().createGroupQuery().groupMember(auth.getName()).list()) {
            groups.add(g.getId());
        }
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        if (admin && !groups.contains(CAMUNDA_ADMIN_GROUP)) {
            groups.add(CAMUNDA_ADMIN_GROUP);
        }
        result.setGroups(groups);
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security has already challenged unauthenticated requests before this filter runs.
    }
}
