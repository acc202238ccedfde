package io.auditflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt before any password is checked when its account or address has failed
 * too often: {@code 429} with {@code Retry-After} on the API and engine REST, back to the login page
 * with a plain message for the form.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final boolean form;

    private SignInThrottleFilter(SignInThrottle throttle, boolean form) {
        this.throttle = throttle;
        this.form = form;
    }

    /** For the login form: POST /login with user name and password fields. */
    static SignInThrottleFilter forLoginForm(SignInThrottle throttle) {
        return new SignInThrottleFilter(throttle, true);
    }

    /** For HTTP Basic and API tokens in the Authorization header. */
    static SignInThrottleFilter forAuthorizationHeader(SignInThrottle throttle) {
        return new SignInThrottleFilter(throttle, false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Attempt> attempt = form ? formAttempt(request) : headerAttempt(request);
        Optional<Duration> wait = attempt.flatMap(a -> throttle.waitBeforeAttempt(a.username(), request.getRemoteAddr()));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        if (form) {
            response.sendRedirect(request.getContextPath() + "/login?throttled");
        } else {
            response.setHeader("Retry-After", Long.toString(seconds));
            JsonErrors.write(response, 429, "Too Many Requests",
                    "Too many failed sign-ins; try again in " + seconds + " seconds");
        }
    }

    private static Optional<Attempt> formAttempt(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            return Optional.empty();
        }
        return Optional.of(new Attempt(request.getParameter("username")));
    }

    private static Optional<Attempt> headerAttempt(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(new Attempt(colon < 0 ? decoded : decoded.substring(0, colon)));
            } catch (IllegalArgumentException e) {
                return Optional.of(new Attempt(null));
            }
        }
        return Optional.of(new Attempt(null));
    }

    private record Attempt(String username) {
    }
}
