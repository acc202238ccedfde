package io.auditflow.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points the static {@link SecurityContextHolder} at the security context strategy of the
 * application context the test runs in. Vaadin's strategy keeps its own ThreadLocal per instance
 * and every application context installs a new one statically, so after a second context starts
 * (PostgreSQL tests) the cached H2 context would read another instance than
 * {@code SystemAuthentication} and the tests write to, and {@code @PreAuthorize} would find no one.
 */
public class SecurityStrategyListener implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
