package io.auditflow.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may scrape {@code /actuator/prometheus}: a scraper that sends {@code Authorization: Bearer}
 * with the token of {@code auditflow.metrics.token} (env {@code AUDITFLOW_METRICS_TOKEN}), or
 * anyone when {@code auditflow.metrics.anonymous=true} (a network only the scraper reaches). With
 * neither, nobody: the figures say how late the organisation's audits are.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, @Value("${auditflow.metrics.token:}") String token,
                                     @Value("${auditflow.metrics.anonymous:false}") boolean anonymous) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .addFilterBefore(new ScrapeTokenFilter(token, anonymous), SecurityContextHolderFilter.class)
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** Lets a request through only with the scrape token (compared in constant time), or when open on purpose. */
    static final class ScrapeTokenFilter extends OncePerRequestFilter {
        static final int MIN_TOKEN_LENGTH = 24;
        private final byte[] token;
        private final boolean anonymous;

        ScrapeTokenFilter(String token, boolean anonymous) {
            String t = token == null ? "" : token.trim();
            if (!t.isEmpty() && t.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalStateException("auditflow.metrics.token must be at least " + MIN_TOKEN_LENGTH
                        + " characters");
            }
            this.token = t.isEmpty() ? null : t.getBytes(StandardCharsets.UTF_8);
            this.anonymous = anonymous;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (anonymous || allowed(request.getHeader("Authorization"))) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"Metrics need the scrape token (auditflow.metrics.token) as a Bearer token\","
                    + "\"instance\":\"/actuator/prometheus\"}");
        }

        private boolean allowed(String header) {
            if (token == null || header == null || header.length() > 1000 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return false;
            }
            return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        }
    }
}
