package io.auditflow.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.common.ConflictException;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.evidence.EvidenceSamples;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.inbox.InboxService;
import io.auditflow.inbox.InboxTask;
import io.auditflow.inbox.TaskFilter;
import io.auditflow.inbox.TaskListView;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Archived programs are read-only: processes suspended, tasks out of the inbox, every write 409 (issue 10). */
@IntegrationTest
class ArchivedProgramTest {

    @Autowired ProgramService programs;
    @Autowired InboxService inbox;
    @Autowired MilestoneService milestones;
    @Autowired RuntimeService runtime;
    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;
    @Autowired TestRestTemplate rest;

    private boolean listedForTeam(String taskId) {
        return InboxFixture.as("member", Role.COMPLIANCE_MEMBER,
                () -> inbox.list(TaskFilter.of(TaskListView.TEAM), 0, 200)).stream()
                .map(InboxTask::id).anyMatch(taskId::equals);
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("member", "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void archiving_suspends_the_process_hides_the_task_and_refuses_every_write_with_409_until_restored() {
        Program program = fixture.program("Archived", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        assertThat(listedForTeam(task.getId())).isTrue();

        ResponseEntity<JsonNode> archived = rest.withBasicAuth("manager", "demo")
                .postForEntity("/api/programs/" + program.id() + "/archive", null, JsonNode.class);
        assertThat(archived.getStatusCode().value()).isEqualTo(200);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().isSuspended()).isTrue();
        assertThat(listedForTeam(task.getId())).isFalse();

        String base = "/api/tasks/" + task.getId();
        for (ResponseEntity<JsonNode> r : new ResponseEntity[] {
                post(base + "/claim", null),
                post(base + "/comments", Map.of("comment", "Still working on it")),
                post(base + "/complete", Map.of("outcome", "OK")),
                upload(task.getId())}) {
            assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(409);
            assertThat(r.getBody().get("detail").asText()).contains("is archived and read-only");
        }
        assertThatThrownBy(() -> SystemAuthentication.call(() -> milestones.plan(program.id(),
                MilestoneType.FIELDWORK_START, 1, clock.today().plusDays(30))))
                .isInstanceOf(ConflictException.class);

        ResponseEntity<JsonNode> restored = rest.withBasicAuth("manager", "demo")
                .postForEntity("/api/programs/" + program.id() + "/restore", null, JsonNode.class);
        assertThat(restored.getStatusCode().value()).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().isSuspended()).isFalse();
        assertThat(listedForTeam(task.getId())).isTrue();
        assertThat(post(base + "/claim", null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void a_completed_task_takes_no_more_comments() {
        Program program = fixture.program("Closed comments", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        assertThat(post("/api/tasks/" + task.getId() + "/complete", Map.of("outcome", "OK")).getStatusCode().value())
                .isEqualTo(200);
        ResponseEntity<JsonNode> late = post("/api/tasks/" + task.getId() + "/comments", Map.of("comment", "One more thing"));
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(late.getBody().get("detail").asText()).contains("already completed");
    }

    private ResponseEntity<JsonNode> upload(String taskId) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ByteArrayResource(EvidenceSamples.pdf()) {
            @Override
            public String getFilename() {
                return "late.pdf";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("member", "demo").postForEntity("/api/tasks/" + taskId + "/evidence",
                new HttpEntity<>(body, headers), JsonNode.class);
    }
}
