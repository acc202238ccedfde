package io.auditflow.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Coverage on literal examples: which requirements have a control behind them, and which are gaps. */
class CoverageTest {

    static final List<Requirement> FOUR = List.of(
            new Requirement("CC6.1", "CRITERION", "CC6", "SECURITY", "Logical access"),
            new Requirement("CC6.2", "CRITERION", "CC6", "SECURITY", "New users"),
            new Requirement("CC7.2", "CRITERION", "CC7", "SECURITY", "Monitoring"),
            new Requirement("CC8.1", "CRITERION", "CC8", "SECURITY", "Change management"));

    @Test
    void requirements_without_a_control_are_the_gaps() {
        Coverage c = Coverage.of("SOC2", FOUR, Map.of(
                "ACCESS_REVIEW", Set.of("CC6.1", "CC6.2"),
                "SIEM_REVIEW", Set.of("CC7.2", "A.8.16")));
        assertThat(c.total()).isEqualTo(4);
        assertThat(c.covered()).isEqualTo(3);
        assertThat(c.gaps()).extracting(Requirement::id).containsExactly("CC8.1");
    }

    @Test
    void a_requirement_lists_every_control_behind_it_in_code_order() {
        Coverage c = Coverage.of("SOC2", FOUR, Map.of(
                "PRIVILEGED_REVIEW", Set.of("CC6.1"),
                "ACCESS_REVIEW", Set.of("CC6.1")));
        assertThat(c.rows().get(0).controls()).containsExactly("ACCESS_REVIEW", "PRIVILEGED_REVIEW");
        assertThat(c.covered()).isEqualTo(1);
        assertThat(c.gaps()).extracting(Requirement::id).containsExactly("CC6.2", "CC7.2", "CC8.1");
    }

    @Test
    void no_controls_means_everything_is_a_gap_and_no_requirements_means_no_gap() {
        assertThat(Coverage.of("SOC2", FOUR, Map.of()).gaps()).hasSize(4);
        Coverage empty = Coverage.of("SOC2", List.of(), Map.of("X", Set.of("CC6.1")));
        assertThat(empty.total()).isZero();
        assertThat(empty.gaps()).isEmpty();
    }
}
