package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.mail.MailOutbox;
import io.auditflow.reminder.ReminderScanner;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** The request process on the moving clock: every transition, the revision loop, reminders, and two auditors at once. */
@IntegrationTest
class RequestProcessTest {

    @Autowired EngagementFixture fx;
    @Autowired TestClock clock;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ReminderScanner reminders;
    @Autowired MailOutbox outbox;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<String> passed(long requestId) {
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("engagement-request:" + requestId)
                .singleResult() == null
                ? history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("engagement-request:" + requestId)
                .singleResult().getId()
                : runtime.createProcessInstanceQuery().processInstanceBusinessKey("engagement-request:" + requestId)
                .singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(pi).orderPartiallyByOccurrence().asc().list()
                .stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    private List<String> waitingAt(long requestId) {
        var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("engagement-request:" + requestId).singleResult();
        return pi == null ? List.of() : runtime.getActiveActivityIds(pi.getId());
    }

    @Test
    void the_revision_loop_runs_through_every_element_and_ends_after_acceptance() {
        long id = fx.engagement(fx.program("Process"));
        fx.invite(id, "auditor");
        fx.importCsv("manager", id, fx.bytes(EngagementFixture.CSV));
        long request = fx.request("manager", id, "PBC-02").get("id").asLong();
        assertThat(fx.request("manager", id, "PBC-02").get("text").asText()).isEqualTo("Access review evidence; all quarters");
        assertThat(waitingAt(request)).containsExactly("Task_AnswerRequest");

        fx.answer(id, "PBC-02", "First answer", null, null, null);
        assertThat(waitingAt(request)).containsExactly("Task_ReviewAnswer");
        fx.decide("auditor", request, false, "Missing Q3");
        assertThat(waitingAt(request)).containsExactly("Task_AnswerRequest");
        assertThat(fx.request("member", id, "PBC-02").get("status").asText()).isEqualTo("NEEDS_REVISION");
        fx.answer(id, "PBC-02", "Second answer", null, null, null);
        fx.decide("auditor", request, true, "Thanks");
        assertThat(waitingAt(request)).containsExactly("ServiceTask_NotifyAccepted");
        fx.runJobs();
        assertThat(waitingAt(request)).isEmpty();
        assertThat(passed(request)).containsSubsequence("StartEvent_RequestOpened", "Gateway_AnswerAgain",
                "Task_AnswerRequest", "Task_ReviewAnswer", "Gateway_ReviewOutcome", "Gateway_AnswerAgain",
                "Task_AnswerRequest", "Task_ReviewAnswer", "Gateway_ReviewOutcome", "ServiceTask_NotifyAccepted",
                "EndEvent_RequestAccepted");
        JsonNode done = fx.request("manager", id, "PBC-02");
        assertThat(done.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(done.get("answer").asText()).isEqualTo("Second answer");
        // A decision on an accepted request changes nothing.
        ResponseEntity<JsonNode> late = fx.decide("auditor", request, false, "One more thing");
        assertThat(late.getStatusCodeValue()).isEqualTo(409);
        assertThat(late.getBody().get("message").asText()).isEqualTo("PBC-02 is accepted (decided by Otto Auditor); nothing was changed");
    }

    @Test
    void due_dates_drive_the_existing_reminders_and_the_overdue_count_on_the_moving_clock() {
        long id = fx.engagement(fx.program("Due"));
        fx.importCsv("manager", id, fx.bytes(EngagementFixture.CSV));
        JsonNode pbc1 = fx.request("manager", id, "PBC-01");
        JsonNode task = fx.as("member").getForObject("/api/tasks/" + pbc1.get("currentTaskId").asText(), JsonNode.class);
        assertThat(task.toString()).contains("2026-02-15");

        clock.setDate(LocalDate.parse("2026-02-15"));
        reminders.runOnce();
        assertThat(io.auditflow.common.SystemAuthentication.call(() -> outbox.count(null, "Audit request PBC-01"))).isPositive();
        assertThat(fx.as("manager").getForObject("/api/engagements/" + id + "/progress", JsonNode.class)
                .get("overdue").asInt()).isZero();

        clock.setDate(LocalDate.parse("2026-02-16"));
        JsonNode progress = fx.as("manager").getForObject("/api/engagements/" + id + "/progress", JsonNode.class);
        assertThat(progress.get("overdue").asInt()).isEqualTo(1);
        assertThat(fx.request("manager", id, "PBC-01").get("overdue").asBoolean()).isTrue();
        assertThat(progress.get("daysToFieldworkEnd").asLong()).isEqualTo(11);
    }

    @Test
    void two_auditors_accepting_and_sending_back_at_once_one_wins_and_the_other_gets_a_409() throws Exception {
        fx.auditors();
        long id = fx.engagement(fx.program("Race"));
        fx.invite(id, "auditor");
        fx.invite(id, "auditor2");
        fx.importCsv("manager", id, fx.bytes(EngagementFixture.CSV));
        for (String ref : List.of("PBC-01", "PBC-02")) {
            fx.answer(id, ref, "answer", null, null, null);
            long request = fx.request("manager", id, ref).get("id").asLong();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> results = new ArrayList<>();
            results.add(pool.submit(() -> {
                go.await();
                return fx.decide("auditor", request, true, null);
            }));
            results.add(pool.submit(() -> {
                go.await();
                return fx.decide("auditor2", request, false, "Not enough");
            }));
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            String conflict = null;
            for (Future<ResponseEntity<JsonNode>> f : results) {
                ResponseEntity<JsonNode> r = f.get(60, TimeUnit.SECONDS);
                codes.add(r.getStatusCode().value());
                if (r.getStatusCode().value() == 409) {
                    conflict = r.getBody().get("message").asText();
                }
            }
            pool.shutdown();
            assertThat(codes).containsExactlyInAnyOrder(200, 409);
            assertThat(conflict).startsWith(ref + " is ").endsWith("nothing was changed");
            String status = fx.request("manager", id, ref).get("status").asText();
            assertThat(status).isIn("ACCEPTED", "NEEDS_REVISION");
        }
    }
}
