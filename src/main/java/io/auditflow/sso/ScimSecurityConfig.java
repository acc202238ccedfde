package io.auditflow.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.security.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /scim/**}: the identity provider's SCIM token on every call, no session, no cookie, no
 * HTTP Basic and no personal API token (those answer 401 like a wrong token). Errors are SCIM errors.
 */
@Configuration
class ScimSecurityConfig {

    static final String CLIENT_NAME = "scim";

    @Bean
    @Order(5)
    SecurityFilterChain scimChain(HttpSecurity http, ScimTokenService tokens, ObjectMapper json, Clock clock,
                                  @Value("${auditflow.sso.scim-requests-per-minute:1200}") int requestsPerMinute)
            throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/scim/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Roles.SCIM))
                .addFilterBefore(new ScimTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                // after the token is known, before anything answers (also a 401): see ScimThrottle
                .addFilterBefore(new ScimThrottle(requestsPerMinute, clock, json), AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer realm=\"Auditflow SCIM\"");
                            ScimJson.writeError(res, json, new ScimError(401, null,
                                    "Send the SCIM token made under Provisioning (Authorization: Bearer scim_...)"));
                        })
                        .accessDeniedHandler((req, res, ex) -> ScimJson.writeError(res, json,
                                new ScimError(403, null, "Only the SCIM token may provision"))))
                .build();
    }

    /** Signs the call in as the SCIM client when it carries the current SCIM token. */
    static final class ScimTokenFilter extends OncePerRequestFilter {

        private final ScimTokenService tokens;

        ScimTokenFilter(ScimTokenService tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && tokens.matches(header.substring(7).trim())) {
                SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(CLIENT_NAME, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SCIM))));
                SecurityContextHolder.getContextHolderStrategy().setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
