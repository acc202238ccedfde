package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.lifecycle.ControlActivityService;
import io.auditflow.program.Program;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Samples over the API: default size by frequency, a recorded seed that draws the same sample again, one request each. */
@IntegrationTest
class SampleApiTest {

    @Autowired EngagementFixture fx;
    @Autowired ControlActivityService activities;

    private long engagementOverTheYear(Program program) {
        ResponseEntity<JsonNode> created = fx.as("manager").postForEntity("/api/engagements", Map.of(
                "programId", program.id(), "milestoneType", "OBSERVATION_END", "cycle", 1,
                "periodStart", "2025-01-01", "periodEnd", "2025-12-31"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asLong();
    }

    @Test
    void a_quarterly_activity_is_sampled_twice_by_default_and_the_seed_reproduces_the_draw() {
        Program program = fx.program("Samples");
        SystemAuthentication.run(() -> activities.planWindow(program.id(), 1, LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-12-31")));
        long first = engagementOverTheYear(program);
        long second = engagementOverTheYear(program);
        fx.invite(first, "auditor");

        JsonNode populations = fx.as("auditor").getForObject("/api/engagements/" + first + "/samples/populations", JsonNode.class);
        JsonNode uar = null;
        for (JsonNode p : populations) {
            if (p.get("activityCode").asText().equals("USER_ACCESS_REVIEW")) {
                uar = p;
            }
        }
        assertThat(uar.get("population").asInt()).isEqualTo(4);
        assertThat(uar.get("frequency").asText()).isEqualTo("QUARTERLY");
        assertThat(uar.get("defaultSize").asInt()).isEqualTo(2);

        ResponseEntity<JsonNode> drawn = fx.as("auditor").postForEntity("/api/engagements/" + first + "/samples",
                Map.of("activityCode", "USER_ACCESS_REVIEW", "seed", 20260105L), JsonNode.class);
        assertThat(drawn.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode sample = drawn.getBody();
        assertThat(sample.get("size").asInt()).isEqualTo(2);
        assertThat(sample.get("seed").asLong()).isEqualTo(20260105L);
        JsonNode again = fx.as("manager").postForEntity("/api/engagements/" + second + "/samples",
                Map.of("activityCode", "USER_ACCESS_REVIEW", "seed", 20260105L), JsonNode.class).getBody();
        assertThat(again.get("occurrenceIds")).isEqualTo(sample.get("occurrenceIds"));

        long sampleId = sample.get("id").asLong();
        JsonNode requests = fx.requests("auditor", first);
        assertThat(requests.findValuesAsText("reference")).containsExactly("S" + sampleId + "-1", "S" + sampleId + "-2");
        assertThat(requests.get(0).get("text").asText()).startsWith("Sample of User access review");
        assertThat(requests.get(0).get("criteria").asText()).isEqualTo("CC6.1, CC6.2, CC6.3");

        // No seed given: a random one is chosen and recorded.
        JsonNode random = fx.as("auditor").postForEntity("/api/engagements/" + first + "/samples",
                Map.of("activityCode", "PENETRATION_TEST"), JsonNode.class).getBody();
        assertThat(random.get("size").asInt()).isEqualTo(1);
        assertThat(fx.as("auditor").getForObject("/api/engagements/" + first + "/samples", JsonNode.class)
                .findValuesAsText("seed")).contains(String.valueOf(random.get("seed").asLong()));
    }

    @Test
    void an_unknown_activity_or_a_silly_size_is_refused_with_the_field() {
        long id = engagementOverTheYear(fx.program("Bad samples"));
        ResponseEntity<JsonNode> unknown = fx.as("manager").postForEntity("/api/engagements/" + id + "/samples",
                Map.of("activityCode", "NOPE"), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("activityCode");
        ResponseEntity<JsonNode> size = fx.as("manager").postForEntity("/api/engagements/" + id + "/samples",
                Map.of("activityCode", "USER_ACCESS_REVIEW", "size", 0), JsonNode.class);
        assertThat(size.getBody().get("fieldErrors").toString()).contains("Use a sample size from 1 to 500");
        assertThat(fx.as("member").postForEntity("/api/engagements/" + id + "/samples",
                Map.of("activityCode", "USER_ACCESS_REVIEW"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Autowired SampleService samples;

    @Test
    void a_sample_refusal_names_the_library_control_in_the_readers_language() {
        // no window planned: the engagement's period holds no occurrence of any activity
        long id = engagementOverTheYear(fx.program("Empty samples"));
        io.auditflow.common.ValidationException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.auditflow.common.ValidationException.class, () -> io.auditflow.inbox.InboxFixture.as("manager",
                        io.auditflow.security.Role.COMPLIANCE_MANAGER, () -> samples.draw(id, "USER_ACCESS_REVIEW", null, 1L)));
        io.auditflow.common.FieldError error = refused.errorFor("activityCode");
        assertThat(error.message()).as("the API keeps English")
                .isEqualTo("User access review has no occurrences in the period 2025-01-01 to 2025-12-31");
        assertThat(error.phrase().in(java.util.Locale.GERMAN))
                .isEqualTo("Überprüfung der Benutzerzugriffe hat im Zeitraum vom 01.01.2025 bis 31.12.2025 keine Durchführungen");
    }
}
