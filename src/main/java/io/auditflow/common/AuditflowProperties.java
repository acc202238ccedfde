package io.auditflow.common;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Organisation-wide settings under {@code auditflow.*}.
 *
 * @param zone     the organisation's time zone: every date in the product is a whole day in it
 * @param baseUrl  the address people reach Auditflow at, used in links inside mails and feeds
 * @param demo     whether demo users and programs are created on an empty database
 * @param bootstrapAdmin the first admin for an empty database outside the demo setup
 */
@ConfigurationProperties(prefix = "auditflow")
public record AuditflowProperties(ZoneId zone, String baseUrl, Demo demo, BootstrapAdmin bootstrapAdmin) {

    public AuditflowProperties {
        zone = zone == null ? ZoneId.of("UTC") : zone;
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl;
        demo = demo == null ? new Demo(false) : demo;
        bootstrapAdmin = bootstrapAdmin == null ? new BootstrapAdmin(null, null, null) : bootstrapAdmin;
    }

    public record Demo(boolean enabled) {
    }

    public record BootstrapAdmin(String username, String password, String email) {
    }
}
