package io.auditflow.common;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates the app's tables before the engine creates its own, so Flyway always meets
 * either an empty schema or one it has migrated before (docs/decisions/0002).
 */
@Configuration(proxyBeanMethods = false)
class FlywayBeforeEngineConfig {

    @Bean
    static AbstractDependsOnBeanFactoryPostProcessor processEngineDependsOnFlyway() {
        return new AbstractDependsOnBeanFactoryPostProcessor(ProcessEngine.class, ProcessEngineFactoryBean.class,
                "flywayInitializer") {
        };
    }
}
