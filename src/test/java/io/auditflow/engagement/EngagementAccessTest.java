package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.evidence.EvidenceSamples;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Who sees an engagement, its requests and its evidence: every role, invited or not, before and after expiry. */
@IntegrationTest
class EngagementAccessTest {

    @Autowired EngagementFixture fx;
    @Autowired TestClock clock;

    long engagement;
    long request;
    long evidence;

    @BeforeEach
    void engagementWithOneAnsweredRequest() {
        fx.auditors();
        engagement = fx.engagement(fx.program("Access"));
        fx.invite(engagement, "auditor");
        fx.importCsv("manager", engagement, fx.bytes(EngagementFixture.CSV));
        request = fx.request("manager", engagement, "PBC-01").get("id").asLong();
        evidence = fx.answer(engagement, "PBC-01", "Attached", "hires.csv", EvidenceSamples.csv(), LocalDate.parse("2025-12-01"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private int status(String user, String path) {
        return fx.as(user).exchange(path, HttpMethod.GET, null, String.class).getStatusCode().value();
    }

    @ParameterizedTest(name = "{0} reads the engagement, its requests and its evidence: {1}")
    @CsvSource({
            "admin,     200",
            "manager,   200",
            "member,    200",
            "auditor,   200",
            "auditor2,  404",
            "executive, 403",
    })
    void only_managers_the_team_and_invited_auditors_see_the_engagement(String user, int expected) {
        assertThat(status(user, "/api/engagements/" + engagement)).isEqualTo(expected);
        assertThat(status(user, "/api/engagements/" + engagement + "/requests")).isEqualTo(expected);
        assertThat(status(user, "/api/engagements/requests/" + request)).isEqualTo(expected);
        assertThat(status(user, "/api/engagements/requests/" + request + "/evidence")).isEqualTo(expected);
        assertThat(status(user, "/api/engagements/requests/" + request + "/comments")).isEqualTo(expected);
        assertThat(status(user, "/api/evidence/" + evidence + "/content")).isEqualTo(expected);
        assertThat(status(user, "/api/engagements/" + engagement + "/control-activities")).isEqualTo(expected);
    }

    @Test
    void an_auditor_lists_only_their_own_engagements() {
        JsonNode mine = fx.as("auditor2").getForObject("/api/engagements", JsonNode.class);
        assertThat(mine.findValuesAsText("id")).doesNotContain(String.valueOf(engagement));
        fx.invite(engagement, "auditor2");
        assertThat(fx.as("auditor2").getForObject("/api/engagements", JsonNode.class).findValuesAsText("id"))
                .contains(String.valueOf(engagement));
    }

    @Test
    void an_auditor_may_not_open_evidence_of_the_program_that_no_request_of_theirs_links() {
        long other = fx.answer(engagement, "PBC-02", "Attached", "other.csv", EvidenceSamples.csv(), LocalDate.parse("2025-12-02"));
        assertThat(status("auditor", "/api/evidence/" + other + "/content")).isEqualTo(200);
        long unrelated = fx.engagement(fx.program("Unrelated"));
        fx.importCsv("manager", unrelated, fx.bytes(EngagementFixture.CSV));
        long foreign = fx.answer(unrelated, "PBC-01", "Attached", "foreign.csv", EvidenceSamples.csv(), LocalDate.parse("2025-12-02"));
        assertThat(status("auditor", "/api/evidence/" + foreign + "/content")).isEqualTo(404);
        assertThat(status("auditor", "/api/engagements/" + unrelated)).isEqualTo(404);
    }

    @Test
    void a_revoked_auditor_gets_404_everywhere_and_a_new_invitation_opens_it_again() {
        assertThat(fx.as("manager").exchange("/api/engagements/" + engagement + "/auditors/auditor", HttpMethod.DELETE, null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status("auditor", "/api/engagements/" + engagement)).isEqualTo(404);
        assertThat(status("auditor", "/api/engagements/requests/" + request)).isEqualTo(404);
        assertThat(status("auditor", "/api/evidence/" + evidence + "/content")).isEqualTo(404);
        assertThat(status("auditor", "/api/engagements/" + engagement + "/control-activities")).isEqualTo(404);
        assertThat(fx.decide("auditor", request, true, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        fx.invite(engagement, "auditor");
        assertThat(status("auditor", "/api/engagements/" + engagement)).isEqualTo(200);
    }

    @Test
    void access_ends_thirty_days_after_the_report_by_the_clock() {
        fx.as("manager").put("/api/engagements/" + engagement + "/report", Map.of("reportRecordedOn", "2026-01-05"));
        JsonNode auditors = fx.as("manager").getForObject("/api/engagements/" + engagement + "/auditors", JsonNode.class);
        assertThat(auditors.get(0).get("accessEndsOn").asText()).isEqualTo("2026-02-04");
        clock.setDate(LocalDate.parse("2026-02-04"));
        assertThat(status("auditor", "/api/engagements/" + engagement)).isEqualTo(200);
        clock.setDate(LocalDate.parse("2026-02-05"));
        assertThat(status("auditor", "/api/engagements/" + engagement)).isEqualTo(404);
        assertThat(status("auditor", "/api/engagements/requests/" + request + "/evidence")).isEqualTo(404);
        assertThat(status("auditor", "/api/evidence/" + evidence + "/content")).isEqualTo(404);
        assertThat(status("auditor", "/api/engagements/" + engagement + "/binder")).isEqualTo(404);
        assertThat(status("auditor", "/api/engagements/" + engagement + "/control-activities")).isEqualTo(404);
        assertThat(status("manager", "/api/engagements/" + engagement)).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} creates engagements and invites auditors: {1}")
    @CsvSource({"admin, true", "manager, true", "member, false", "executive, false", "auditor, false"})
    void only_managers_create_engagements_and_invite(String user, boolean allowed) {
        int create = fx.as(user).postForEntity("/api/engagements", Map.of("programId", 1, "milestoneType", "OBSERVATION_END",
                "periodStart", "2025-01-01", "periodEnd", "2025-12-31"), JsonNode.class).getStatusCode().value();
        int invite = fx.as(user).postForEntity("/api/engagements/" + engagement + "/auditors", Map.of("username", "auditor3"),
                JsonNode.class).getStatusCode().value();
        assertThat(create == 201 || create == 400).as("create " + create).isEqualTo(allowed);
        assertThat(invite).isEqualTo(allowed ? 201 : 403);
    }

    @Test
    void a_member_cannot_accept_and_only_the_auditor_decides() {
        assertThat(fx.decide("member", request, true, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(fx.decide("manager", request, true, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(fx.decide("auditor", request, false, "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_engagement_api_is_documented_with_its_error_answers() {
        JsonNode docs = new org.springframework.boot.test.web.client.TestRestTemplate()
                .getForObject(fx.as("manager").getRootUri() + "/v3/api-docs", JsonNode.class);
        JsonNode paths = docs.get("paths");
        assertThat(paths.has("/api/engagements/{id}/binder")).isTrue();
        assertThat(paths.get("/api/engagements/{id}/control-activities").get("get").get("summary").asText())
                .isEqualTo("Expected versus done for the audited period");
        assertThat(paths.get("/api/engagements/{id}/requests/import").get("post").get("requestBody").get("content")
                .has("text/csv")).isTrue();
        assertThat(paths.get("/api/engagements/requests/{requestId}/accept").get("post").get("responses").has("409")).isTrue();
        assertThat(paths.get("/api/engagements/{id}").get("get").get("summary").asText()).isEqualTo("One engagement");
    }

    @Test
    void an_anonymous_caller_gets_401_and_no_engagement() {
        assertThat(status("nobody", "/api/engagements/" + engagement)).isEqualTo(401);
    }
}
