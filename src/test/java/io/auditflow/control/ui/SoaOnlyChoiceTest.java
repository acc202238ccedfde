package io.auditflow.control.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoaOnlyChoiceTest {

    private static Program iso(long id) {
        return new Program(id, "ISMS " + id, Framework.ISO27001, Set.of(), null, "2022", "manager", "Maya Manager", "grc",
                "Governance, Risk & Compliance", false, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void one_iso_program_opens_its_statement_at_once_and_two_or_none_leave_the_choice_to_the_reader() {
        assertThat(SoaView.onlyChoice(List.of(iso(7)))).hasValue(7L);
        assertThat(SoaView.onlyChoice(List.of(iso(7), iso(8)))).isEmpty();
        assertThat(SoaView.onlyChoice(List.of())).isEmpty();
    }
}
