package io.auditflow.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.audit.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The "On" words of a fetch of trail rows: names for programs, people and teams, one look-up per kind. */
class AuditTargetsTest {

    /** Answers from fixed names and counts its calls. */
    static final class CountingLookup implements AuditTargets.Lookup {
        int programCalls;
        int peopleCalls;
        int teamCalls;

        @Override
        public Map<Long, String> programs(Set<Long> ids) {
            programCalls++;
            return Map.of(12L, "Acme Payments SOC 2");
        }

        @Override
        public Map<String, String> people(Set<String> usernames) {
            peopleCalls++;
            return Map.of("nora", "Nora Novak");
        }

        @Override
        public Map<String, String> teams(Set<String> codes) {
            teamCalls++;
            return Map.of("grc", "Governance, risk and compliance");
        }
    }

    private static AuditEntry entry(long seq, String target) {
        return new AuditEntry(seq, Instant.EPOCH, "admin", "TEST", target, null, "p", "h");
    }

    @Test
    void programs_people_and_teams_read_as_their_names_anything_else_as_stored() {
        Map<Long, String> on = AuditTargets.of(List.of(entry(1, "program 12"), entry(2, "user nora"),
                entry(3, "team grc"), entry(4, "mail 5"), entry(5, "program 99"), entry(6, "user gone"),
                entry(7, "program x"), entry(8, null), entry(9, "scim token")), new CountingLookup());

        assertThat(on).containsEntry(1L, "Acme Payments SOC 2").containsEntry(2L, "Nora Novak")
                .containsEntry(3L, "Governance, risk and compliance").containsEntry(4L, "mail 5")
                .containsEntry(5L, "program 99").containsEntry(6L, "user gone").containsEntry(7L, "program x")
                .containsEntry(8L, "").containsEntry(9L, "scim token");
    }

    @Test
    void a_page_of_many_rows_looks_each_kind_up_once_and_a_kind_not_on_the_page_not_at_all() {
        List<AuditEntry> page = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            page.add(entry(i, i % 2 == 0 ? "program " + i : "user person" + i));
        }
        CountingLookup lookup = new CountingLookup();

        AuditTargets.of(page, lookup);

        assertThat(lookup.programCalls).isEqualTo(1);
        assertThat(lookup.peopleCalls).isEqualTo(1);
        assertThat(lookup.teamCalls).isZero();
    }
}
