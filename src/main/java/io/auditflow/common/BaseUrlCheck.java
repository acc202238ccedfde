package io.auditflow.common;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says when links in mails and feeds would point at this machine: auditflow.base-url still names
 * localhost while a production profile ({@code postgres}, {@code production} or {@code prod}) runs.
 * Admin pages show the warning.
 */
@Component
public class BaseUrlCheck {

    private static final Set<String> PRODUCTION_PROFILES = Set.of("postgres", "production", "prod");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0");

    private final AuditflowProperties properties;
    private final Environment environment;

    BaseUrlCheck(AuditflowProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The configured base URL when it is a local address in production, else empty. */
    public Optional<String> localBaseUrlInProduction() {
        boolean production = java.util.Arrays.stream(environment.getActiveProfiles()).anyMatch(PRODUCTION_PROFILES::contains);
        return production && isLocal(properties.baseUrl()) ? Optional.of(properties.baseUrl()) : Optional.empty();
    }

    static boolean isLocal(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null || LOCAL_HOSTS.contains(host.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
