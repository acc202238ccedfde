package io.auditflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API writes that a browser marks as coming from another site or origin (Fetch Metadata,
 * {@code Sec-Fetch-Site}). The API keeps no session, but a browser may still hold HTTP Basic
 * credentials that it would send along with a forged form; scripts and servers send no such header
 * and are not affected.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> ALLOWED_SITES = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !SAFE_METHODS.contains(request.getMethod()) && !ALLOWED_SITES.contains(site)) {
            JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Requests from other sites may not change data");
            return;
        }
        chain.doFilter(request, response);
    }
}
