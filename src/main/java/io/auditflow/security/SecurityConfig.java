package io.auditflow.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Filter chains, most specific first: engine REST, Camunda webapps, the app's REST API, public
 * endpoints, and last the Vaadin UI. The path matchers are {@link PathPatternRequestMatcher}s
 * because the String matchers do not match Jersey's requests (see docs/decisions).
 * <p>
 * The API and engine REST keep no session (HTTP Basic or a personal API token on every call), so a
 * browser's session cookie means nothing there; the browser UI keeps its session with CSRF
 * protection. See docs/authentication.md.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    /** Vaadin needs inline styles and scripts and evaluates the JavaScript the server sends. */
    static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    private final SecurityProperties properties;
    private final Clock clock;

    SecurityConfig(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http, AuthenticationManager manager, SignInThrottle throttle)
            throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Roles.ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint(jsonEntryPoint()))
                .addFilterBefore(SignInThrottleFilter.forAuthorizationHeader(throttle), BasicAuthenticationFilter.class)
                .addFilterAfter(new BearerTokenFilter(manager, jsonEntryPoint()), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineRestDeploymentFilter(properties.engineRestDeployment()),
                        BearerTokenFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> apiHeaders(h))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonEntryPoint()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappChain(HttpSecurity http, SessionRegistry sessions, AuthenticationManager manager)
            throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().hasRole(Roles.ADMIN))
                // Camunda's webapps bring their own CSRF protection and Content-Security-Policy.
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
                .sessionManagement(s -> s.maximumSessions(properties.maxSessions()).sessionRegistry(sessions)
                        .expiredUrl("/login"))
                .addFilterAfter(new AbsoluteSessionTimeoutFilter(clock, properties.absoluteSessionTimeout()),
                        ConcurrentSessionFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager manager, SignInThrottle throttle)
            throws Exception {
        return http.securityMatcher(path("/api/**"))
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(jsonEntryPoint()))
                .addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(SignInThrottleFilter.forAuthorizationHeader(throttle), BasicAuthenticationFilter.class)
                .addFilterAfter(new BearerTokenFilter(manager, jsonEntryPoint()), BasicAuthenticationFilter.class)
                // No session: a browser's session cookie is never read here, and no 401 creates one.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .headers(h -> apiHeaders(h))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonEntryPoint())
                        .accessDeniedHandler((req, res, ex) -> JsonErrors.write(res, HttpServletResponse.SC_FORBIDDEN,
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
                .requestCache(c -> c.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain vaadinChain(HttpSecurity http, SessionRegistry sessions, AuthenticationManager manager,
                                    SignInThrottle throttle) throws Exception {
        http.authenticationManager(manager);
        http.authorizeHttpRequests(a -> a
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(path("/images/**"), path("/icons/**")).permitAll());
        http.sessionManagement(s -> s.maximumSessions(properties.maxSessions()).sessionRegistry(sessions)
                .expiredUrl("/login"));
        http.addFilterBefore(new LoginCsrfFilter(), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(SignInThrottleFilter.forLoginForm(throttle), UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(new AbsoluteSessionTimeoutFilter(clock, properties.absoluteSessionTimeout()),
                ConcurrentSessionFilter.class);
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(UI_CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
        http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView("login", "/login?logout"));
        // The login form's optional one-time code travels in the authentication details.
        http.formLogin(f -> f.authenticationDetailsSource(SecondFactorDetails::new));
        return http.build();
    }

    /**
     * One manager for every chain, so form, Basic and token sign-ins all publish Spring Security's
     * success and failure events (the audit trail and the throttle listen to them).
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
                                                ApiTokenService tokens, AuthenticationEventPublisher events,
                                                SecondFactor secondFactor, SecuritySettings settings) {
        DaoAuthenticationProvider passwords = new PasswordAndCodeAuthenticationProvider(users, secondFactor, settings);
        passwords.setPasswordEncoder(passwordEncoder);
        // Check the account's state only after the password, so a disabled account costs the same
        // BCrypt round as a wrong password or an unknown user and answers in the same time.
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        ProviderManager manager = new ProviderManager(passwords,
                new ApiTokenAuthenticationProvider(tokens, users, clock, settings));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * New passwords: BCrypt over the Base64 of their SHA-256, so every character of a long password
     * counts despite BCrypt's 72-byte limit. Hashes from before (plain BCrypt, no prefix) still match.
     * See docs/decisions/0052.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(PreHashedBCryptPasswordEncoder.ID,
                Map.of(PreHashedBCryptPasswordEncoder.ID, new PreHashedBCryptPasswordEncoder(),
                        "bcrypt", new BCryptPasswordEncoder()));
        encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return encoder;
    }

    private static void apiHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(c -> c.policyDirectives(API_CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }

    private static PathPatternRequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static AuthenticationEntryPoint jsonEntryPoint() {
        return (req, res, ex) -> {
            res.setHeader("WWW-Authenticate", "Basic realm=\"Auditflow\", Bearer realm=\"Auditflow\"");
            JsonErrors.write(res, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Sign in: send a personal API token (Authorization: Bearer) or a user name and password "
                            + "with HTTP Basic");
        };
    }
}
