package io.auditflow.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Filter chains, most specific first: engine REST, Camunda webapps, the app's REST API, public
 * endpoints, and last the Vaadin UI. The path matchers are {@link PathPatternRequestMatcher}s
 * because the String matchers do not match Jersey's requests (see docs/decisions).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Roles.ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint(jsonEntryPoint()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonEntryPoint()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappChain(HttpSecurity http, SessionRegistry sessions) throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().hasRole(Roles.ADMIN))
                // Camunda's webapps bring their own CSRF protection.
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/api/**"))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(jsonEntryPoint()))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonEntryPoint())
                        .accessDeniedHandler((req, res, ex) -> writeJson(res, HttpServletResponse.SC_FORBIDDEN,
                                "Forbidden", "Your role may not do this")))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/actuator/health/**"), path("/actuator/health"),
                        path("/v3/api-docs/**"), path("/v3/api-docs"), path("/swagger-ui/**"),
                        path("/swagger-ui.html"), path("/calendar/**")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain vaadinChain(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(a -> a
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(path("/images/**"), path("/icons/**")).permitAll());
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login"));
        http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView("login", "/login?logout"));
        return http.build();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    private static PathPatternRequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static AuthenticationEntryPoint jsonEntryPoint() {
        return (req, res, ex) -> {
            res.setHeader("WWW-Authenticate", "Basic realm=\"Auditflow\"");
            writeJson(res, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Sign in: send a user name and password with HTTP Basic");
        };
    }

    private static void writeJson(HttpServletResponse res, int status, String error, String message)
            throws java.io.IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\""
                + message + "\",\"fieldErrors\":[]}");
    }

}
