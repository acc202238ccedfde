package io.auditflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.program.Program;
import io.auditflow.support.TestClock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class InboxApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired InboxFixture fixture;
    @Autowired TaskService taskService;
    @Autowired TestClock clock;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
    }

    @Test
    void a_member_lists_claims_and_completes_a_team_task_over_http() {
        Program program = fixture.program("Api flow", "grc");
        Task task = fixture.start(program, clock.today().plusDays(4));

        ResponseEntity<JsonNode> team = as("member").getForEntity(
                "/api/tasks?view=team&program=" + program.id() + "&due=week&q=review&size=10", JsonNode.class);
        assertThat(team.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(team.getBody().get("total").asLong()).isEqualTo(1);
        assertThat(team.getBody().get("items").get(0).get("id").asText()).isEqualTo(task.getId());
        assertThat(team.getBody().get("items").get(0).get("programName").asText()).isEqualTo(program.name());

        assertThat(post("member", "/api/tasks/" + task.getId() + "/claim", null).getBody().get("assignee").asText())
                .isEqualTo("member");
        ResponseEntity<JsonNode> mine = as("member").getForEntity("/api/tasks?view=mine&program=" + program.id(), JsonNode.class);
        assertThat(mine.getBody().get("total").asLong()).isEqualTo(1);

        ResponseEntity<JsonNode> details = as("member").getForEntity("/api/tasks/" + task.getId(), JsonNode.class);
        assertThat(details.getBody().get("form").get(0).get("name").asText()).isEqualTo("outcome");
        assertThat(details.getBody().get("description").asText()).contains("Export the user list");

        ResponseEntity<JsonNode> done = post("member", "/api/tasks/" + task.getId() + "/complete", Map.of("outcome", "ISSUES"));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody().get("state").asText()).isEqualTo("COMPLETED");
        assertThat(fixture.currentTask(task.getProcessInstanceId()).getTaskDefinitionKey()).isEqualTo("Task_FileReport");

        ResponseEntity<JsonNode> again = post("member", "/api/tasks/" + task.getId() + "/complete", Map.of("outcome", "OK"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("message").asText()).contains("already completed by Milo Member");
    }

    @Test
    void missing_form_fields_answer_400_with_field_errors_and_the_task_stays_open() {
        Program program = fixture.program("Api form", "grc");
        Task task = fixture.start(program, clock.today().plusDays(4));

        ResponseEntity<JsonNode> response = post("member", "/api/tasks/" + task.getId() + "/complete", Map.of());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("outcome");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void another_teams_task_answers_404_to_a_member_whatever_they_try() {
        Program program = fixture.program("Api secret", fixture.team("hidden"));
        Task task = fixture.start(program, clock.today().plusDays(4));

        assertThat(as("member").getForEntity("/api/tasks/" + task.getId(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("member", "/api/tasks/" + task.getId() + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("member", "/api/tasks/" + task.getId() + "/complete", Map.of("outcome", "OK")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("member", "/api/tasks/does-not-exist/claim", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(as("manager").getForEntity("/api/tasks/" + task.getId(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void managers_assign_and_move_due_dates_with_a_reason_members_may_not() {
        Program program = fixture.program("Api manage", "grc");
        Task task = fixture.start(program, clock.today().plusDays(4));
        String base = "/api/tasks/" + task.getId();

        assertThat(post("member", base + "/assign", Map.of("assignee", "member")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("manager", base + "/assign", Map.of("assignee", "member")).getBody().get("assignee").asText()).isEqualTo("member");

        ResponseEntity<JsonNode> noReason = post("manager", base + "/due-date", Map.of("dueDate", clock.today().plusDays(30).toString()));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("reason");
        ResponseEntity<JsonNode> badDate = post("manager", base + "/due-date", Map.of("dueDate", "31/03/2026", "reason", "x"));
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> moved = post("manager", base + "/due-date",
                Map.of("dueDate", clock.today().plusDays(30).toString(), "reason", "Fieldwork moved"));
        assertThat(moved.getBody().get("dueDate").asText()).isEqualTo(clock.today().plusDays(30).toString());
        JsonNode history = as("member").getForEntity(base + "/history", JsonNode.class).getBody();
        assertThat(history.get(1).get("kind").asText()).isEqualTo("DUE_DATE_CHANGED");
        assertThat(history.get(1).get("message").asText()).isEqualTo("Fieldwork moved");
    }

    @Test
    void bad_list_parameters_and_the_all_view_for_members_are_refused_plainly() {
        ResponseEntity<JsonNode> badView = as("member").getForEntity("/api/tasks?view=everything", JsonNode.class);
        assertThat(badView.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badView.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("view");
        assertThat(as("member").getForEntity("/api/tasks?due=soon", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("member").getForEntity("/api/tasks?size=5000", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("member").getForEntity("/api/tasks?view=all", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("manager").getForEntity("/api/tasks?view=all", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("executive").getForEntity("/api/tasks", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/tasks", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void the_list_sorts_by_a_whitelisted_column_and_refuses_any_other_with_a_clear_400() {
        ResponseEntity<JsonNode> bad = as("member").getForEntity("/api/tasks?view=team&sort=name_lower,asc", JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("sort");
        assertThat(bad.getBody().get("fieldErrors").get(0).get("message").asText())
                .isEqualTo("Tasks can be sorted by due, task, program, assignee; not by 'name_lower'");
        assertThat(as("member").getForEntity("/api/tasks?sort=due,up", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        Program later = fixture.program("Api sort B", "grc");
        Program sooner = fixture.program("Api sort A", "grc");
        Task laterTask = fixture.start(later, clock.today().plusDays(8));
        Task soonerTask = fixture.start(sooner, clock.today().plusDays(3));
        JsonNode byDueDesc = as("manager").getForEntity("/api/tasks?view=all&q=review&due=month&sort=due,desc&size=200",
                JsonNode.class).getBody();
        List<String> ids = new java.util.ArrayList<>();
        byDueDesc.get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).containsSubsequence(laterTask.getId(), soonerTask.getId());
    }

    @Test
    void bulk_claim_over_http_answers_what_changed_and_what_was_refused() {
        Program program = fixture.program("Api bulk", "grc");
        Task free = fixture.start(program, clock.today().plusDays(4));
        Task taken = fixture.start(program, clock.today().plusDays(4));
        taskService.setAssignee(taken.getId(), "manager");

        ResponseEntity<JsonNode> answer = post("member", "/api/tasks/bulk",
                Map.of("action", "claim", "taskIds", List.of(free.getId(), taken.getId())));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("changed").asInt()).isEqualTo(1);
        assertThat(answer.getBody().get("refused").get(0).get("reason").asText())
                .isEqualTo("'Review user access' was claimed by Maya Manager a moment ago");
        assertThat(taskService.createTaskQuery().taskId(free.getId()).singleResult().getAssignee()).isEqualTo("member");

        assertThat(post("member", "/api/tasks/bulk", Map.of("action", "assign", "taskIds", List.of(free.getId()),
                "assignee", "member")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> tooMany = post("member", "/api/tasks/bulk",
                Map.of("action", "claim", "taskIds", java.util.Collections.nCopies(201, free.getId())));
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("taskIds");
        ResponseEntity<JsonNode> badAction = post("member", "/api/tasks/bulk",
                Map.of("action", "delete", "taskIds", List.of(free.getId())));
        assertThat(badAction.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badAction.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("action");
        assertThat(post("executive", "/api/tasks/bulk", Map.of("action", "claim", "taskIds", List.of(free.getId())))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
