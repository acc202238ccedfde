package io.auditflow.engagement;

import static io.auditflow.inbox.InboxFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.lifecycle.LifecycleRequest;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

/**
 * The lifecycle offers to create the engagement when the auditor is engaged: completing the SOC 2
 * scoping task (engagement letter signed) notifies the managers once, and the task page offers the
 * creation until the engagement exists.
 */
@IntegrationTest
class EngagementOfferTest {

    @Autowired EngagementFixture fx;
    @Autowired InboxFixture inbox;
    @Autowired LifecycleService lifecycle;
    @Autowired EngagementOffers offers;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signing_the_engagement_letter_offers_the_managers_once_to_create_the_engagement_of_the_report() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Program program = inbox.program("Offer", "grc", Framework.SOC2_TYPE1);
        Task scoping = inbox.startLifecycle(program, lifecycle, LifecycleRequest.typeOne(LocalDate.of(2026, 3, 31)));
        assertThat(scoping.getTaskDefinitionKey()).isEqualTo("Task_Scoping");
        String link = "/engagements?program=" + program.id() + "&audit=AS_OF_DATE&cycle=1";

        // While the task is open, its page offers the creation to managers (and only to them).
        assertThat(as("manager", Role.COMPLIANCE_MANAGER, () -> offers.forTask(scoping.getId(), program.id(), 1, true)))
                .hasValueSatisfying(o -> {
                    assertThat(o.type()).isEqualTo(MilestoneType.AS_OF_DATE);
                    assertThat(o.link()).isEqualTo(link);
                });
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> offers.forTask(scoping.getId(), program.id(), 1, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(offersFor("manager", program)).isEmpty();

        // The member signs the engagement letter: the managers get the offer, the member does not.
        ResponseEntity<JsonNode> claimed = fx.as("member").postForEntity("/api/tasks/" + scoping.getId() + "/claim", null, JsonNode.class);
        assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> done = fx.as("member").postForEntity("/api/tasks/" + scoping.getId() + "/complete",
                Map.of("engagementLetterSignedOn", "2026-01-05"), JsonNode.class);
        assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.OK);

        List<JsonNode> news = offersFor("manager", program);
        assertThat(news).hasSize(1);
        assertThat(news.get(0).get("kind").asText()).isEqualTo("ENGAGEMENT_OFFER");
        assertThat(news.get(0).get("subject").asText())
                .isEqualTo("Auditor engaged for " + program.name() + " Type I as-of date (cycle 1): create the engagement");
        assertThat(news.get(0).get("link").asText()).isEqualTo(link);
        assertThat(offersFor("admin", program)).singleElement().satisfies(n -> assertThat(n.get("link").asText()).isEqualTo(link));
        assertThat(offersFor("member", program)).isEmpty();

        // No duplicate: the same audit is offered once, however often a task offers it.
        assertThat(offers.taskCompleted(program.id(), 1, EngagementOffers.SOC2_REPORT, "another-task", "Again")).isFalse();
        assertThat(offersFor("manager", program)).hasSize(1);

        // The closed task's page still offers it until the engagement exists.
        assertThat(as("manager", Role.COMPLIANCE_MANAGER, () -> offers.forTask(scoping.getId(), program.id(), 1, false)))
                .hasValueSatisfying(o -> assertThat(o.link()).isEqualTo(link));
        ResponseEntity<JsonNode> created = fx.as("manager").postForEntity("/api/engagements", Map.of(
                "programId", program.id(), "milestoneType", "AS_OF_DATE", "cycle", 1), JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("periodStart").asText()).isEqualTo("2026-03-31");
        assertThat(as("manager", Role.COMPLIANCE_MANAGER, () -> offers.forTask(scoping.getId(), program.id(), 1, false))).isEmpty();
    }

    @Test
    void an_engagement_that_exists_already_is_not_offered_again() {
        Program program = fx.program("Offer exists");
        long id = fx.engagement(program);
        assertThat(id).isPositive();
        assertThat(offers.taskCompleted(program.id(), 1, "OBSERVATION_END", "task-x", "Engage the auditor for next year")).isFalse();
        assertThat(offersFor("manager", program)).isEmpty();
        // Another cycle of the same program has no engagement yet: offered.
        assertThat(offers.taskCompleted(program.id(), 2, "OBSERVATION_END", "task-y", "Engage the auditor for next year")).isTrue();
        assertThat(offersFor("manager", program)).singleElement().extracting(n -> n.get("subject").asText())
                .isEqualTo("Auditor engaged for " + program.name() + " SOC 2 Type II observation window (cycle 2): create the engagement");
    }

    @Test
    void an_offer_names_an_audit_of_the_programs_framework() {
        assertThat(EngagementOffers.audit(Framework.SOC2_TYPE1, "SOC2_REPORT")).contains(MilestoneType.AS_OF_DATE);
        assertThat(EngagementOffers.audit(Framework.SOC2_TYPE2, "SOC2_REPORT")).contains(MilestoneType.OBSERVATION_END);
        assertThat(EngagementOffers.audit(Framework.ISO27001, "SOC2_REPORT")).isEmpty();
        assertThat(EngagementOffers.audit(Framework.ISO27001, "STAGE2_AUDIT")).contains(MilestoneType.STAGE2_AUDIT);
        assertThat(EngagementOffers.audit(Framework.SOC2_TYPE2, "STAGE2_AUDIT")).isEmpty();
        assertThat(EngagementOffers.audit(Framework.ISO27001, "CERTIFICATE_EXPIRY")).isEmpty();
        assertThat(EngagementOffers.audit(Framework.ISO27001, "<script>")).isEmpty();
    }

    /** The user's engagement offers for this program (newest first). */
    private List<JsonNode> offersFor(String user, Program program) {
        JsonNode body = fx.as(user).getForObject("/api/me/notifications?limit=100", JsonNode.class);
        List<JsonNode> out = new ArrayList<>();
        body.forEach(n -> {
            if (n.get("kind").asText().equals("ENGAGEMENT_OFFER")
                    && n.get("link").asText().startsWith("/engagements?program=" + program.id() + "&")) {
                out.add(n);
            }
        });
        return out;
    }
}
