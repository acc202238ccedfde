package io.auditflow.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

@IntegrationTest
class ProgramApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProgramService programs;
    @Autowired
    ObjectMapper json;

    record Reply(int status, JsonNode body) {
    }

    Reply call(String user, String method, String path, String body) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, "demo");
                    }
                }).build();
        var spec = client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes());
            return new Reply(res.getStatusCode().value(), text.isBlank() ? null : json.readTree(text));
        });
    }

    static String program(String name, String framework, String criteria) {
        return """
                {"name": "%s", "framework": "%s", "criteria": %s, "scope": "Prod", "owner": "manager", "team": "grc"}
                """.formatted(name, framework, criteria);
    }

    @Test
    void a_manager_creates_reads_and_changes_a_program() {
        String name = "API SOC 2 " + UUID.randomUUID();
        Reply created = call("manager", "POST", "/api/programs", program(name, "SOC2_TYPE2", "[\"SECURITY\",\"AVAILABILITY\"]"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("framework").asText()).isEqualTo("SOC2_TYPE2");
        assertThat(created.body().get("criteria")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("SECURITY", "AVAILABILITY");

        Reply read = call("auditor", "GET", "/api/programs/" + id, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("name").asText()).isEqualTo(name);

        Reply changed = call("manager", "PUT", "/api/programs/" + id, program(name + " v2", "SOC2_TYPE2", "[\"SECURITY\"]"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(programs.get(id).name()).isEqualTo(name + " v2");
        assertThat(programs.get(id).criteria()).containsExactly(TrustCategory.SECURITY);
    }

    @Test
    void bad_input_is_refused_with_the_field_and_changes_nothing() {
        int before = programs.list(true).size();
        String existing = "Acme Cloud SOC 2 Type II";

        assertField(call("manager", "POST", "/api/programs", program(existing.toLowerCase(), "SOC2_TYPE2", "[\"SECURITY\"]")), "name");
        assertField(call("manager", "POST", "/api/programs", program("  ", "ISO27001", "[]")), "name");
        assertField(call("manager", "POST", "/api/programs", program("No security " + UUID.randomUUID(), "SOC2_TYPE1",
                "[\"AVAILABILITY\"]")), "criteria");
        assertField(call("manager", "POST", "/api/programs", program("Unknown fw", "SOC3", "[\"SECURITY\"]")), "framework");
        assertField(call("manager", "POST", "/api/programs", "{\"name\":\"x\",\"framework\":\"ISO27001\",\"owner\":\"nobody\",\"team\":\"grc\"}"), "owner");

        assertThat(programs.list(true)).hasSize(before);
    }

    @Test
    void an_update_that_breaks_a_rule_leaves_the_saved_program_as_it_was() {
        Program original = programs.list(false).stream().filter(p -> p.framework() == Framework.SOC2_TYPE2).findFirst().orElseThrow();
        Reply reply = call("manager", "PUT", "/api/programs/" + original.id(), program("", "SOC2_TYPE2", "[\"PRIVACY\"]"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(programs.get(original.id()).name()).isEqualTo(original.name());
        assertThat(programs.get(original.id()).criteria()).isEqualTo(original.criteria());
    }

    @Test
    void executives_auditors_and_members_cannot_change_programs() {
        Program any = programs.list(false).get(0);
        for (String user : new String[] {"executive", "auditor", "member"}) {
            assertThat(call(user, "POST", "/api/programs", program("By " + user, "ISO27001", "[]")).status())
                    .as(user + " create").isEqualTo(403);
            assertThat(call(user, "PUT", "/api/programs/" + any.id(), program("Renamed by " + user, "ISO27001", "[]")).status())
                    .as(user + " update").isEqualTo(403);
            assertThat(call(user, "POST", "/api/programs/" + any.id() + "/archive", null).status())
                    .as(user + " archive").isEqualTo(403);
        }
        assertThat(programs.get(any.id()).name()).isEqualTo(any.name());
        assertThat(programs.get(any.id()).archived()).isFalse();
    }

    @Test
    void unknown_programs_and_addresses_get_a_json_404_and_strangers_a_401() {
        Reply missing = call("manager", "GET", "/api/programs/999999", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("message").asText()).contains("999999");
        assertThat(call("manager", "GET", "/api/no-such-thing", null).status()).isEqualTo(404);
        assertThat(call(null, "GET", "/api/programs", null).status()).isEqualTo(401);
    }

    private static void assertField(Reply reply, String field) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(400);
        assertThat(reply.body().get("fieldErrors")).extracting(f -> f.get("field").asText()).contains(field);
        assertThat(reply.body().toString()).doesNotContain("Exception").doesNotContain("at io.");
    }

}
