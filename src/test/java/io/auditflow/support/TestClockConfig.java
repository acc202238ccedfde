package io.auditflow.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock with a {@link TestClock} in every integration test. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    @Bean
    @Primary
    TestClock testClock(io.auditflow.common.AuditflowProperties properties) {
        // The organisation's zone (UTC unless a test context sets auditflow.zone).
        return new TestClock(TestClock.DEFAULT_START, properties.zone());
    }

    @Bean
    Clock clock(TestClock testClock) {
        return testClock;
    }
}
