package io.auditflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session a fixed time after sign-in, however active it is (the idle timeout alone
 * would let a busy or open tab live for ever). The request then goes on unauthenticated, so it is
 * sent to the login page like any other.
 */
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = AbsoluteSessionTimeoutFilter.class.getName() + ".signedInAt";

    private final Clock clock;
    private final Duration timeout;

    AbsoluteSessionTimeoutFilter(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
            long now = clock.millis();
            Object signedInAt = session.getAttribute(SIGNED_IN_AT);
            if (!(signedInAt instanceof Long at) || at > now) {
                session.setAttribute(SIGNED_IN_AT, now);
            } else if (now - at > timeout.toMillis()) {
                session.invalidate();
                SecurityContextHolder.getContextHolderStrategy().clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
