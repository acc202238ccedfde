package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A joint engagement's SOC 2 and ISO requests merge through the crosswalk: preview first, then one all-or-nothing import. */
@IntegrationTest
class JointRequestListTest {

    /** SOC 2 requests (CC6.1, CC6.2, CC7.2) and ISO requests (A.5.15, A.8.2, A.8.16), as an auditor would send them. */
    static final String CSV = "reference;request;criteria;due date;owner hint\r\n"
            + "SOC-1;Logical access policy and system list;CC6.1;2026-10-01;grc\r\n"
            + "SOC-2;New user registrations with approvals;CC6.2;2026-10-01;grc\r\n"
            + "SOC-3;Security monitoring alerts and their triage;CC7.2;2026-10-09;grc\r\n"
            + "ISO-1;Access control policy;A.5.15;2026-10-05;grc\r\n"
            + "ISO-2;Privileged access rights review;A.8.2;2026-10-05;grc\r\n"
            + "ISO-3;Monitoring activities records;A.8.16;2026-10-05;grc\r\n";

    @Autowired EngagementFixture fx;
    @Autowired InboxFixture inbox;
    @Autowired JdbcTemplate jdbc;

    private long jointEngagement(String name) {
        Program soc2 = fx.program(name + " SOC 2");
        Program iso = inbox.program(name + " ISO", "grc", Framework.ISO27001);
        jdbc.update("insert into joint_plan_proposal (soc2_program_id, iso_program_id, iso_milestone, iso_cycle, iso_audit_date,"
                        + " soc2_cycle, current_fieldwork, proposed_fieldwork, status, decided_by, decided_at, created_at)"
                        + " values (?, ?, 'SURVEILLANCE_AUDIT_1', 1, ?, 1, ?, ?, 'ACCEPTED', 'manager', ?, ?)",
                soc2.id(), iso.id(), LocalDate.of(2026, 10, 7), LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 5),
                Timestamp.from(Instant.parse("2026-01-05T09:00:00Z")), Timestamp.from(Instant.parse("2026-01-05T08:00:00Z")));
        return fx.engagement(soc2);
    }

    private ResponseEntity<JsonNode> post(String user, long engagement, String path, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        var client = fx.as(user == null ? "nobody" : user);
        return client.postForEntity("/api/engagements/" + engagement + "/requests/joint-import" + path,
                new HttpEntity<>(EngagementFixture.bytes(csv), headers), JsonNode.class);
    }

    private List<String> references(long engagement) {
        List<String> refs = new ArrayList<>();
        fx.requests("manager", engagement).forEach(r -> refs.add(r.get("reference").asText()));
        return refs;
    }

    @Test
    void the_preview_shows_the_crosswalk_merge_and_the_import_stores_one_request_for_both_frameworks() {
        long id = jointEngagement("Joint PBC " + System.nanoTime());

        ResponseEntity<JsonNode> preview = post("manager", id, "/preview", CSV);
        assertThat(preview.getStatusCode()).as(String.valueOf(preview.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(preview.getBody().get("summary").asText()).isEqualTo("6 requests, 2 merged into 1");
        assertThat(preview.getBody().get("requests").asInt()).isEqualTo(5);
        JsonNode merge = preview.getBody().get("merges").get(0);
        assertThat(merge.get("reference").asText()).isEqualTo("SOC-3+ISO-3");
        assertThat(merge.get("criteria").asText()).isEqualTo("CC7.2, A.8.16");
        assertThat(merge.get("reason").asText()).isEqualTo("CC7.2 is equivalent to A.8.16");
        assertThat(references(id)).as("a preview stores nothing").isEmpty();

        ResponseEntity<JsonNode> imported = post("manager", id, "", CSV);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("result").get("created").asInt()).isEqualTo(5);
        assertThat(references(id)).containsExactlyInAnyOrder("SOC-1", "SOC-2", "SOC-3+ISO-3", "ISO-1", "ISO-2");
        JsonNode one = fx.request("manager", id, "SOC-3+ISO-3");
        assertThat(one.get("criteria").asText()).isEqualTo("CC7.2, A.8.16");
        assertThat(one.get("dueDate").asText()).isEqualTo("2026-10-05");

        JsonNode byFramework = fx.as("manager").getForObject("/api/engagements/" + id + "/requests/by-framework", JsonNode.class);
        assertThat(byFramework.toString()).isEqualTo("[{\"framework\":\"SOC2\",\"total\":3,\"accepted\":0,\"shared\":1},"
                + "{\"framework\":\"ISO27001\",\"total\":3,\"accepted\":0,\"shared\":1}]");
        assertThat(fx.as("executive").getForEntity("/api/engagements/" + id + "/requests/by-framework", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> again = post("manager", id, "", CSV);
        assertThat(again.getBody().get("result").get("created").asInt()).as("a re-import never duplicates").isZero();
        assertThat(references(id)).hasSize(5);
    }

    @Test
    void a_bad_row_stores_nothing_and_an_engagement_that_is_not_joint_is_refused() {
        long id = jointEngagement("Joint bad " + System.nanoTime());
        ResponseEntity<JsonNode> bad = post("manager", id, "", CSV + "ISO-4;;A.8.15;2026-10-05;grc\r\n");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).doesNotContain("Exception");
        assertThat(references(id)).isEmpty();

        long single = fx.engagement(fx.program("Single " + System.nanoTime()));
        ResponseEntity<JsonNode> refused = post("manager", single, "/preview", CSV);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().toString()).contains("is not a joint audit");
    }

    @Test
    void managers_and_the_invited_auditor_may_preview_and_import_members_and_executives_may_not() {
        long id = jointEngagement("Joint roles " + System.nanoTime());
        Map<String, HttpStatus> expected = Map.of("admin", HttpStatus.OK, "manager", HttpStatus.OK,
                "member", HttpStatus.FORBIDDEN, "executive", HttpStatus.FORBIDDEN, "auditor", HttpStatus.NOT_FOUND);
        expected.forEach((user, status) -> {
            assertThat(post(user, id, "/preview", CSV).getStatusCode()).as(user + " preview").isEqualTo(status);
            if (status != HttpStatus.OK) {
                assertThat(post(user, id, "", CSV).getStatusCode()).as(user + " import").isEqualTo(status);
            }
        });
        assertThat(post(null, id, "/preview", CSV).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        fx.invite(id, "auditor");
        assertThat(post("auditor", id, "/preview", CSV).getStatusCode()).as("invited auditor").isEqualTo(HttpStatus.OK);
        assertThat(post("auditor", id, "", CSV).getStatusCode()).as("invited auditor imports").isEqualTo(HttpStatus.OK);
        assertThat(references(id)).hasSize(5);
    }
}
