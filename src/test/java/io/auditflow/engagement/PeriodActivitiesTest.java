package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.program.Program;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Expected versus done for the audited period (issue 11), on the moving clock: a Type II engagement
 * over 2025-07-01..2025-12-31 with a quarterly access review and a yearly penetration test.
 */
@IntegrationTest
class PeriodActivitiesTest {

    @Autowired EngagementFixture fx;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void occurrence(Program p, String code, int cycle, int seq, String opens, String due, String doneOn, String status) {
        jdbc.update("insert into control_occurrence (program_id, activity_code, cycle, seq, opens_on, due_on, done_on, result, status)"
                        + " values (?,?,?,?,?,?,?,?,?)", p.id(), code, cycle, seq, LocalDate.parse(opens), LocalDate.parse(due),
                doneOn == null ? null : LocalDate.parse(doneOn), doneOn == null ? null : "PASS", status);
    }

    @Test
    void auditors_see_each_activity_of_the_period_with_expected_done_overdue_and_missed_and_the_dates() {
        Program p = fx.program("Expected vs done");
        long id = fx.engagement(p);
        fx.invite(id, "auditor");
        occurrence(p, "USER_ACCESS_REVIEW", 1, 1, "2025-06-01", "2025-06-30", "2025-06-20", "DONE");  // before the period
        occurrence(p, "USER_ACCESS_REVIEW", 1, 2, "2025-09-01", "2025-09-30", "2025-09-25", "DONE");
        occurrence(p, "USER_ACCESS_REVIEW", 1, 3, "2025-12-01", "2025-12-31", null, "PLANNED");
        occurrence(p, "PENETRATION_TEST", 1, 1, "2025-11-01", "2025-11-30", null, "PLANNED");
        occurrence(p, "USER_ACCESS_REVIEW", 2, 1, "2026-03-01", "2026-03-31", null, "PLANNED");  // the next window

        clock.setDate(LocalDate.of(2025, 12, 15));
        JsonNode list = fx.as("auditor").getForObject("/api/engagements/" + id + "/control-activities", JsonNode.class);
        assertThat(list).hasSize(2);
        JsonNode review = find(list, "USER_ACCESS_REVIEW");
        assertThat(review.get("frequency").asText()).isEqualTo("QUARTERLY");
        assertThat(counts(review)).isEqualTo("expected 2, done 1, overdue 0, missed 0, not due 1");
        assertThat(review.get("occurrences").get(0).get("dueOn").asText()).isEqualTo("2025-09-30");
        assertThat(review.get("occurrences").get(0).get("doneOn").asText()).isEqualTo("2025-09-25");
        assertThat(review.get("occurrences").get(0).get("state").asText()).isEqualTo("DONE");
        assertThat(review.get("occurrences").get(1).get("opensOn").asText()).isEqualTo("2025-12-01");
        assertThat(review.get("occurrences").get(1).get("state").asText()).isEqualTo("NOT_DUE_YET");
        JsonNode pentest = find(list, "PENETRATION_TEST");
        assertThat(pentest.get("frequency").asText()).isEqualTo("ANNUAL");
        assertThat(counts(pentest)).isEqualTo("expected 1, done 0, overdue 1, missed 0, not due 0");

        // Due on 31 December is due that day, overdue from 1 January (common.Due).
        clock.setDate(LocalDate.of(2025, 12, 31));
        assertThat(counts(find(fx.as("auditor").getForObject("/api/engagements/" + id + "/control-activities", JsonNode.class),
                "USER_ACCESS_REVIEW"))).isEqualTo("expected 2, done 1, overdue 0, missed 0, not due 1");
        clock.setDate(LocalDate.of(2026, 1, 1));
        assertThat(counts(find(fx.as("manager").getForObject("/api/engagements/" + id + "/control-activities", JsonNode.class),
                "USER_ACCESS_REVIEW"))).isEqualTo("expected 2, done 1, overdue 1, missed 0, not due 0");

        // When the window closes, what has no evidence is missed.
        jdbc.update("update control_occurrence set status = 'MISSED' where program_id = ? and cycle = 1 and status = 'PLANNED'", p.id());
        JsonNode closed = fx.as("member").getForObject("/api/engagements/" + id + "/control-activities", JsonNode.class);
        assertThat(counts(find(closed, "USER_ACCESS_REVIEW"))).isEqualTo("expected 2, done 1, overdue 0, missed 1, not due 0");
        assertThat(counts(find(closed, "PENETRATION_TEST"))).isEqualTo("expected 1, done 0, overdue 0, missed 1, not due 0");
    }

    @Test
    void a_program_without_occurrences_in_the_period_lists_nothing() {
        long id = fx.engagement(fx.program("No activities"));
        assertThat(fx.as("manager").getForObject("/api/engagements/" + id + "/control-activities", JsonNode.class)).isEmpty();
    }

    private static JsonNode find(JsonNode list, String code) {
        for (JsonNode a : list) {
            if (a.get("activityCode").asText().equals(code)) {
                return a;
            }
        }
        throw new AssertionError("no " + code + " in " + list);
    }

    private static String counts(JsonNode a) {
        return "expected " + a.get("expected").asInt() + ", done " + a.get("done").asInt() + ", overdue " + a.get("overdue").asInt()
                + ", missed " + a.get("missed").asInt() + ", not due " + a.get("notDueYet").asInt();
    }
}
