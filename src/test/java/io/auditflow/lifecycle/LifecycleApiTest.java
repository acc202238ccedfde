package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The lifecycle API: starting with good and bad input, and the calendar it returns. */
@IntegrationTest
class LifecycleApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProgramService programs;
    @Autowired RuntimeService runtime;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    private Long program(Framework framework, EnumSet<TrustCategory> criteria) {
        return SystemAuthentication.call(() -> programs.create(new ProgramRequest("Api " + UUID.randomUUID(), framework,
                criteria, null, framework == Framework.ISO27001 ? "2022" : null, "manager", "grc"))).id();
    }

    @Test
    void starting_an_iso_lifecycle_returns_its_calendar_and_the_milestones_endpoint_lists_it_in_date_order() {
        Long id = program(Framework.ISO27001, EnumSet.noneOf(TrustCategory.class));
        ResponseEntity<JsonNode> started = as("manager").postForEntity("/api/programs/" + id + "/lifecycle",
                Map.of("isoStart", "EXISTING", "decisionDate", "2025-06-15"), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("processDefinitionKey").asText()).isEqualTo("iso27001CertificationProcess");

        ResponseEntity<JsonNode> response = as("executive").getForEntity("/api/programs/" + id + "/milestones", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> types = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (JsonNode m : response.getBody()) {
            assertThat(m.has("type") && m.has("plannedDate") && m.has("actualDate") && m.has("status") && m.has("cycle")).isTrue();
            types.add(m.get("type").asText());
            JsonNode day = m.get("actualDate").isNull() ? m.get("plannedDate") : m.get("actualDate");
            dates.add(LocalDate.parse(day.asText()));
        }
        assertThat(types).containsSubsequence("CERTIFICATION_DECISION", "SURVEILLANCE_AUDIT_1", "SURVEILLANCE_AUDIT_2",
                "RECERTIFICATION_AUDIT", "CERTIFICATE_EXPIRY");
        assertThat(dates).isSorted();
        JsonNode decision = response.getBody().get(0);
        assertThat(decision.get("type").asText()).isEqualTo("CERTIFICATION_DECISION");
        assertThat(decision.get("plannedDate").asText()).isEqualTo("2025-06-15");
        assertThat(decision.get("cycle").asInt()).isEqualTo(1);
        // An onboarded certificate's decision has happened: done on its day.
        assertThat(decision.get("status").asText()).isEqualTo("DONE");
        assertThat(decision.get("actualDate").asText()).isEqualTo("2025-06-15");

        ResponseEntity<JsonNode> again = as("manager").postForEntity("/api/programs/" + id + "/lifecycle",
                Map.of("isoStart", "EXISTING", "decisionDate", "2025-06-15"), JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void bad_input_is_refused_with_400_naming_the_field_and_the_rule_and_nothing_starts() {
        Long type2 = program(Framework.SOC2_TYPE2, EnumSet.of(TrustCategory.SECURITY));
        Long iso = program(Framework.ISO27001, EnumSet.noneOf(TrustCategory.class));
        assertRefused(type2, Map.of("windowStart", "2026-02-01", "windowMonths", 13), "windowMonths", "3 to 12 months");
        assertRefused(type2, Map.of("windowStart", "2026-02-01", "windowMonths", 2), "windowMonths", "3 to 12 months");
        assertRefused(type2, Map.of("windowStart", "2026-02-01", "windowEnd", "2026-01-15"), "windowEnd", "end after it starts");
        assertRefused(type2, Map.of("windowStart", "2026-02-01", "criteria", List.of("AVAILABILITY")), "criteria", "SECURITY");
        assertRefused(type2, Map.of("windowStart", "2026-02-01", "fieldworkStart", "2027-03-01",
                "fieldworkEnd", "2027-02-01"), "fieldworkEnd", "end after it starts");
        assertRefused(iso, Map.of("isoStart", "INITIAL", "stage1Date", "2026-03-01", "stage2Date", "2026-02-01"),
                "stage2Date", "Stage 2 comes after Stage 1");
        assertRefused(iso, Map.of("isoStart", "EXISTING", "decisionDate", "2025-06-15", "surveillance1Date", "2028-07-01"),
                "surveillance1Date", "before the certificate expires on 2028-06-14");
        assertRefused(iso, Map.of("isoStart", "INITIAL"), "stage1Date", "Stage 1");

        for (Long id : List.of(type2, iso)) {
            assertThat(as("manager").getForEntity("/api/programs/" + id + "/milestones", JsonNode.class).getBody()).isEmpty();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("program-" + id).count()).isZero();
        }
    }

    @Test
    void only_managers_start_a_lifecycle_and_unknown_programs_are_404() {
        Long id = program(Framework.SOC2_TYPE1, EnumSet.of(TrustCategory.SECURITY));
        assertThat(as("member").postForEntity("/api/programs/" + id + "/lifecycle", Map.of("asOfDate", "2026-06-30"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("manager").getForEntity("/api/programs/999999/milestones", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_surveillance_audit_cannot_be_moved_past_the_certificate_expiry() {
        Long id = program(Framework.ISO27001, EnumSet.noneOf(TrustCategory.class));
        as("manager").postForEntity("/api/programs/" + id + "/lifecycle",
                Map.of("isoStart", "EXISTING", "decisionDate", "2025-06-15"), JsonNode.class);
        ResponseEntity<JsonNode> moved = as("manager").postForEntity("/api/programs/" + id
                + "/milestones/SURVEILLANCE_AUDIT_2/1/reschedule", Map.of("plannedDate", "2028-07-01"), JsonNode.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(moved.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("plannedDate");
        assertThat(moved.getBody().get("fieldErrors").get(0).get("message").asText()).contains("2028-06-14");

        ResponseEntity<JsonNode> ok = as("manager").postForEntity("/api/programs/" + id
                + "/milestones/SURVEILLANCE_AUDIT_1/1/reschedule", Map.of("plannedDate", "2026-05-04"), JsonNode.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        boolean found = false;
        assertThat(ok.getBody().get("saved").asBoolean()).isTrue();
        for (JsonNode m : ok.getBody().get("milestones")) {
            if (m.get("type").asText().equals("SURVEILLANCE_AUDIT_2")) {
                assertThat(m.get("plannedDate").asText()).isEqualTo("2027-05-04");
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    private void assertRefused(Long id, Map<String, Object> body, String field, String messagePart) {
        ResponseEntity<JsonNode> response = as("manager").postForEntity("/api/programs/" + id + "/lifecycle", body, JsonNode.class);
        assertThat(response.getStatusCode()).as(body.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = response.getBody().get("fieldErrors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(body.toString()).contains(field);
        errors.forEach(e -> {
            if (e.get("field").asText().equals(field)) {
                assertThat(e.get("message").asText()).contains(messagePart);
            }
        });
    }
}
