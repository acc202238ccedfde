package io.auditflow.control;

import static io.auditflow.inbox.InboxFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The control API for every role, and what it answers to bad input: JSON errors, never a stack trace. */
@IntegrationTest
class ControlsApiTest {

    @LocalServerPort int port;
    @Autowired InboxFixture fixture;
    @Autowired SoaService soa;
    final ObjectMapper json = new ObjectMapper();

    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Answer call(String user, HttpMethod method, String path, Object body, String accept) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port).build();
        var spec = client.method(method).uri(path).headers(h -> {
            if (!user.equals("anonymous")) {
                h.setBasicAuth(user, "demo");
            }
            if (accept != null) {
                h.set("Accept", accept);
            }
        });
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                res.getHeaders().getContentType() == null ? "" : res.getHeaders().getContentType().toString(), res.getBody().readAllBytes()));
    }

    private JsonNode read(Answer a) throws Exception {
        return json.readTree(a.body());
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "admin,     /api/frameworks,                         200",
            "manager,   /api/frameworks,                         200",
            "member,    /api/frameworks/SOC2/requirements,       200",
            "executive, /api/crosswalk?from=SOC2&to=ISO27001,    200",
            "auditor,   /api/crosswalk?from=ISO27001&to=SOC2,    200",
            "anonymous, /api/frameworks,                         401",
            "auditor,   /api/controls,                           200",
            "executive, /api/controls/USER_ACCESS_REVIEW,        200",
            "anonymous, /api/controls,                           401",
            "admin,     /api/frameworks/ISO27001/coverage,       200",
            "executive, /api/frameworks/ISO27001/coverage,       200",
            "auditor,   /api/frameworks/ISO27001/coverage,       403",
            "member,    /api/controls/USER_ACCESS_REVIEW/evidence, 200",
            "executive, /api/controls/USER_ACCESS_REVIEW/evidence, 403",
            "auditor,   /api/controls/USER_ACCESS_REVIEW/history,  200",
            "manager,   /api/joint-plans/pairs,                  200",
            "auditor,   /api/joint-plans,                        403",
            "member,    /api/frameworks/PCI_DSS/requirements,    404",
            "member,    /api/crosswalk?from=SOC2&to=NIST_CSF,    404",
            "member,    /api/controls/NO_SUCH_CONTROL,           404",
    })
    void reading_endpoints_follow_the_role_matrix(String user, String path, int expected) {
        assertThat(call(user, HttpMethod.GET, path, null, null).status()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} may add controls: {1}")
    @CsvSource({"admin, 201", "manager, 201", "member, 403", "executive, 403", "auditor, 403", "anonymous, 401"})
    void only_managers_and_admins_add_controls(String user, int expected) {
        String code = ControlServiceTest.code("API_" + user.toUpperCase());
        Answer a = call(user, HttpMethod.POST, "/api/controls", Map.of("code", code, "name", "API control", "ownerTeam", "grc",
                "frequencyMonths", 12, "requirements", Map.of("ISO27001", List.of("A.5.9"))), null);
        assertThat(a.status()).isEqualTo(expected);
    }

    @Test
    void a_bad_control_is_answered_with_field_errors_in_json() throws Exception {
        Answer a = call("manager", HttpMethod.POST, "/api/controls", Map.of("code", "x<script>", "name", "N", "ownerTeam", "grc",
                "frequencyMonths", 12, "requirements", Map.of("SOC2", List.of("PP1.1"))), null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).contains("json");
        JsonNode body = read(a);
        assertThat(body.toString()).contains("PP1.1").contains("code").doesNotContain("Exception").doesNotContain("at io.auditflow");
        Answer wrongType = call("manager", HttpMethod.POST, "/api/controls", Map.of("name", "N", "frequencyMonths", "often"), null);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text()).contains("frequencyMonths");
        Answer retireTwice = call("manager", HttpMethod.POST, "/api/controls/NO_SUCH/retire", Map.of("reason", "x"), null);
        assertThat(retireTwice.status()).isEqualTo(404);
    }

    @Test
    void the_crosswalk_and_catalogues_answer_with_the_shipped_data() throws Exception {
        JsonNode frameworks = read(call("auditor", HttpMethod.GET, "/api/frameworks", null, null));
        assertThat(frameworks.findValuesAsText("code")).containsExactlyInAnyOrder("SOC2", "ISO27001", "NIST_CSF");
        JsonNode soc2 = read(call("member", HttpMethod.GET, "/api/frameworks/soc2/requirements", null, null));
        assertThat(soc2).hasSize(61);
        JsonNode crosswalk = read(call("member", HttpMethod.GET, "/api/crosswalk?from=SOC2&to=ISO27001", null, null));
        assertThat(crosswalk.get("mappings").toString()).contains("\"from\":\"CC8.1\",\"to\":\"A.8.32\",\"relationship\":\"EQUIVALENT\"");
        Answer unknown = call("member", HttpMethod.GET, "/api/frameworks/%3Cscript%3E/requirements", null, null);
        assertThat(unknown.status()).isIn(400, 404);
        assertThat(unknown.text()).doesNotContain("<script>");
        Answer pp = call("member", HttpMethod.GET, "/api/frameworks/PP1/requirements", null, null);
        assertThat(pp.status()).isEqualTo(404);
        assertThat(pp.text()).contains("use one of ISO27001, NIST_CSF, SOC2");
    }

    @Test
    void the_soa_comes_as_json_csv_or_pdf_by_accept_header_or_format() throws Exception {
        Program p = fixture.program("API SoA", "grc", Framework.ISO27001);
        as("member", Role.COMPLIANCE_MEMBER, () -> soa.startDraft(p.id()));
        String path = "/api/programs/" + p.id() + "/soa";

        Answer asJson = call("executive", HttpMethod.GET, path, null, null);
        assertThat(asJson.status()).isEqualTo(200);
        assertThat(read(asJson).get("entries")).hasSize(93);
        Answer csv = call("member", HttpMethod.GET, path, null, "text/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text()).contains("Annex A control,Theme,Title,Applicable,Justification,Implementation,Controls");
        Answer pdf = call("manager", HttpMethod.GET, path + "?format=pdf", null, null);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(call("member", HttpMethod.GET, path + "?format=xml", null, null).status()).isEqualTo(400);
        assertThat(call("auditor", HttpMethod.GET, path, null, null).status()).isEqualTo(403);
        assertThat(call("member", HttpMethod.GET, path + "?version=7", null, null).status()).isEqualTo(404);

        Program soc2 = fixture.program("API SoA SOC 2", "grc", Framework.SOC2_TYPE2);
        Answer notIso = call("member", HttpMethod.GET, "/api/programs/" + soc2.id() + "/soa", null, null);
        assertThat(notIso.status()).isEqualTo(409);
        assertThat(notIso.text()).contains("ISO/IEC 27001 programs");

        Answer entry = call("member", HttpMethod.PUT, path + "/1/entries/A.7.4", Map.of("applicable", false,
                "justification", "Fully remote company"), null);
        assertThat(entry.status()).isEqualTo(200);
        assertThat(call("member", HttpMethod.POST, path + "/1/submit", null, null).status()).isEqualTo(200);
        assertThat(call("member", HttpMethod.POST, path + "/1/decision", Map.of("approve", true), null).status()).isEqualTo(403);
        assertThat(call("manager", HttpMethod.POST, path + "/1/decision", Map.of("approve", true), null).status()).isEqualTo(202);
        JsonNode coverage = read(call("executive", HttpMethod.GET, "/api/programs/" + p.id() + "/coverage", null, null));
        assertThat(coverage.get("total").asInt()).isEqualTo(93);
    }
}
