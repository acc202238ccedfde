package io.auditflow.demo;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Role;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds demo users (password {@code demo}), a team and a few programs on an empty database.
 * Only active with {@code auditflow.demo.enabled=true}, which the embedded default sets and the
 * postgres profile does not.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "auditflow.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserService users;
    private final ProgramService programs;
    private final TransactionTemplate tx;
    private final DemoLifecycles lifecycles;

    DemoData(UserService users, ProgramService programs, TransactionTemplate tx, DemoLifecycles lifecycles) {
        this.users = users;
        this.programs = programs;
        this.tx = tx;
        this.lifecycles = lifecycles;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.hasAnyUser()) {
            return;
        }
        SystemAuthentication.run(() -> tx.executeWithoutResult(s -> seed()));
        lifecycles.start();
        log.info("Demo data created: users admin, manager, member, executive, auditor (password '{}')", PASSWORD);
    }

    private void seed() {
        users.seedTeam("grc", "Governance, Risk & Compliance", null);
        users.seedTeam("platform", "Platform Engineering", null);
        users.seedUser("admin", "Ada Admin", "admin@auditflow.example", PASSWORD, Set.of(Role.ADMIN), Set.of());
        users.seedUser("manager", "Maya Manager", "manager@auditflow.example", PASSWORD,
                Set.of(Role.COMPLIANCE_MANAGER), Set.of("grc"));
        users.seedUser("member", "Milo Member", "member@auditflow.example", PASSWORD,
                Set.of(Role.COMPLIANCE_MEMBER), Set.of("grc", "platform"));
        users.seedUser("executive", "Eve Executive", "executive@auditflow.example", PASSWORD,
                Set.of(Role.EXECUTIVE), Set.of());
        users.seedUser("auditor", "Otto Auditor", "auditor@auditflow.example", PASSWORD,
                Set.of(Role.AUDITOR), Set.of());
        users.seedTeam("grc", "Governance, Risk & Compliance", "manager");
        users.seedTeam("platform", "Platform Engineering", "manager");

        programs.create(new ProgramRequest("Acme Cloud SOC 2 Type II", Framework.SOC2_TYPE2,
                EnumSet.of(TrustCategory.SECURITY, TrustCategory.AVAILABILITY, TrustCategory.CONFIDENTIALITY),
                "The Acme Cloud platform: production infrastructure, the customer-facing web app and its API.",
                null, "manager", "grc"));
        programs.create(new ProgramRequest("Acme ISMS ISO 27001", Framework.ISO27001, EnumSet.noneOf(TrustCategory.class),
                "Information security management system for all Acme offices and the Acme Cloud product.",
                "2022", "manager", "grc"));
        programs.create(new ProgramRequest("Acme Payments SOC 2 Type I", Framework.SOC2_TYPE1,
                EnumSet.of(TrustCategory.SECURITY, TrustCategory.PROCESSING_INTEGRITY),
                "The payments service launched this year; a Type I report first, Type II next year.",
                null, "manager", "platform"));
    }
}
