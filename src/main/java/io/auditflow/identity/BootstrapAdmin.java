package io.auditflow.identity;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.security.Role;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outside the demo setup, creates the first admin from {@code AUDITFLOW_ADMIN_USERNAME} and
 * {@code AUDITFLOW_ADMIN_PASSWORD} on an empty database. There is no default password.
 */
@Component
@Order(5)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserService users;
    private final AuditflowProperties properties;
    private final TransactionTemplate tx;

    BootstrapAdmin(UserService users, AuditflowProperties properties, TransactionTemplate tx) {
        this.users = users;
        this.properties = properties;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demo().enabled() || users.hasAnyUser()) {
            return;
        }
        AuditflowProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (admin.username() == null || admin.username().isBlank() || admin.password() == null
                || admin.password().length() < UserService.MIN_PASSWORD_LENGTH
                || admin.password().length() > PasswordPolicy.MAX_LENGTH) {
            log.warn("No users exist and no first admin is configured: set AUDITFLOW_ADMIN_USERNAME and "
                    + "AUDITFLOW_ADMIN_PASSWORD (at least {} characters) and restart.",
                    UserService.MIN_PASSWORD_LENGTH);
            return;
        }
        tx.executeWithoutResult(s -> users.seedUser(admin.username().trim().toLowerCase(), "Administrator",
                admin.email(), admin.password(), Set.of(Role.ADMIN), Set.of()));
        log.info("Created the first admin '{}'", admin.username());
    }
}
