package io.auditflow.control;

import static io.auditflow.inbox.InboxFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A joint audit is drawn on both programs' timeline lanes: dashed while proposed, solid once accepted. */
@IntegrationTest
class JointAuditTimelineTest {

    @Autowired JointPlanning joint;
    @Autowired MilestoneService milestones;
    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;
    @Autowired TestRestTemplate rest;

    @BeforeEach
    void today_is_5_january_2026() {
        clock.reset();
    }

    private String drawing(String user, String q) {
        ResponseEntity<String> r = rest.withBasicAuth(user, "demo").getForEntity("/api/timeline/drawing?range=SIX_YEARS&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @Test
    void the_proposed_then_accepted_joint_week_shows_on_the_soc2_and_the_iso_lane_with_its_text() {
        String team = fixture.team("jtl");
        Program soc2 = fixture.program("Lane SOC 2 jtl", team, Framework.SOC2_TYPE2);
        Program iso = fixture.program("Lane ISO jtl", team, Framework.ISO27001);
        // a demo-like pair: fieldwork planned mid-September, the first surveillance audit on Wednesday 7 October 2026
        milestones.plan(soc2.id(), MilestoneType.FIELDWORK_START, 1, LocalDate.of(2026, 9, 14));
        milestones.plan(soc2.id(), MilestoneType.FIELDWORK_END, 1, LocalDate.of(2026, 10, 16));
        milestones.plan(iso.id(), MilestoneType.SURVEILLANCE_AUDIT_1, 1, LocalDate.of(2026, 10, 7));
        String q = "jtl";

        assertThat(drawing("executive", soc2.name())).as("no proposal, no joint bar").doesNotContain("ov-joint");

        JointPlanning.Proposal p = as("manager", Role.COMPLIANCE_MANAGER, () -> joint.propose(soc2.id(), iso.id()));
        String proposed = drawing("executive", q);
        assertThat(proposed)
                .contains("<g class=\"ov-joint-proposed\" role=\"img\"><title>Joint audit with " + iso.name()
                        + ": 2026-10-05 – 2026-10-11 (proposed)</title>")
                .contains("<g class=\"ov-joint-proposed\" role=\"img\"><title>Joint audit with " + soc2.name()
                        + ": 2026-10-05 – 2026-10-11 (proposed)</title>")
                .doesNotContain("ov-joint-accepted");
        assertThat(proposed).as("the lane's own text reads it out")
                .contains(". Joint audit with " + iso.name() + ": 2026-10-05 – 2026-10-11 (proposed). Use the arrow keys");
        assertThat(drawing("auditor", q)).as("joint planning is not the auditor's business").doesNotContain("ov-joint");

        as("manager", Role.COMPLIANCE_MANAGER, () -> joint.accept(p.id()));
        String accepted = drawing("executive", q);
        assertThat(accepted)
                .contains("<g class=\"ov-joint-accepted\" role=\"img\"><title>Joint audit with " + iso.name()
                        + ": 2026-10-05 – 2026-10-11 (accepted)</title>")
                .contains("<title>Joint audit with " + soc2.name() + ": 2026-10-05 – 2026-10-11 (accepted)</title>")
                .doesNotContain("ov-joint-proposed");
        // only the ISO lane in view: the bar is still there and names the SOC 2 program
        assertThat(drawing("executive", iso.name())).contains("Joint audit with " + soc2.name());
    }

    @Test
    void a_declined_proposal_leaves_no_bar() {
        String team = fixture.team("jtd");
        Program soc2 = fixture.program("Lane SOC 2 jtd", team, Framework.SOC2_TYPE2);
        Program iso = fixture.program("Lane ISO jtd", team, Framework.ISO27001);
        milestones.plan(soc2.id(), MilestoneType.FIELDWORK_START, 1, LocalDate.of(2026, 5, 4));
        milestones.plan(soc2.id(), MilestoneType.FIELDWORK_END, 1, LocalDate.of(2026, 6, 5));
        milestones.plan(iso.id(), MilestoneType.RECERTIFICATION_AUDIT, 1, LocalDate.of(2026, 5, 21));
        JointPlanning.Proposal p = as("manager", Role.COMPLIANCE_MANAGER, () -> joint.propose(soc2.id(), iso.id()));
        assertThat(drawing("executive", "jtd")).contains("2026-05-18 – 2026-05-24 (proposed)");

        as("manager", Role.COMPLIANCE_MANAGER, () -> joint.decline(p.id()));

        assertThat(drawing("executive", "jtd")).doesNotContain("ov-joint");
    }

    @Test
    void the_joint_week_runs_from_the_monday_to_the_sunday_of_the_iso_audit() {
        assertThat(JointPlanning.jointWeek(LocalDate.of(2026, 10, 7)))
                .containsExactly(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 11));
    }
}
