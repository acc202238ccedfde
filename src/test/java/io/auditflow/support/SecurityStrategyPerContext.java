package io.auditflow.support;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Vaadin installs its own security-context strategy (with its own thread-local) in the static
 * {@link SecurityContextHolder} whenever an application context starts. With several cached test
 * contexts (H2, PostgreSQL), the last one to start wins, and then {@code SystemAuthentication} in a
 * test of an earlier context writes to a holder that context's method security does not read
 * ("An Authentication object was not found"). Before each test this puts back the strategy of the
 * test's own context. Registered in {@code META-INF/spring.factories}.
 */
public class SecurityStrategyPerContext implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        restore(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        restore(testContext);
    }

    private static void restore(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
