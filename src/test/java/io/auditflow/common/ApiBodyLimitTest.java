package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A body larger than the API's limit (2 MB) is refused with 413 and a problem body, whether it says
 * its length or comes chunked, signed in or not; a body under the limit is read as before.
 */
@IntegrationTest
class ApiBodyLimitTest {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String user, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks/bulk"))
                .header("Content-Type", "application/json").header("Accept", "application/json").POST(body);
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {"action":"CLAIM","taskIds":["x...x", ...]}: valid JSON of about this many bytes. */
    private static byte[] bulk(int bytes) {
        StringBuilder s = new StringBuilder("{\"action\":\"CLAIM\",\"taskIds\":[");
        String id = "\"" + "x".repeat(98) + "\"";
        boolean first = true;
        while (s.length() < bytes) {
            s.append(first ? "" : ",").append(id);
            first = false;
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_body_over_two_megabytes_with_its_length_is_refused_with_413_before_sign_in_is_even_checked() throws Exception {
        byte[] body = bulk(3 * 1024 * 1024);
        for (String user : new String[] {null, "manager"}) {
            HttpResponse<String> answer = post(user, HttpRequest.BodyPublishers.ofByteArray(body));
            assertThat(answer.statusCode()).as(user == null ? "anonymous" : user).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.get("status").asInt()).isEqualTo(413);
            assertThat(problem.get("detail").asText()).isEqualTo("The request body is larger than the limit of 2 MB");
        }
    }

    @Test
    void a_chunked_body_over_the_limit_is_cut_off_and_answered_with_413() throws Exception {
        byte[] body = bulk(3 * 1024 * 1024);
        HttpResponse<String> answer = post("manager", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(json.readTree(answer.body()).get("detail").asText())
                .isEqualTo("The request body is larger than the limit of 2 MB");
    }

    @Test
    void a_body_under_the_limit_reaches_the_service_which_applies_its_own_rules() throws Exception {
        // 1.5 MB of ids: read in full, then refused by the inbox's own limit on the number of ids (400)
        HttpResponse<String> answer = post("manager", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(bulk(1536 * 1024))));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("taskIds");
    }
}
