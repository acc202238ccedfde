package io.auditflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires the CSRF token on {@code POST /login} (login CSRF: a forged form would sign the victim in
 * as the attacker). Vaadin's security configuration leaves the login post out of CSRF checks; the
 * login form sends the token from the page's {@code _csrf} meta tag, so people notice nothing.
 */
class LoginCsrfFilter extends OncePerRequestFilter {

    private final CsrfFilter csrf;

    LoginCsrfFilter() {
        // The same session-held token and masking as the UI chain's own CSRF filter.
        csrf = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        csrf.setRequestHandler(new XorCsrfTokenRequestAttributeHandler());
        csrf.setRequireCsrfProtectionMatcher(request -> true);
        csrf.setAccessDeniedHandler((request, response, e) ->
                response.sendRedirect(request.getContextPath() + "/login?error"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())
                && "/login".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            csrf.doFilter(request, response, chain);
            return;
        }
        chain.doFilter(request, response);
    }
}
