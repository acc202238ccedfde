package io.auditflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps {@code /engine-rest} from deploying process models unless
 * {@code auditflow.security.engine-rest-deployment} is on: a deployed model's expressions and scripts
 * run inside the application with its rights (issue 10, finding 4).
 */
class EngineRestDeploymentFilter extends OncePerRequestFilter {

    // /deployment/create and /deployment/{id}/redeploy, with or without /engine/{name} in front.
    private static final Pattern DEPLOYING = Pattern.compile(
            "/engine-rest(/engine/[^/]+)?/deployment/(create|[^/]+/redeploy)/?", Pattern.CASE_INSENSITIVE);

    private final boolean enabled;

    EngineRestDeploymentFilter(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!enabled && "POST".equalsIgnoreCase(request.getMethod()) && DEPLOYING.matcher(path).matches()) {
            JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Deploying through the engine REST API is switched off (auditflow.security.engine-rest-deployment)");
            return;
        }
        chain.doFilter(request, response);
    }
}
