package testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The configuration of the tests' OpenID Connect provider (see io.auditflow.sso.TestOidcProvider). It lives
 * outside io.auditflow so that the application's component scan never picks it up.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@org.springframework.web.servlet.config.annotation.EnableWebMvc
public class TestIdpConfig {

    public static final String CLIENT_ID = "auditflow";
    public static final String CLIENT_SECRET = "test-secret";
    public static final String PASSWORD = "idp-password";

    /** user -> [groups, teams, e-mail, full name] */
    public static final Map<String, List<Object>> USERS = Map.of(
            "jane.doe", List.of(List.of("auditflow-managers", "everyone"), List.of("grc"), "jane.doe@example.com", "Jane Doe"),
            "bob.nobody", List.of(List.of("marketing", "everyone"), List.of(), "bob@example.com", "Bob Nobody"),
            "carol.provisioned", List.of(List.of("auditflow-managers"), List.of(), "carol@example.com", "Carol Provisioned"),
            "admin", List.of(List.of("auditflow-managers"), List.of(), "impostor@example.com", "Not The Admin"));

    /** The app's port, known only after the app started; the client's redirect URI follows it. */
    public static final AtomicInteger APP_PORT = new AtomicInteger();


    @Bean
    TomcatServletWebServerFactory idpServer() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.getSession().getCookie().setName("IDPSESSION");
        // Tomcat runs filters only for a request some servlet is mapped to; the provider is all filters.
        factory.setRegisterDefaultServlet(true);
        return factory;
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    /**
     * The app under test replaces the JVM-wide security context strategy with Vaadin's when it starts,
     * after this provider started. Some provider filters read the static holder and others the
     * strategy they were built with; one that always asks the holder keeps them on the same context.
     */
    @Bean
    static org.springframework.security.core.context.SecurityContextHolderStrategy followTheHolder() {
        return new org.springframework.security.core.context.SecurityContextHolderStrategy() {
            @Override
            public void clearContext() {
                org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy().clearContext();
            }

            @Override
            public org.springframework.security.core.context.SecurityContext getContext() {
                return org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy().getContext();
            }

            @Override
            public void setContext(org.springframework.security.core.context.SecurityContext context) {
                org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy().setContext(context);
            }

            @Override
            public org.springframework.security.core.context.SecurityContext createEmptyContext() {
                return org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy()
                        .createEmptyContext();
            }
        };
    }

    @Bean
    UserDetailsService idpUsers() {
        return new InMemoryUserDetailsManager(USERS.keySet().stream()
                .map(u -> User.withUsername(u).password("{noop}" + PASSWORD).roles("USER").build()).toList());
    }

    @Bean
    RegisteredClientRepository clients() {
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient client) {
                // The provider re-saves a client to upgrade its secret's hash; this fixed client stays as it is.
            }

            @Override
            public RegisteredClient findById(String id) {
                return client();
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                return CLIENT_ID.equals(clientId) ? client() : null;
            }
        };
    }

    private static RegisteredClient client() {
        return RegisteredClient.withId("auditflow-client").clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1:" + APP_PORT.get() + "/login/oauth2/code/company")
                .postLogoutRedirectUri("http://127.0.0.1:" + APP_PORT.get() + "/login?logout")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupClaims() {
        return context -> {
            if ("id_token".equals(context.getTokenType().getValue())) {
                List<Object> user = USERS.get(context.getPrincipal().getName());
                context.getClaims().claim("preferred_username", context.getPrincipal().getName())
                        .claim("groups", user.get(0)).claim("teams", user.get(1))
                        .claim("email", user.get(2)).claim("name", user.get(3));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().build();
    }
}
