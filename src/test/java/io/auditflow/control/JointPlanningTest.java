package io.auditflow.control;

import static io.auditflow.inbox.InboxFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.common.ConflictException;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Joint audits: SOC 2 fieldwork proposed in the week of the ISO audit; accepting moves it through the lifecycle. */
@IntegrationTest
class JointPlanningTest {

    @Autowired JointPlanning joint;
    @Autowired MilestoneService milestones;
    @Autowired ProgramService programs;
    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;

    @BeforeEach
    void today_is_5_january_2026() {
        clock.reset();
    }

    @Test
    void fieldwork_is_proposed_on_the_monday_of_the_surveillance_audit_week_and_accepting_moves_it() {
        String team = fixture.team("joint");
        Program soc2 = fixture.program("Joint SOC 2", team, Framework.SOC2_TYPE2);
        Program iso = fixture.program("Joint ISO", team, Framework.ISO27001);
        milestones.plan(soc2.id(), MilestoneType.FIELDWORK_START, 1, LocalDate.of(2026, 9, 14));
        milestones.plan(soc2.id(), MilestoneType.FIELDWORK_END, 1, LocalDate.of(2026, 10, 16));
        milestones.plan(iso.id(), MilestoneType.SURVEILLANCE_AUDIT_1, 1, LocalDate.of(2026, 10, 7));
        milestones.plan(iso.id(), MilestoneType.SURVEILLANCE_AUDIT_2, 1, LocalDate.of(2027, 10, 6));

        assertThat(as("executive", Role.EXECUTIVE, () -> joint.pairs()))
                .anyMatch(p -> p.soc2ProgramId().equals(soc2.id()) && p.isoProgramId().equals(iso.id()) && !p.linked());
        JointPlanning.Proposal p = as("manager", Role.COMPLIANCE_MANAGER, () -> joint.propose(soc2.id(), iso.id()));

        assertThat(p.isoMilestone()).isEqualTo(MilestoneType.SURVEILLANCE_AUDIT_1);
        assertThat(p.isoAuditDate()).isEqualTo(LocalDate.of(2026, 10, 7));
        assertThat(p.currentFieldwork()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(p.proposedFieldwork()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(p.status()).isEqualTo(JointPlanning.Status.PROPOSED);
        assertThat(as("manager", Role.COMPLIANCE_MANAGER, () -> joint.propose(soc2.id(), iso.id())).id()).isEqualTo(p.id());

        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> joint.accept(p.id())))
                .isInstanceOf(AccessDeniedException.class);
        JointPlanning.Proposal accepted = as("manager", Role.COMPLIANCE_MANAGER, () -> joint.accept(p.id()));

        assertThat(accepted.status()).isEqualTo(JointPlanning.Status.ACCEPTED);
        assertThat(accepted.decidedBy()).isEqualTo("manager");
        assertThat(milestones.find(soc2.id(), MilestoneType.FIELDWORK_START, 1).map(Milestone::getPlannedDate))
                .contains(LocalDate.of(2026, 10, 5));
        assertThatThrownBy(() -> as("manager", Role.COMPLIANCE_MANAGER, () -> joint.decline(p.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("accepted already");
        assertThatThrownBy(() -> as("manager", Role.COMPLIANCE_MANAGER, () -> joint.propose(soc2.id(), iso.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already in the week");
    }

    @Test
    void programs_of_different_teams_need_a_managers_link_before_a_proposal() {
        Program soc2 = fixture.program("Joint link SOC 2", fixture.team("a"), Framework.SOC2_TYPE2);
        Program iso = fixture.program("Joint link ISO", fixture.team("b"), Framework.ISO27001);
        milestones.plan(soc2.id(), MilestoneType.FIELDWORK_START, 1, LocalDate.of(2026, 5, 4));
        milestones.plan(soc2.id(), MilestoneType.FIELDWORK_END, 1, LocalDate.of(2026, 6, 5));
        milestones.plan(iso.id(), MilestoneType.RECERTIFICATION_AUDIT, 1, LocalDate.of(2026, 5, 21));

        assertThatThrownBy(() -> as("manager", Role.COMPLIANCE_MANAGER, () -> joint.propose(soc2.id(), iso.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("link them first");
        as("manager", Role.COMPLIANCE_MANAGER, () -> joint.link(soc2.id(), iso.id()));
        JointPlanning.Proposal p = as("manager", Role.COMPLIANCE_MANAGER, () -> joint.propose(soc2.id(), iso.id()));
        assertThat(p.proposedFieldwork()).isEqualTo(LocalDate.of(2026, 5, 18));

        JointPlanning.Proposal declined = as("manager", Role.COMPLIANCE_MANAGER, () -> joint.decline(p.id()));
        assertThat(declined.status()).isEqualTo(JointPlanning.Status.DECLINED);
        assertThat(milestones.find(soc2.id(), MilestoneType.FIELDWORK_START, 1).map(Milestone::getPlannedDate))
                .contains(LocalDate.of(2026, 5, 4));
    }

    @Test
    void the_demo_soc2_and_iso_programs_of_one_team_get_a_proposal_in_an_iso_audit_week() {
        Program soc2 = programs.list(false).stream().filter(p -> p.name().equals("Acme Cloud SOC 2 Type II")).findFirst().orElseThrow();
        Program iso = programs.list(false).stream().filter(p -> p.name().equals("Acme ISMS ISO 27001")).findFirst().orElseThrow();
        assertThat(as("manager", Role.COMPLIANCE_MANAGER, () -> joint.pairs()))
                .anyMatch(p -> p.soc2ProgramId().equals(soc2.id()) && p.isoProgramId().equals(iso.id()));

        JointPlanning.Proposal p = as("manager", Role.COMPLIANCE_MANAGER, () -> joint.propose(soc2.id(), iso.id()));

        assertThat(p.proposedFieldwork().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(p.isoAuditDate()).isBetween(p.proposedFieldwork(), p.proposedFieldwork().plusDays(6));
        assertThat(p.isoMilestone()).isIn(MilestoneType.SURVEILLANCE_AUDIT_1, MilestoneType.SURVEILLANCE_AUDIT_2,
                MilestoneType.RECERTIFICATION_AUDIT);
        as("manager", Role.COMPLIANCE_MANAGER, () -> joint.decline(p.id()));
    }

    @Test
    void the_monday_of_the_week_is_the_aligned_start() {
        assertThat(JointPlanning.alignedFieldworkStart(LocalDate.of(2026, 10, 7))).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(JointPlanning.alignedFieldworkStart(LocalDate.of(2026, 10, 5))).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(JointPlanning.alignedFieldworkStart(LocalDate.of(2026, 10, 11))).isEqualTo(LocalDate.of(2026, 10, 5));
    }
}
