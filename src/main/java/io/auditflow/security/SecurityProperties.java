package io.auditflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and session settings under {@code auditflow.security.*}.
 *
 * @param maxSessions            parallel browser sessions per user; the oldest ends when one more signs in
 * @param absoluteSessionTimeout a browser session ends this long after sign-in, however active it is
 * @param engineRestDeployment   whether admins may deploy process models through {@code /engine-rest}
 *                               (off by default: a model's expressions run inside the app)
 * @param throttle               how many failed sign-ins an account and an address may make
 */
@ConfigurationProperties(prefix = "auditflow.security")
public record SecurityProperties(Integer maxSessions, Duration absoluteSessionTimeout, boolean engineRestDeployment,
                                 Throttle throttle) {

    public SecurityProperties {
        maxSessions = maxSessions == null ? 3 : maxSessions;
        absoluteSessionTimeout = absoluteSessionTimeout == null ? Duration.ofHours(12) : absoluteSessionTimeout;
        throttle = throttle == null ? new Throttle(null, null, null) : throttle;
    }

    /**
     * @param accountFailures failed sign-ins one account may have within {@code window} (then one per window/n)
     * @param addressFailures failed sign-ins one client address may have within {@code window}
     * @param window          the time in which the allowance refills
     */
    public record Throttle(Integer accountFailures, Integer addressFailures, Duration window) {
        public Throttle {
            accountFailures = accountFailures == null ? 5 : accountFailures;
            addressFailures = addressFailures == null ? 30 : addressFailures;
            window = window == null ? Duration.ofMinutes(15) : window;
        }
    }
}
