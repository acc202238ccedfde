package io.auditflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Users and teams through the API follow the same rules as the admin views (issue 10). */
@IntegrationTest
class AdminApiTest {

    @Autowired TestRestTemplate rest;

    private TestRestTemplate admin() {
        return rest.withBasicAuth("admin", "demo");
    }

    @Test
    void an_admin_creates_changes_and_disables_a_user_who_then_cannot_sign_in() {
        String name = "api-user-" + (System.nanoTime() % 100000);
        ResponseEntity<JsonNode> created = admin().postForEntity("/api/admin/users", Map.of("username", name,
                "displayName", "Api User", "email", name + "@example.com", "password", "a-long-enough-password-1",
                "roles", List.of("COMPLIANCE_MEMBER"), "teams", List.of("grc")), JsonNode.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        assertThat(created.getBody().get("teams").get(0).asText()).isEqualTo("grc");
        assertThat(rest.withBasicAuth(name, "a-long-enough-password-1").getForEntity("/api/tasks/counts", String.class)
                .getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> changed = admin().exchange("/api/admin/users/" + name, HttpMethod.PUT,
                new HttpEntity<>(Map.of("displayName", "Api User Renamed", "roles", List.of("AUDITOR"), "teams", List.of())),
                JsonNode.class);
        assertThat(changed.getBody().get("roles").get(0).asText()).isEqualTo("AUDITOR");

        assertThat(admin().postForEntity("/api/admin/users/" + name + "/disable", null, JsonNode.class)
                .getBody().get("enabled").asBoolean()).isFalse();
        assertThat(rest.withBasicAuth(name, "a-long-enough-password-1").getForEntity("/api/programs", String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void the_api_refuses_what_the_admin_view_refuses_with_field_errors() {
        ResponseEntity<JsonNode> bad = admin().postForEntity("/api/admin/users", Map.of("username", "Bad Name!",
                "displayName", "Mallory\u202E", "password", "short", "roles", List.of()), JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("fieldErrors").findValuesAsText("field"))
                .contains("username", "password", "displayName", "roles");

        ResponseEntity<JsonNode> unknown = admin().postForEntity("/api/admin/users/nobody-here/disable", null, JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);

        ResponseEntity<JsonNode> team = admin().exchange("/api/admin/teams/Not A Code", HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "x")), JsonNode.class);
        assertThat(team.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void an_admin_creates_a_team_and_lists_it() {
        String code = "api-team-" + (System.nanoTime() % 100000);
        ResponseEntity<JsonNode> saved = admin().exchange("/api/admin/teams/" + code, HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "Api Team", "manager", "manager")), JsonNode.class);
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(saved.getBody().get("manager").asText()).isEqualTo("manager");
        assertThat(admin().getForObject("/api/admin/teams", JsonNode.class).findValuesAsText("code")).contains(code);
    }
}
