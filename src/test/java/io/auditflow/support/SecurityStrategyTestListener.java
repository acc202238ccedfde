package io.auditflow.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Several application contexts (H2 and PostgreSQL) live in one test JVM. Each installs its own
 * Vaadin-aware security-context strategy into the static {@link SecurityContextHolder}, so after
 * the PostgreSQL context started, the H2 context's method security read a different strategy than
 * {@code SystemAuthentication} wrote to ("An Authentication object was not found"). Before each
 * test class, the running context's strategy is put back.
 */
public class SecurityStrategyTestListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return 1_000;
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
