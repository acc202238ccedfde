package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Test support: an engagement over the real API, with auditors, a request list and the team's answers. */
@Component
public class EngagementFixture {

    public static final String CSV = "reference;request;criteria;due date;owner hint\r\n"
            + "PBC-01;Population of new hires in the period;CC1.4;2026-02-15;grc\r\n"
            + "PBC-02;\"Access review evidence; all quarters\";CC6.1, CC6.2;2026-02-20;\r\n";

    private final TestRestTemplate rest;
    private final InboxFixture inbox;
    private final UserService users;
    private final ManagementService management;

    EngagementFixture(TestRestTemplate rest, InboxFixture inbox, UserService users, ManagementService management) {
        this.rest = rest;
        this.inbox = inbox;
        this.users = users;
        this.management = management;
    }

    public TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    /** A second and third auditor for scope and concurrency tests. */
    public void auditors() {
        SystemAuthentication.run(() -> {
            users.seedUser("auditor2", "Aud Two", "auditor2@auditflow.example", "demo", Set.of(Role.AUDITOR), Set.of());
            users.seedUser("auditor3", "Aud Three", "auditor3@auditflow.example", "demo", Set.of(Role.AUDITOR), Set.of());
        });
    }

    public Program program(String name) {
        return inbox.program(name, "grc", Framework.SOC2_TYPE2);
    }

    /** A Type II engagement over 2025-07-01..2025-12-31 with fieldwork in January 2026. */
    public long engagement(Program program) {
        ResponseEntity<JsonNode> created = as("manager").postForEntity("/api/engagements", Map.of(
                "programId", program.id(), "milestoneType", "OBSERVATION_END", "cycle", 1, "auditFirm", "Example CPA LLP",
                "periodStart", "2025-07-01", "periodEnd", "2025-12-31", "fieldworkStart", "2026-01-12",
                "fieldworkEnd", "2026-02-27"), JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asLong();
    }

    public void invite(long engagementId, String auditor) {
        ResponseEntity<JsonNode> r = as("manager").postForEntity("/api/engagements/" + engagementId + "/auditors",
                Map.of("username", auditor), JsonNode.class);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    public ResponseEntity<JsonNode> importCsv(String user, long engagementId, byte[] csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return as(user).postForEntity("/api/engagements/" + engagementId + "/requests/import",
                new HttpEntity<>(csv, headers), JsonNode.class);
    }

    public JsonNode requests(String user, long engagementId) {
        return as(user).getForObject("/api/engagements/" + engagementId + "/requests", JsonNode.class);
    }

    public JsonNode request(String user, long engagementId, String reference) {
        for (JsonNode r : requests(user, engagementId)) {
            if (r.get("reference").asText().equals(reference)) {
                return r;
            }
        }
        throw new AssertionError("no request " + reference);
    }

    /** The member claims the request's task, uploads one file dated {@code dated} and submits the answer. */
    public long answer(long engagementId, String reference, String answer, String fileName, byte[] bytes, LocalDate dated) {
        JsonNode r = request("member", engagementId, reference);
        String taskId = r.get("currentTaskId").asText();
        TestRestTemplate member = as("member");
        assertThat(member.postForEntity("/api/tasks/" + taskId + "/claim", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long evidenceId = -1;
        if (fileName != null) {
            MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
            body.add("files", new ByteArrayResource(bytes) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
            body.add("evidenceDate", dated.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            ResponseEntity<JsonNode> up = member.postForEntity("/api/tasks/" + taskId + "/evidence",
                    new HttpEntity<>(body, headers), JsonNode.class);
            assertThat(up.getStatusCode()).as(String.valueOf(up.getBody())).isEqualTo(HttpStatus.CREATED);
            evidenceId = up.getBody().get(0).get("id").asLong();
        }
        ResponseEntity<JsonNode> done = member.postForEntity("/api/tasks/" + taskId + "/complete",
                Map.of("answer", answer), JsonNode.class);
        assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.OK);
        return evidenceId;
    }

    public ResponseEntity<JsonNode> decide(String auditor, long requestId, boolean accept, String comment) {
        return as(auditor).exchange("/api/engagements/requests/" + requestId + (accept ? "/accept" : "/send-back"),
                HttpMethod.POST, new HttpEntity<>(comment == null ? Map.of() : Map.of("comment", comment)), JsonNode.class);
    }

    /** Runs the due jobs of the request processes (the save point after acceptance). */
    public void runJobs() {
        for (int i = 0; i < 50; i++) {
            List<Job> jobs = management.createJobQuery().processDefinitionKey(RequestService.PROCESS_KEY).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job j : jobs) {
                management.executeJob(j.getId());
            }
        }
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
