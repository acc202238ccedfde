package io.auditflow.support;

import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Keeps JVM-wide state in line with the test's own application context.
 *
 * <p>Each application context brings its own Vaadin-aware security context strategy (with its own
 * thread-local), and the last context started wins the static {@link SecurityContextHolder}. With
 * several cached test contexts in one JVM, the test at hand must use its own context's strategy,
 * or a signed-in test user is invisible to that context's method security. Likewise Camunda's
 * {@code ClockUtil} is static, while each context has its own {@link TestClock}, and Cockpit looks
 * its engine up in a static registry where several contexts' engines share the name "default".
 */
public class SecurityStrategyTestExecutionListener implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestClass(TestContext testContext) {
        use(testContext);
        // Every test class starts on the default day, whatever the previous class left behind.
        testContext.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        use(testContext);
    }

    private static void use(TestContext testContext) {
        ApplicationContext ctx = testContext.getApplicationContext();
        ctx.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        // Camunda's clock is static too: bring it back in line with this context's test clock.
        ctx.getBeanProvider(TestClock.class).ifAvailable(clock -> clock.set(clock.instant()));
        // Cockpit and the engine REST API find "the" engine in a static registry: point it at ours.
        ctx.getBeanProvider(ProcessEngine.class).ifAvailable(SecurityStrategyTestExecutionListener::register);
    }

    private static void register(ProcessEngine engine) {
        RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
        ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
        if (registered != engine) {
            if (registered != null) {
                container.unregisterProcessEngine(registered);
            }
            container.registerProcessEngine(engine);
        }
        ProcessEngines.registerProcessEngine(engine);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
