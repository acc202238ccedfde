package io.auditflow.control;

import static io.auditflow.inbox.InboxFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.common.ConflictException;
import io.auditflow.common.ValidationException;
import io.auditflow.lifecycle.ControlActivityService;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Managers add, change and retire controls with history; the library and coverage follow. */
@IntegrationTest
class ControlServiceTest {

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired ControlService controls;
    @Autowired ControlActivityService library;
    @Autowired TestClock clock;

    static String code(String prefix) {
        return prefix + "_" + SEQ.incrementAndGet() + "_" + (System.nanoTime() % 100000);
    }

    static Control.Request request(String code, String name, Map<String, List<String>> reqs) {
        return new Control.Request(code, name, "platform", 3, reqs);
    }

    @Test
    void a_manager_adds_a_control_that_the_library_plans_and_that_covers_its_requirements() {
        String code = code("SIEM_REVIEW");
        Control c = as("manager", Role.COMPLIANCE_MANAGER, () -> controls.create(request(code, "Log alert review",
                Map.of("SOC2", List.of("CC7.2", "CC7.3"), "ISO27001", List.of("A.8.16"), "NIST_CSF", List.of("DE.CM-01")))));

        assertThat(c.requirements()).containsEntry("SOC2", List.of("CC7.2", "CC7.3")).containsEntry("ISO27001", List.of("A.8.16"))
                .containsEntry("NIST_CSF", List.of("DE.CM-01"));
        assertThat(library.library()).anyMatch(a -> a.code().equals(code) && a.frequencyMonths() == 3
                && a.soc2Criteria().equals("CC7.2, CC7.3") && a.isoControls().equals("A.8.16"));
        Coverage soc2 = as("manager", Role.COMPLIANCE_MANAGER, () -> controls.coverage("SOC2"));
        assertThat(soc2.rows()).filteredOn(r -> r.requirement().id().equals("CC7.3")).singleElement()
                .satisfies(r -> assertThat(r.controls()).contains(code));
    }

    @Test
    void the_seeded_library_leaves_fraud_risk_uncovered_and_covers_logical_access_twice() {
        Coverage soc2 = as("executive", Role.EXECUTIVE, () -> controls.coverage("SOC2"));
        assertThat(soc2.total()).isEqualTo(61);
        assertThat(soc2.gaps()).extracting(Requirement::id).contains("CC3.3", "PI1.1", "P8.1");
        assertThat(soc2.rows()).filteredOn(r -> r.requirement().id().equals("CC6.1")).singleElement()
                .satisfies(r -> assertThat(r.controls()).contains("PRIVILEGED_ACCESS_REVIEW", "USER_ACCESS_REVIEW"));
        Coverage iso = as("manager", Role.COMPLIANCE_MANAGER, () -> controls.coverage("ISO27001"));
        assertThat(iso.total()).isEqualTo(93);
        assertThat(iso.gaps()).extracting(Requirement::id).contains("A.7.4", "A.5.3").doesNotContain("A.8.8", "A.5.19");
    }

    @Test
    void a_change_and_a_retirement_are_kept_in_the_history_with_who_and_when() {
        String code = code("BACKUP_RESTORE_TEST");
        as("manager", Role.COMPLIANCE_MANAGER, () -> controls.create(request(code, "Backup restore test", Map.of("SOC2", List.of("A1.2")))));
        clock.advanceDays(2);
        as("admin", Role.ADMIN, () -> controls.update(code, new Control.Request(null, "Backup restore drill", "grc", 6,
                Map.of("SOC2", List.of("A1.2", "A1.3"), "ISO27001", List.of("A.8.13")))));
        clock.advanceDays(1);
        as("manager", Role.COMPLIANCE_MANAGER, () -> controls.retire(code, "Merged into the DR test"));

        List<Control.Change> history = as("member", Role.COMPLIANCE_MEMBER, () -> controls.history(code));
        assertThat(history).extracting(Control.Change::action).containsExactly("CREATED", "CHANGED", "RETIRED");
        assertThat(history.get(1).summary()).contains("name: Backup restore test -> Backup restore drill")
                .contains("owner team: platform -> grc").contains("frequency (months): 3 -> 6")
                .contains("ISO27001: - -> A.8.13").contains("SOC2: A1.2 -> A1.2, A1.3");
        assertThat(history.get(1).changedBy()).isEqualTo("admin");
        assertThat(history.get(2).summary()).isEqualTo("Retired: Merged into the DR test");
        assertThat(history.get(2).changedAt()).isEqualTo(clock.instant());
        assertThat(library.library()).noneMatch(a -> a.code().equals(code));
        Coverage soc2 = as("manager", Role.COMPLIANCE_MANAGER, () -> controls.coverage("SOC2"));
        assertThat(soc2.rows()).allMatch(r -> !r.controls().contains(code));
        assertThatThrownBy(() -> as("manager", Role.COMPLIANCE_MANAGER, () -> controls.update(code,
                request(null, "Again", Map.of())))).isInstanceOf(ConflictException.class);
    }

    @Test
    void unknown_requirement_ids_bad_codes_and_missing_fields_are_refused_field_by_field() {
        assertThatThrownBy(() -> as("manager", Role.COMPLIANCE_MANAGER, () -> controls.create(new Control.Request(
                "bad code", " ", "no-such-team", 2, Map.of("SOC2", List.of("PP1.1"), "PCI", List.of("1.1"))))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + ": " + f.message())
                        .contains("code: Give a code of 2-64 capital letters, digits or '_', starting with a letter (e.g. ACCESS_REVIEW)",
                                "name: Give the control a name", "ownerTeam: Choose an existing owner team",
                                "frequencyMonths: Choose a frequency of 1, 3, 6 or 12 months",
                                "requirements: 'PP1.1' is not a requirement of SOC2", "requirements: Unknown framework 'PCI'"));
        assertThatThrownBy(() -> as("manager", Role.COMPLIANCE_MANAGER, () -> controls.create(request("USER_ACCESS_REVIEW", "Twice", Map.of()))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).message())
                        .isEqualTo("A control with the code USER_ACCESS_REVIEW exists already"));
    }

    @Test
    void members_executives_and_auditors_cannot_change_controls() {
        for (Role role : List.of(Role.COMPLIANCE_MEMBER, Role.EXECUTIVE, Role.AUDITOR)) {
            assertThatThrownBy(() -> as("someone", role, () -> controls.create(request(code("X"), "X", Map.of()))))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
