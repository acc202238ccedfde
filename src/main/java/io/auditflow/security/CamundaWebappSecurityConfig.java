package io.auditflow.security;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers Camunda's container-based authentication behind Spring Security for the webapps. */
@Configuration(proxyBeanMethods = false)
class CamundaWebappSecurityConfig {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                CamundaSpringSecurityAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // After Spring Security's chain (order -100), so the signed-in user is known.
        registration.setOrder(101);
        return registration;
    }
}
