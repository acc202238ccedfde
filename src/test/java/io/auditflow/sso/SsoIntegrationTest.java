package io.auditflow.sso;

import io.auditflow.IntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with single sign-on on: the test provider as "Example Corp", the group
 * {@code auditflow-managers} (and the SCIM group "Auditflow Managers") mapped to compliance managers,
 * teams from the {@code teams} claim, password sign-in for admins only. One context for every SSO test.
 */
@IntegrationTest
abstract class SsoIntegrationTest {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.company.issuer-uri", TestOidcProvider::issuer);
        registry.add("spring.security.oauth2.client.registration.company.client-id", () -> TestOidcProvider.CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.company.client-secret", () -> TestOidcProvider.CLIENT_SECRET);
        registry.add("spring.security.oauth2.client.registration.company.client-name", () -> "Example Corp");
        registry.add("spring.security.oauth2.client.registration.company.scope", () -> "openid,profile,email");
        registry.add("auditflow.sso.role-mapping.auditflow-managers", () -> "COMPLIANCE_MANAGER");
        registry.add("auditflow.sso.role-mapping[Auditflow Managers]", () -> "COMPLIANCE_MANAGER");
        registry.add("auditflow.sso.role-mapping[Auditflow Executives]", () -> "EXECUTIVE");
        registry.add("auditflow.sso.team-claim", () -> "teams");
        registry.add("auditflow.sso.local-sign-in", () -> "admins");
    }
}
