package io.auditflow.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.engagement.EngagementFixture;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/** GET /api/search: grouped hits, each role sees only its own things, limits and LIKE wildcards. */
@IntegrationTest
class SearchApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired InboxFixture inbox;
    @Autowired EngagementFixture engagements;
    @Autowired JdbcTemplate jdbc;

    private ResponseEntity<JsonNode> search(String user, String q) {
        URI uri = UriComponentsBuilder.fromPath("/api/search").queryParam("q", q).encode().build().toUri();
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
        return client.getForEntity(uri, JsonNode.class);
    }

    private static List<String> links(JsonNode body, String kind) {
        List<String> out = new ArrayList<>();
        for (JsonNode g : body.get("groups")) {
            if (g.get("kind").asText().equals(kind)) {
                g.get("hits").forEach(h -> out.add(h.get("link").asText()));
            }
        }
        return out;
    }

    private long evidence(Program program, String taskId, String fileName) {
        jdbc.update("insert into evidence (task_id, program_id, cycle, task_name, file_name, content_type, size_bytes, sha256,"
                        + " storage_key, evidence_date, uploaded_by, uploaded_at) values (?, ?, 1, 'Review user access', ?, 'text/plain',"
                        + " 3, ?, ?, ?, 'member', ?)", taskId, program.id(), fileName, "0".repeat(64),
                "k" + System.nanoTime(), LocalDate.of(2026, 1, 2), Timestamp.from(Instant.parse("2026-01-02T10:00:00Z")));
        return jdbc.queryForObject("select max(id) from evidence where file_name = ?", Long.class, fileName);
    }

    @Test
    void every_role_finds_programs_but_tasks_and_evidence_only_of_their_own_scope() {
        String tag = "srch" + System.nanoTime() % 1_000_000;
        Program ours = inbox.program("Quokka " + tag, "grc", Framework.SOC2_TYPE2);
        Program theirs = inbox.program("Quokka " + tag, inbox.team("far"), Framework.ISO27001);
        Task ourTask = inbox.start(ours, LocalDate.of(2001, 1, 1));
        Task theirTask = inbox.start(theirs, LocalDate.of(2001, 1, 1));
        evidence(ours, ourTask.getId(), "quokka-" + tag + "-ours.pdf");
        long theirEvidence = evidence(theirs, theirTask.getId(), "quokka-" + tag + "-theirs.pdf");

        for (String user : List.of("admin", "manager", "member", "executive", "auditor")) {
            ResponseEntity<JsonNode> r = search(user, "quokka " + tag);
            assertThat(r.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(links(r.getBody(), "PROGRAM")).as(user)
                    .containsExactlyInAnyOrder("programs/" + ours.id(), "programs/" + theirs.id());
        }
        assertThat(search(null, "quokka").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        JsonNode manager = search("manager", "quokka-" + tag).getBody();
        assertThat(links(manager, "EVIDENCE")).containsExactlyInAnyOrder("inbox/task/" + ourTask.getId(), "inbox/task/" + theirTask.getId());
        JsonNode member = search("member", "quokka-" + tag).getBody();
        assertThat(links(member, "EVIDENCE")).as("only the evidence of the member's teams").containsExactly("inbox/task/" + ourTask.getId());
        assertThat(links(search("executive", "quokka-" + tag).getBody(), "EVIDENCE")).isEmpty();
        assertThat(links(search("auditor", "quokka-" + tag).getBody(), "EVIDENCE"))
                .as("an auditor never sees other programs' evidence").doesNotContain("api/evidence/" + theirEvidence + "/content")
                .isEmpty();

        List<String> managerTasks = links(search("manager", "review user access").getBody(), "TASK");
        assertThat(managerTasks).contains("inbox/task/" + ourTask.getId(), "inbox/task/" + theirTask.getId());
        List<String> memberTasks = links(search("member", "review user access").getBody(), "TASK");
        assertThat(memberTasks).contains("inbox/task/" + ourTask.getId()).doesNotContain("inbox/task/" + theirTask.getId());
        assertThat(links(search("executive", "review user access").getBody(), "TASK")).isEmpty();
        assertThat(links(search("auditor", "review user access").getBody(), "TASK")).isEmpty();
    }

    @Test
    void an_auditor_finds_the_requests_and_evidence_of_their_engagement_and_a_member_their_teams_requests() {
        String tag = "wombat" + System.nanoTime() % 1_000_000;
        Program program = engagements.program("Wombat SOC 2 " + tag);
        long engagement = engagements.engagement(program);
        engagements.invite(engagement, "auditor");
        String csv = "reference;request;criteria;due date;owner hint\r\n"
                + "W-1;" + tag + " firewall rule review;CC6.6;2026-02-15;grc\r\n";
        assertThat(engagements.importCsv("manager", engagement, EngagementFixture.bytes(csv)).getStatusCode()).isEqualTo(HttpStatus.OK);
        long evidenceId = engagements.answer(engagement, "W-1", "Reviewed", tag + "-rules.txt",
                EngagementFixture.bytes("firewall rules reviewed"), LocalDate.of(2025, 9, 1));
        long requestId = engagements.request("manager", engagement, "W-1").get("id").asLong();

        JsonNode auditor = search("auditor", tag).getBody();
        assertThat(links(auditor, "REQUEST")).containsExactly("engagements/requests/" + requestId);
        assertThat(links(auditor, "EVIDENCE")).containsExactly("api/evidence/" + evidenceId + "/content");
        assertThat(links(search("member", tag).getBody(), "REQUEST")).containsExactly("engagements/requests/" + requestId);
        assertThat(links(search("executive", tag).getBody(), "REQUEST")).isEmpty();
    }

    @Test
    void wildcards_in_the_query_match_themselves_and_long_or_short_queries_are_refused_or_empty() {
        String tag = "pct" + System.nanoTime() % 1_000_000;
        Program literal = inbox.program("Numbat 100% " + tag, "grc", Framework.SOC2_TYPE2);
        inbox.program("Numbat 1000 " + tag, "grc", Framework.SOC2_TYPE2);
        inbox.program("Numbat 10_0 " + tag, "grc", Framework.SOC2_TYPE2);
        Task task = inbox.start(literal, LocalDate.of(2001, 1, 1));
        evidence(literal, task.getId(), "a%b_" + tag + ".txt");
        evidence(literal, task.getId(), "axbx" + tag + ".txt");

        assertThat(links(search("manager", "100% " + tag).getBody(), "PROGRAM")).containsExactly("programs/" + literal.id());
        JsonNode files = search("manager", "a%b_" + tag).getBody();
        assertThat(files.get("groups").get(0).get("hits")).hasSize(1);
        assertThat(files.get("groups").get(0).get("hits").get(0).get("title").asText()).isEqualTo("a%b_" + tag + ".txt");

        ResponseEntity<JsonNode> tooLong = search("manager", "x".repeat(101));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().toString()).contains("at most 100 characters").doesNotContain("Exception");
        assertThat(search("manager", "x".repeat(100)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(search("manager", "n").getBody().get("groups")).isEmpty();
        assertThat(search("manager", "").getBody().get("groups")).isEmpty();
    }

    @Test
    void at_most_ten_hits_of_a_kind_come_back() {
        String tag = "many" + System.nanoTime() % 1_000_000;
        for (int i = 0; i < 12; i++) {
            inbox.program("Bilby " + i + " " + tag, "grc", Framework.SOC2_TYPE2);
        }
        JsonNode body = search("manager", tag).getBody();
        assertThat(body.get("limit").asInt()).isEqualTo(10);
        assertThat(links(body, "PROGRAM")).hasSize(10);
    }
}
