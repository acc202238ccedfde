package io.auditflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Program;
import io.auditflow.support.TestClock;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@IntegrationTest
class EvidenceApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;

    private static HttpEntity<MultiValueMap<String, Object>> multipart(String evidenceDate, Object... nameAndBytes) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        for (int i = 0; i < nameAndBytes.length; i += 2) {
            String name = (String) nameAndBytes[i];
            body.add("files", new ByteArrayResource((byte[]) nameAndBytes[i + 1]) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        }
        if (evidenceDate != null) {
            body.add("evidenceDate", evidenceDate);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    @Test
    void files_are_uploaded_listed_and_downloaded_over_http() {
        Program program = fixture.program("Api evidence", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        TestRestTemplate member = rest.withBasicAuth("member", "demo");

        ResponseEntity<JsonNode> created = member.postForEntity("/api/tasks/" + task.getId() + "/evidence",
                multipart(clock.today().minusDays(2).toString(), "review.pdf", EvidenceSamples.pdf(), "users.csv", EvidenceSamples.csv()),
                JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).hasSize(2);
        assertThat(created.getBody().get(0).get("evidenceDate").asText()).isEqualTo(clock.today().minusDays(2).toString());

        JsonNode listed = member.getForObject("/api/tasks/" + task.getId() + "/evidence", JsonNode.class);
        assertThat(listed).hasSize(2);
        long id = listed.get(1).get("id").asLong();
        ResponseEntity<byte[]> file = member.getForEntity("/api/evidence/" + id + "/content", byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getBody()).isEqualTo(EvidenceSamples.csv());
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("users.csv");
        assertThat(member.getForObject("/api/programs/" + program.id() + "/evidence", JsonNode.class)).hasSize(2);
    }

    @Test
    void bad_files_answer_400_with_the_file_field_and_store_nothing() {
        Program program = fixture.program("Api evidence bad", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        TestRestTemplate member = rest.withBasicAuth("member", "demo");
        String url = "/api/tasks/" + task.getId() + "/evidence";

        for (String name : new String[] {"../x.pdf", "a/b.pdf", "C:\\x.pdf"}) {
            ResponseEntity<JsonNode> r = member.postForEntity(url, multipart(null, name, EvidenceSamples.pdf()), JsonNode.class);
            assertThat(r.getStatusCode()).as(name).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("file");
        }
        ResponseEntity<JsonNode> fake = member.postForEntity(url, multipart(null, "scan.png", EvidenceSamples.pdf()), JsonNode.class);
        assertThat(fake.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fake.getBody().get("fieldErrors").get(0).get("message").asText()).contains("not a PNG");
        ResponseEntity<JsonNode> none = member.postForEntity(url, multipart(null), JsonNode.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(member.getForObject(url, JsonNode.class)).isEmpty();
    }
}
