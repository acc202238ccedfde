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
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Evidence once, for both: a quarterly control serving a SOC 2 and an ISO program whose periods
 * overlap for half a year. Each piece counts for every program whose period contains its date.
 */
@IntegrationTest
class EvidenceReuseTest {

    @Autowired EvidenceReuse reuse;
    @Autowired ControlService controls;
    @Autowired MilestoneService milestones;
    @Autowired InboxFixture fixture;
    @Autowired JdbcTemplate jdbc;

    private void evidence(Program program, String control, String file, LocalDate dated) {
        ControlFixtures.evidence(jdbc, program, control, file, dated);
    }

    @Test
    void evidence_counts_for_every_program_whose_period_contains_its_date_and_twice_in_one_quarter_counts_once() {
        String code = ControlServiceTest.code("ALERT_REVIEW");
        as("manager", Role.COMPLIANCE_MANAGER, () -> controls.create(new Control.Request(code, "Security alert review", "platform", 3,
                Map.of("SOC2", List.of("CC7.2"), "ISO27001", List.of("A.8.16")))));
        Program soc2 = fixture.program("Reuse SOC 2", "platform", Framework.SOC2_TYPE2);
        Program iso = fixture.program("Reuse ISO", "platform", Framework.ISO27001);
        Program unrelated = fixture.program("Reuse Type I", "platform", Framework.SOC2_TYPE1);
        milestones.plan(soc2.id(), MilestoneType.OBSERVATION_START, 1, LocalDate.of(2026, 1, 1));
        milestones.plan(soc2.id(), MilestoneType.OBSERVATION_END, 1, LocalDate.of(2026, 12, 31));
        milestones.markDone(iso.id(), MilestoneType.CERTIFICATION_DECISION, 1, LocalDate.of(2025, 7, 1));
        milestones.plan(iso.id(), MilestoneType.SURVEILLANCE_AUDIT_1, 1, LocalDate.of(2026, 6, 30));

        evidence(iso, code, "alerts-2025-08.txt", LocalDate.of(2025, 8, 15));
        evidence(soc2, code, "alerts-2026-02.txt", LocalDate.of(2026, 2, 10));
        evidence(iso, code, "alerts-2026-03.txt", LocalDate.of(2026, 3, 1));
        evidence(soc2, code, "alerts-2026-05.txt", LocalDate.of(2026, 5, 20));
        evidence(soc2, code, "alerts-2026-08.txt", LocalDate.of(2026, 8, 1));

        List<EvidenceReuse.Completeness> all = as("member", Role.COMPLIANCE_MEMBER, () -> reuse.completeness(code));
        EvidenceReuse.Completeness forSoc2 = all.stream().filter(c -> c.programId().equals(soc2.id())).findFirst().orElseThrow();
        EvidenceReuse.Completeness forIso = all.stream().filter(c -> c.programId().equals(iso.id())).findFirst().orElseThrow();

        assertThat(forSoc2.period().from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(forSoc2.period().to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(forSoc2.expected()).isEqualTo(4);
        assertThat(forSoc2.present()).isEqualTo(3);
        assertThat(forSoc2.complete()).isFalse();
        assertThat(forSoc2.counted()).extracting(EvidenceReuse.Piece::fileName)
                .containsExactly("alerts-2026-02.txt", "alerts-2026-03.txt", "alerts-2026-05.txt", "alerts-2026-08.txt");

        // The period of an ISO audit starts the day after the certification decision (decision 0014).
        assertThat(forIso.period().from()).isEqualTo(LocalDate.of(2025, 7, 2));
        assertThat(forIso.period().to()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(forIso.expected()).isEqualTo(4);
        assertThat(forIso.present()).isEqualTo(3);
        assertThat(forIso.counted()).extracting(EvidenceReuse.Piece::fileName)
                .containsExactly("alerts-2025-08.txt", "alerts-2026-02.txt", "alerts-2026-03.txt", "alerts-2026-05.txt");

        assertThat(all).noneMatch(c -> c.programId().equals(unrelated.id()) && c.period() != null);
    }

    @Test
    void a_missing_quarter_filled_later_makes_the_iso_period_complete() {
        String code = ControlServiceTest.code("FIREWALL_REVIEW");
        as("manager", Role.COMPLIANCE_MANAGER, () -> controls.create(new Control.Request(code, "Firewall rule review", "platform", 6,
                Map.of("ISO27001", List.of("A.8.20")))));
        Program iso = fixture.program("Reuse ISO complete", "platform", Framework.ISO27001);
        milestones.markDone(iso.id(), MilestoneType.CERTIFICATION_DECISION, 1, LocalDate.of(2025, 7, 1));
        milestones.plan(iso.id(), MilestoneType.SURVEILLANCE_AUDIT_1, 1, LocalDate.of(2026, 6, 30));
        evidence(iso, code, "fw-h1.txt", LocalDate.of(2025, 9, 1));

        EvidenceReuse.Completeness before = as("member", Role.COMPLIANCE_MEMBER, () -> reuse.completeness(code)).stream()
                .filter(c -> c.programId().equals(iso.id())).findFirst().orElseThrow();
        assertThat(before.expected()).isEqualTo(2);
        assertThat(before.present()).isEqualTo(1);
        evidence(iso, code, "fw-h2.txt", LocalDate.of(2026, 4, 2));
        EvidenceReuse.Completeness after = as("member", Role.COMPLIANCE_MEMBER, () -> reuse.completeness(code)).stream()
                .filter(c -> c.programId().equals(iso.id())).findFirst().orElseThrow();
        assertThat(after.present()).isEqualTo(2);
        assertThat(after.complete()).isTrue();
    }
}
