package io.auditflow.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.security.Roles;
import io.auditflow.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The SCIM rate limits: the provider's budget per minute, a small one per address for calls without a token. */
class ScimThrottleTest {

    final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse call(ScimThrottle throttle, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/scim/v2/Users");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private void asProvider() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                ScimSecurityConfig.CLIENT_NAME, null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SCIM))));
    }

    @Test
    void the_provider_gets_its_budget_per_minute_then_a_scim_429_with_retry_after_and_again_a_minute_later()
            throws Exception {
        ScimThrottle throttle = new ScimThrottle(5, clock, json);
        asProvider();
        for (int i = 0; i < 5; i++) {
            assertThat(call(throttle, "10.0.0.1").getStatus()).as("call " + (i + 1)).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(throttle, "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/scim+json");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("12"); // one call back every 60 / 5 seconds
        JsonNode body = json.readTree(refused.getContentAsByteArray());
        assertThat(body.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(body.get("status").asText()).isEqualTo("429");
        assertThat(body.get("detail").asText()).isEqualTo("Too many SCIM requests; try again in 12 s");

        clock.advance(Duration.ofSeconds(12));
        assertThat(call(throttle, "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call(throttle, "10.0.0.1").getStatus()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            assertThat(call(throttle, "10.0.0.1").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void strangers_without_the_token_cannot_use_up_the_providers_budget() throws Exception {
        ScimThrottle throttle = new ScimThrottle(1200, clock, json);
        for (int i = 0; i < ScimThrottle.ANONYMOUS_PER_MINUTE; i++) {
            call(throttle, "203.0.113.7");
        }
        assertThat(call(throttle, "203.0.113.7").getStatus()).isEqualTo(429);
        assertThat(call(throttle, "198.51.100.2").getStatus()).as("another address").isEqualTo(200);
        asProvider();
        assertThat(call(throttle, "203.0.113.7").getStatus()).as("the provider, even from that address").isEqualTo(200);
    }

    @Test
    void a_budget_below_one_is_refused_at_startup_with_the_setting_named() {
        assertThatThrownBy(() -> new ScimThrottle(0, clock, json))
                .hasMessage("auditflow.sso.scim-requests-per-minute must be at least 1, not 0");
    }
}
