package io.auditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.IntegrationTest;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.OutgoingMail;
import io.auditflow.timeline.TestTasks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The bell's API: a person sees and marks only their own notifications; rows follow the mails and assignments. */
@IntegrationTest
class NotificationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    NotificationService notifications;
    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        jdbc.update("delete from app_notification where subject like ?", "%" + run + "%");
    }

    private HttpResponse<String> call(String user, String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        b.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> subjects(String user) throws Exception {
        JsonNode list = json.readTree(call(user, "GET", "/api/me/notifications?limit=100").body());
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(n -> n.get("subject").asText()).filter(s -> s.contains(run)).toList();
    }

    @Test
    void a_person_sees_only_their_own_and_cannot_mark_someone_elses_read() throws Exception {
        notifications.record("T1:" + run, "member", NotificationKind.DUE_SOON, "Member's task " + run, "/inbox/task/1");
        notifications.record("T2:" + run, "manager", NotificationKind.ESCALATED, "Manager's task " + run, "/inbox/task/2");
        Long managersId = jdbc.queryForObject("select id from app_notification where dedup_key = ?", Long.class, "T2:" + run);

        assertThat(subjects("member")).containsExactly("Member's task " + run);
        assertThat(subjects("manager")).containsExactly("Manager's task " + run);
        assertThat(subjects("auditor")).isEmpty();

        HttpResponse<String> foreign = call("member", "POST", "/api/me/notifications/" + managersId + "/read");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("No notification");
        assertThat(jdbc.queryForObject("select read_at from app_notification where id = ?", java.sql.Timestamp.class, managersId))
                .as("still unread").isNull();

        int before = json.readTree(call("manager", "GET", "/api/me/notifications/unread-count").body()).get("unread").asInt();
        assertThat(call("manager", "POST", "/api/me/notifications/" + managersId + "/read").statusCode()).isEqualTo(204);
        int after = json.readTree(call("manager", "GET", "/api/me/notifications/unread-count").body()).get("unread").asInt();
        assertThat(after).isEqualTo(before - 1);
        assertThat(call("anonymous-nobody", "GET", "/api/me/notifications").statusCode()).isEqualTo(401);
    }

    @Test
    void limits_outside_1_to_100_are_refused_with_a_problem_body() throws Exception {
        for (String limit : new String[] {"0", "101", "-5"}) {
            HttpResponse<String> r = call("member", "GET", "/api/me/notifications?limit=" + limit);
            assertThat(r.statusCode()).as(limit).isEqualTo(400);
            assertThat(r.body()).contains("limit").contains("1 to 100");
        }
        assertThat(call("member", "GET", "/api/me/notifications?limit=abc").statusCode()).isEqualTo(400);
        assertThat(call("member", "POST", "/api/me/notifications/not-a-number/read").statusCode()).isEqualTo(400);
    }

    @Test
    void a_queued_escalation_mail_writes_one_overdue_notification_that_links_inside_the_app() {
        OutgoingMail mail = new OutgoingMail("TASK:77:2026-01-01:ESCALATION-1:member:" + run, "ESCALATION", "member",
                "member@test.example", "Overdue: access review " + run, "t", "<p>h</p>", null,
                "https://evil.example/inbox/task/77?x=1");
        assertThat(outbox.enqueue(mail)).isTrue();
        assertThat(outbox.enqueue(mail)).as("the same key again").isFalse();
        List<java.util.Map<String, Object>> rows = jdbc.queryForList(
                "select username, kind, link from app_notification where subject = ?", "Overdue: access review " + run);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("USERNAME", "member").containsEntry("KIND", "OVERDUE")
                .containsEntry("LINK", "/inbox/task/77?x=1");

        outbox.enqueue(new OutgoingMail("TASK:77:2026-01-01:ESCALATION-2:manager:" + run, "ESCALATION", "manager",
                "manager@test.example", "Escalated: access review " + run, "t", "<p>h</p>", null, "javascript:alert(1)"));
        assertThat(jdbc.queryForMap("select kind, link from app_notification where subject = ?", "Escalated: access review " + run))
                .containsEntry("KIND", "ESCALATED").containsEntry("LINK", null);
    }

    @Test
    void a_task_given_to_someone_else_notifies_them_and_claiming_it_oneself_does_not() {
        TestTasks.deploy(repository);
        TestTasks.start(runtime, null, "Assign me " + run, null, null, "grc");
        Task task = tasks.createTaskQuery().taskName("Assign me " + run).singleResult();

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("manager", null, List.of()));
        tasks.setAssignee(task.getId(), "member");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("member", null, List.of()));
        tasks.setAssignee(task.getId(), null);
        tasks.setAssignee(task.getId(), "member");

        List<java.util.Map<String, Object>> rows = jdbc.queryForList(
                "select username, kind, link from app_notification where subject = ?", "Assign me " + run);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("USERNAME", "member").containsEntry("KIND", "ASSIGNED")
                .containsEntry("LINK", "/inbox/task/" + task.getId());
        // kept as a key and the task's name, worded by the inbox when read (decision 0181)
        assertThat(jdbc.queryForMap("select message_key, message_args from app_notification where subject = ?", "Assign me " + run))
                .containsEntry("MESSAGE_KEY", "notification.task")
                .hasEntrySatisfying("MESSAGE_ARGS", args -> assertThat((String) args).contains("task.name").contains("Assign me " + run));
        Notification mine = notifications.mine(false, 100).stream().filter(n -> n.subject().equals("Assign me " + run))
                .findFirst().orElseThrow();
        assertThat(mine.words()).isNotNull();
        assertThat(mine.subject(java.util.Locale.GERMAN)).isEqualTo("Assign me " + run);
    }
}
