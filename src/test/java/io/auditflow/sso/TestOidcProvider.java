package io.auditflow.sso;

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
 * A real OpenID Connect provider (Spring Authorization Server 1.5) for the tests, on a random port of
 * its own, reached as {@code localhost} while the app is reached as {@code 127.0.0.1} so that the two
 * sessions' cookies stay apart in one client. Its users carry {@code groups} and {@code teams} claims
 * like a company's provider would.
 */
final class TestOidcProvider {

    static final String CLIENT_ID = testidp.TestIdpConfig.CLIENT_ID;
    static final String CLIENT_SECRET = testidp.TestIdpConfig.CLIENT_SECRET;
    static final String PASSWORD = testidp.TestIdpConfig.PASSWORD;
    static final AtomicInteger APP_PORT = testidp.TestIdpConfig.APP_PORT;

    private static ConfigurableApplicationContext context;

    private TestOidcProvider() {
    }

    static synchronized String issuer() {
        if (context == null) {
            context = new SpringApplicationBuilder(testidp.TestIdpConfig.class).web(WebApplicationType.SERVLET)
                    .bannerMode(Banner.Mode.OFF).logStartupInfo(false).registerShutdownHook(true)
                    // Not the app's application.yml: this context has nothing but the provider.
                    .properties("spring.config.name=test-oidc-provider", "spring.main.allow-bean-definition-overriding=true")
                    .run();
        }
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        return "http://localhost:" + port;
    }

}
