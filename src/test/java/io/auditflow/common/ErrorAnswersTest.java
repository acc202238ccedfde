package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Program;
import io.auditflow.support.TestClock;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every API error is an RFC 9457 problem in JSON, also the ones Spring raises before a controller
 * runs (issue 10, finding 9); none is a 500 or an empty body.
 */
@IntegrationTest
class ErrorAnswersTest {

    @LocalServerPort int port;
    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    record Answer(int status, String contentType, String body) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(body);
        }
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static void assertProblem(Answer a, int status) throws Exception {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        JsonNode body = a.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(body.get("fieldErrors").isArray()).isTrue();
        assertThat(a.body()).doesNotContain("at io.auditflow", "at org.springframework");
    }

    @Test
    void a_text_plain_post_gets_415_naming_the_type_to_send() throws Exception {
        Answer a = send(request("/api/programs", "manager").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")).build());
        assertProblem(a, 415);
        assertThat(a.json().get("detail").asText()).contains("text/plain").contains("application/json");
    }

    @Test
    void accept_xml_on_a_missing_program_still_gets_a_json_404() throws Exception {
        Answer a = send(request("/api/programs/999999", "manager").header("Accept", "application/xml").GET().build());
        assertProblem(a, 404);
        assertThat(a.json().get("detail").asText()).contains("999999");
        assertThat(a.json().get("instance").asText()).isEqualTo("/api/programs/999999");
    }

    @Test
    void accept_xml_on_a_list_gets_406_in_json() throws Exception {
        assertProblem(send(request("/api/programs", "manager").header("Accept", "application/xml").GET().build()), 406);
    }

    @Test
    void a_wrong_method_on_a_known_address_gets_405_with_the_allowed_methods() throws Exception {
        HttpResponse<String> r = http.send(request("/api/programs", "manager").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()), 405);
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("GET").contains("POST");
    }

    @Test
    void an_unknown_api_address_gets_a_json_404() throws Exception {
        assertProblem(send(request("/api/no-such-thing", "manager").GET().build()), 404);
    }

    @Test
    void a_semicolon_in_the_path_gets_400_not_500() throws Exception {
        assertProblem(send(request("/api/programs;jsessionid=x", "manager").GET().build()), 400);
    }

    @Test
    void an_upload_over_the_limit_gets_413_with_the_apps_own_message() throws Exception {
        Program program = fixture.program("Errors over the limit", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        byte[] big = new byte[21 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        Answer a = send(multipart(task.getId(), "big.txt", big));
        assertProblem(a, 413);
        assertThat(a.json().get("detail").asText()).isEqualTo("The file is larger than the limit of 20 MB");
        assertThat(a.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("file");
    }

    @Test
    void a_nul_byte_in_an_uploaded_file_name_gets_400_not_500() throws Exception {
        Program program = fixture.program("Errors NUL name", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        Answer a = send(multipart(task.getId(), "report\u0000.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        assertProblem(a, 400);
    }

    private HttpRequest multipart(String taskId, String fileName, byte[] content) throws Exception {
        String boundary = "----auditflow-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request("/api/tasks/" + taskId + "/evidence", "member")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }
}
