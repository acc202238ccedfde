package io.auditflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/** Who may call which endpoint: every role against the API, the engine REST API and public endpoints. */
@IntegrationTest
class AccessMatrixTest {

    @LocalServerPort
    int port;

    private int status(String user, HttpMethod method, String path) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port).build();
        return client.method(method).uri(path)
                .headers(h -> {
                    if (!user.equals("anonymous")) {
                        h.setBasicAuth(user, "demo");
                    }
                })
                .exchange((req, res) -> res.getStatusCode().value());
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "admin,     /api/programs,                  200",
            "manager,   /api/programs,                  200",
            "member,    /api/programs,                  200",
            "executive, /api/programs,                  200",
            "auditor,   /api/programs,                  200",
            "anonymous, /api/programs,                  401",
            "admin,     /api/engagements,               200",
            "manager,   /api/engagements,               200",
            "member,    /api/engagements,               200",
            "executive, /api/engagements,               403",
            "auditor,   /api/engagements,               200",
            "anonymous, /api/engagements,               401",
            "admin,     /engine-rest/process-definition, 200",
            "manager,   /engine-rest/process-definition, 403",
            "member,    /engine-rest/process-definition, 403",
            "executive, /engine-rest/process-definition, 403",
            "auditor,   /engine-rest/process-definition, 403",
            "anonymous, /engine-rest/process-definition, 401",
            "anonymous, /actuator/health,               200",
            "anonymous, /v3/api-docs,                   200",
    })
    void reading_endpoints_follow_the_role_matrix(String user, String path, int expected) {
        assertThat(status(user, HttpMethod.GET, path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} may create programs: {1}")
    @CsvSource({"admin, true", "manager, true", "member, false", "executive, false", "auditor, false"})
    void only_managers_and_admins_change_programs(String user, boolean allowed) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port).build();
        int status = client.post().uri("/api/programs").headers(h -> h.setBasicAuth(user, "demo"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Matrix " + user + " " + System.nanoTime(), "framework", "ISO27001",
                        "owner", "manager", "team", "grc"))
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(allowed ? 201 : 403);
    }

    @ParameterizedTest(name = "wrong password for {0} -> 401")
    @CsvSource({"admin", "manager", "nobody"})
    void a_wrong_password_is_refused_without_saying_which_part_was_wrong(String user) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port).build();
        String body = client.get().uri("/api/programs").headers(h -> h.setBasicAuth(user, "wrong"))
                .exchange((req, res) -> res.getStatusCode().value() + " " + new String(res.getBody().readAllBytes()));
        assertThat(body).startsWith("401").doesNotContainIgnoringCase("user not found").doesNotContain(user);
    }
}
