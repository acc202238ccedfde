package io.auditflow.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
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
    /** sso: the company's OpenID Connect provider(s), present only when configured (docs/sso.md). */
    private final ClientRegistrationRepository ssoProviders;
    private final ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> ssoUsers;
    private final boolean localSignInForAdminsOnly;

    SecurityConfig(SecurityProperties properties, Clock clock, ObjectProvider<ClientRegistrationRepository> ssoProviders,
                   ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> ssoUsers,
                   @Value("${auditflow.sso.local-sign-in:all}") String localSignIn) {
        this.properties = properties;
        this.clock = clock;
        this.ssoProviders = ssoProviders.getIfAvailable();
        this.ssoUsers = ssoUsers;
        this.localSignInForAdminsOnly = this.ssoProviders != null && "admins".equalsIgnoreCase(localSignIn.strip());
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
        http.with(VaadinSecurityConfigurer.vaadin(), c -> {
            c.loginView("login", "/login?logout");
            if (ssoProviders != null) {
                // sso: signing out of Auditflow also ends the session at the company's provider
                // (OpenID Connect RP-initiated logout), so the next "Sign in with ..." asks again.
                // People who signed in with a password just land on the login page.
                OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(ssoProviders);
                signOut.setPostLogoutRedirectUri("{baseUrl}/login?logout");
                signOut.setDefaultTargetUrl("/login?logout");
                // Sign-out runs inside a Vaadin round trip: the redirect must become a page change, not
                // a 302 that the XHR would follow (and the Content-Security-Policy rightly blocks).
                signOut.setRedirectStrategy(new com.vaadin.flow.spring.security.UidlRedirectStrategy());
                c.logoutSuccessHandler(signOut);
            }
        });
        // The login form's optional one-time code travels in the authentication details.
        http.formLogin(f -> f.authenticationDetailsSource(SecondFactorDetails::new));
        if (ssoProviders != null) {
            // sso: "Sign in with <provider>" next to the form. The code exchange runs through the one
            // AuthenticationManager (events, audit trail); session fixation, the session limit and the
            // absolute timeout apply as for the form. A refusal goes back to the login page with a reason.
            http.oauth2Login(o -> o.loginPage("/login")
                    .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?sso="
                            + ssoRefusal(ex))));
        }
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
        java.util.List<org.springframework.security.authentication.AuthenticationProvider> providers =
                new java.util.ArrayList<>(java.util.List.of(passwords,
                        new ApiTokenAuthenticationProvider(tokens, users, clock, settings)));
        if (ssoProviders != null) {
            OidcAuthorizationCodeAuthenticationProvider oidc = new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), ssoUsers.getObject());
            providers.add(oidc);
        }
        if (passwords instanceof PasswordAndCodeAuthenticationProvider p) {
            p.setAdminsOnly(localSignInForAdminsOnly);
        }
        ProviderManager manager = new ProviderManager(providers);
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

    /** The reason code for the login page: our own refusals by name, anything else "failed". */
    static String ssoRefusal(Exception ex) {
        if (ex instanceof OAuth2AuthenticationException o && o.getError().getErrorCode().startsWith("auditflow_")) {
            String reason = o.getError().getErrorCode().substring("auditflow_".length());
            if (reason.matches("[a-z_]{1,30}")) {
                return reason;
            }
        }
        return "failed";
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
