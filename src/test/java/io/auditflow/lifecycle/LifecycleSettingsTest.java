package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Calendar settings outside what the standards allow stop the application at start, naming the setting. */
class LifecycleSettingsTest {

    @Configuration
    @EnableConfigurationProperties(LifecycleProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void the_documented_defaults_start() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(LifecycleProperties.class).surveillance1DeadlineMonths()).isEqualTo(12);
        });
    }

    @Test
    void an_observation_window_of_18_months_is_refused() {
        runner.withPropertyValues("auditflow.lifecycle.default-window-months=18").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("defaultWindowMonths");
        });
    }

    @Test
    void a_first_surveillance_later_than_twelve_months_after_the_decision_is_refused() {
        runner.withPropertyValues("auditflow.lifecycle.surveillance1-deadline-months=14").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("surveillance1DeadlineMonths"));
        runner.withPropertyValues("auditflow.lifecycle.surveillance1-plan-months=12",
                "auditflow.lifecycle.surveillance1-deadline-months=10").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause()
                        .hasMessageContaining("surveillance1-plan-months must not be after surveillance1-deadline-months"));
    }
}
