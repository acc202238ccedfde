package io.auditflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import java.util.Map;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
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
        // The JDK client has no read timeout; Reactor Netty's 10 s default failed the first engine REST
        // call (Jersey starts lazily) on a busy machine.
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory()).build();
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

    // ---- generated from the application's own request mappings -----------------------------

    private static final String EVERYONE = "admin manager member executive auditor";
    private static final String WORKERS = "admin manager member";
    private static final String MANAGERS = "admin manager";
    private static final String ADMINS = "admin";
    private static final String PUBLIC = "anonymous " + EVERYONE;
    private static final List<String> USERS = List.of("anonymous", "admin", "manager", "member", "executive", "auditor");

    /**
     * Who gets past the role gate of every request mapping ("METHOD pattern"). A new endpoint
     * without a line here fails {@link #every_request_mapping_has_a_line_in_the_table_and_answers_each_role_as_it_says()}.
     */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("GET /api/programs", EVERYONE),
            Map.entry("POST /api/programs", MANAGERS),
            Map.entry("GET /api/programs/{id}", EVERYONE),
            Map.entry("PUT /api/programs/{id}", MANAGERS),
            Map.entry("POST /api/programs/{id}/archive", MANAGERS),
            Map.entry("POST /api/programs/{id}/restore", MANAGERS),
            Map.entry("POST /api/programs/{id}/lifecycle", MANAGERS),
            Map.entry("GET /api/programs/{id}/milestones", EVERYONE),
            Map.entry("POST /api/programs/{id}/milestones/{type}/{cycle}/reschedule", MANAGERS),
            Map.entry("GET /api/programs/{id}/coverage-gaps", EVERYONE),
            Map.entry("GET /api/programs/{id}/certificate", EVERYONE),
            Map.entry("GET /api/programs/{id}/control-activities", EVERYONE),
            Map.entry("GET /api/programs/{id}/findings", EVERYONE),
            Map.entry("GET /api/programs/{programId}/evidence", WORKERS),
            Map.entry("GET /api/tasks", WORKERS),
            Map.entry("GET /api/tasks/counts", WORKERS),
            Map.entry("POST /api/tasks/bulk", WORKERS),
            Map.entry("GET /api/tasks/{id}", WORKERS),
            Map.entry("POST /api/tasks/{id}/claim", WORKERS),
            Map.entry("POST /api/tasks/{id}/unclaim", WORKERS),
            Map.entry("POST /api/tasks/{id}/assign", MANAGERS),
            Map.entry("POST /api/tasks/{id}/due-date", MANAGERS),
            Map.entry("POST /api/tasks/{id}/complete", WORKERS),
            Map.entry("GET /api/tasks/{id}/history", WORKERS),
            Map.entry("POST /api/tasks/{id}/comments", WORKERS),
            Map.entry("POST /api/tasks/{id}/evidence", WORKERS),
            Map.entry("GET /api/tasks/{id}/evidence", WORKERS),
            // Auditors pass the role gate; only evidence linked to their engagements' requests answers, else 404.
            Map.entry("GET /api/evidence/{evidenceId}/content", "admin manager member auditor"),
            Map.entry("GET /api/admin/users", ADMINS),
            Map.entry("POST /api/admin/users", ADMINS),
            Map.entry("GET /api/admin/users/{username}", ADMINS),
            Map.entry("PUT /api/admin/users/{username}", ADMINS),
            Map.entry("POST /api/admin/users/{username}/disable", ADMINS),
            Map.entry("POST /api/admin/users/{username}/enable", ADMINS),
            Map.entry("POST /api/admin/users/{username}/password", ADMINS),
            Map.entry("GET /api/admin/teams", ADMINS),
            Map.entry("PUT /api/admin/teams/{code}", ADMINS),
            Map.entry("GET /api/admin/audit", ADMINS),
            Map.entry("GET /api/admin/audit/export", ADMINS),
            Map.entry("POST /api/admin/audit/verify", ADMINS),
            Map.entry("GET /calendar/{kind}/{file}", PUBLIC),
            Map.entry("GET /v3/api-docs", PUBLIC),
            // Not in the public chain (SecurityConfig, sec-a's part): only a browser session reaches it.
            Map.entry("GET /v3/api-docs.yaml", ""),
            Map.entry("GET /v3/api-docs/swagger-config", PUBLIC),
            Map.entry("GET /swagger-ui.html", PUBLIC),
            Map.entry("DELETE /api/engagements/{id}/auditors/{username}", MANAGERS),
            Map.entry("DELETE /api/me/tokens/{id}", EVERYONE),
            Map.entry("GET /api/controls", EVERYONE),
            Map.entry("GET /api/controls/{code}", EVERYONE),
            Map.entry("GET /api/controls/{code}/evidence", WORKERS),
            Map.entry("GET /api/controls/{code}/history", EVERYONE),
            Map.entry("GET /api/crosswalk", EVERYONE),
            Map.entry("GET /api/dashboard/{list}.csv", EVERYONE),
            Map.entry("GET /api/engagements", "admin manager member auditor"),
            Map.entry("GET /api/engagements/requests/{requestId}", "admin manager member auditor"),
            Map.entry("GET /api/engagements/requests/{requestId}/comments", "admin manager member auditor"),
            Map.entry("GET /api/engagements/requests/{requestId}/evidence", "admin manager member auditor"),
            Map.entry("GET /api/engagements/{id}", "admin manager member auditor"),
            Map.entry("GET /api/engagements/{id}/auditors", MANAGERS),
            Map.entry("GET /api/engagements/{id}/binder", "admin manager member auditor"),
            Map.entry("GET /api/engagements/{id}/progress", "admin manager member auditor"),
            Map.entry("GET /api/engagements/{id}/requests", "admin manager member auditor"),
            Map.entry("GET /api/engagements/{id}/samples", "admin manager member auditor"),
            Map.entry("GET /api/engagements/{id}/control-activities", "admin manager member auditor"),
            Map.entry("GET /api/engagements/{id}/samples/populations", "admin manager member auditor"),
            Map.entry("GET /api/frameworks", EVERYONE),
            Map.entry("GET /api/frameworks/{code}/coverage", "admin manager member executive"),
            Map.entry("GET /api/frameworks/{code}/requirements", EVERYONE),
            Map.entry("GET /api/joint-plans", "admin manager member executive"),
            Map.entry("GET /api/joint-plans/pairs", "admin manager member executive"),
            Map.entry("GET /api/me/tokens", EVERYONE),
            Map.entry("GET /api/me/notifications", EVERYONE),
            Map.entry("GET /api/me/notifications/unread-count", EVERYONE),
            Map.entry("POST /api/me/notifications/{id}/read", EVERYONE),
            Map.entry("POST /api/me/notifications/read-all", EVERYONE),
            Map.entry("GET /api/programs/{id}/coverage", EVERYONE),
            Map.entry("GET /api/programs/{id}/coverage-state", EVERYONE),
            Map.entry("GET /api/programs/{id}/soa", "admin manager member executive"),
            Map.entry("GET /api/programs/{id}/soa/versions", "admin manager member executive"),
            Map.entry("GET /api/reports/board", "admin manager executive"),
            // The browser's copies of the executive exports: the signed-in session only (no Basic on the UI chain).
            Map.entry("GET /exports/timeline/drawing", ""),
            Map.entry("GET /exports/timeline/milestones.csv", ""),
            Map.entry("GET /exports/dashboard/{list}.csv", ""),
            Map.entry("GET /exports/reports/board", ""),
            Map.entry("GET /api/timeline/drawing", EVERYONE),
            Map.entry("GET /api/timeline/milestones.csv", EVERYONE),
            Map.entry("POST /api/controls", MANAGERS),
            Map.entry("POST /api/controls/{code}/retire", MANAGERS),
            Map.entry("POST /api/engagements", MANAGERS),
            Map.entry("POST /api/engagements/requests/{requestId}/accept", "auditor"),
            Map.entry("POST /api/engagements/requests/{requestId}/comments", "admin manager member auditor"),
            Map.entry("POST /api/engagements/requests/{requestId}/evidence", WORKERS),
            Map.entry("POST /api/engagements/requests/{requestId}/send-back", "auditor"),
            Map.entry("POST /api/engagements/{id}/auditors", MANAGERS),
            Map.entry("POST /api/engagements/{id}/requests", "admin manager member auditor"),
            // the body is not CSV: 415 comes before the role check
            Map.entry("POST /api/engagements/{id}/requests/import", EVERYONE),
            // joint engagements (joint2): the body is not CSV: 415 comes before the role check
            Map.entry("POST /api/engagements/{id}/requests/joint-import", EVERYONE),
            Map.entry("POST /api/engagements/{id}/requests/joint-import/preview", EVERYONE),
            Map.entry("GET /api/engagements/{id}/requests/by-framework", "admin manager member auditor"),
            // global search (joint2): every signed-in role; each provider applies its feature's own rules
            Map.entry("GET /api/search", EVERYONE),
            Map.entry("POST /api/engagements/{id}/samples", "admin manager member auditor"),
            // an empty body is refused (400) before the role check
            Map.entry("POST /api/joint-plans", EVERYONE),
            // an empty body is refused (400) before the role check
            Map.entry("POST /api/joint-plans/links", EVERYONE),
            Map.entry("POST /api/joint-plans/{proposalId}/accept", MANAGERS),
            Map.entry("POST /api/joint-plans/{proposalId}/decline", MANAGERS),
            Map.entry("POST /api/me/password", EVERYONE),
            Map.entry("POST /api/me/tokens", EVERYONE),
            Map.entry("POST /api/programs/{id}/soa/drafts", WORKERS),
            Map.entry("POST /api/programs/{id}/soa/{version}/decision", MANAGERS),
            Map.entry("POST /api/programs/{id}/soa/{version}/submit", WORKERS),
            Map.entry("PUT /api/controls/{code}", MANAGERS),
            Map.entry("PUT /api/engagements/{id}/report", MANAGERS),
            Map.entry("PUT /api/programs/{id}/soa/{version}/entries/{controlId}", WORKERS),
            // sso: the SCIM token is made by admins; SCIM itself answers only that token, never a password.
            Map.entry("POST /api/admin/scim-token", ADMINS),
            Map.entry("DELETE /api/admin/scim-token", ADMINS),
            Map.entry("GET /scim/v2/ServiceProviderConfig", ""),
            Map.entry("GET /scim/v2/ResourceTypes", ""),
            Map.entry("GET /scim/v2/Schemas", ""),
            Map.entry("GET /scim/v2/Users", ""),
            Map.entry("POST /scim/v2/Users", ""),
            Map.entry("GET /scim/v2/Users/{id}", ""),
            Map.entry("PUT /scim/v2/Users/{id}", ""),
            Map.entry("PATCH /scim/v2/Users/{id}", ""),
            Map.entry("DELETE /scim/v2/Users/{id}", ""),
            Map.entry("GET /scim/v2/Groups", ""),
            Map.entry("POST /scim/v2/Groups", ""),
            Map.entry("GET /scim/v2/Groups/{id}", ""),
            Map.entry("PUT /scim/v2/Groups/{id}", ""),
            Map.entry("PATCH /scim/v2/Groups/{id}", ""),
            Map.entry("DELETE /scim/v2/Groups/{id}", ""));

    /** Framework plumbing that is not an endpoint of its own. */
    private static final Set<String> NOT_ENDPOINTS = Set.of("/api/**", "/error", "${server.error.path:${error.path:/error}}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_request_mapping_has_a_line_in_the_table_and_answers_each_role_as_it_says() throws Exception {
        Map<String, RequestMappingInfo> endpoints = new TreeMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : info.getPatternValues()) {
                if (NOT_ENDPOINTS.contains(pattern)) {
                    continue;
                }
                for (String method : methods) {
                    endpoints.put(method + " " + pattern, info);
                }
            }
        }

        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> actual = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (var e : endpoints.entrySet()) {
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String path = e.getKey().substring(e.getKey().indexOf(' ') + 1)
                    .replace("{type}", "FIELDWORK_START").replace("{cycle}", "1")
                    .replace("{kind}", "user").replace("{file}", "not-a-token.ics")
                    .replaceAll("\\{[^}]+}", "999999");
            boolean multipart = e.getValue().getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(t -> t.getSubtype().equals("form-data"));
            List<String> through = new ArrayList<>();
            for (String user : USERS) {
                int status = call(http, user, method, path, multipart);
                if (status >= 500) {
                    failures.add(user + " " + method + " " + path + " -> " + status);
                }
                // 429 is a refusal too: SCIM calls without the SCIM token are rate-limited per address, and
                // this table sends dozens of them from one address.
                if (status != 401 && status != 403 && status != 429) {
                    through.add(user);
                }
            }
            actual.put(e.getKey(), String.join(" ", through));
        }
        // The observed matrix, for review when a line is added (target/access-matrix.txt).
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "access-matrix.txt"), actual.entrySet().stream()
                .map(x -> x.getKey() + " = " + x.getValue()).collect(java.util.stream.Collectors.joining("\n")));
        assertThat(endpoints.keySet()).as("every endpoint needs a line in EXPECTED")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        assertThat(failures).as("no endpoint answers a role with a server error").isEmpty();
        assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED));
    }

    private int call(HttpClient http, String user, String method, String path, boolean multipart) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!user.equals("anonymous")) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (method.equals("GET")) {
            b.GET();
        } else if (multipart) {
            String boundary = "matrix-boundary";
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            b.method(method, HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data;"
                    + " name=\"files\"; filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n"));
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        HttpResponse<Void> response = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
        boolean toLogin = response.statusCode() / 100 == 3
                && response.headers().firstValue("Location").orElse("").contains("/login");
        return toLogin ? 401 : response.statusCode();
    }
}
