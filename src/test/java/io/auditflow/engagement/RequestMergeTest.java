package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The merge rule of a joint request list on literal rows and a literal excerpt of our crosswalk. */
class RequestMergeTest {

    // from crosswalks/soc2-iso27001.json: CC7.2 EQUIVALENT A.8.16, CC6.2 EQUIVALENT A.5.16 (CC6.1 is a SUPERSET of A.5.15)
    private static final Set<String> EQUIVALENT = Set.of("CC7.2|A.8.16", "CC6.2|A.5.16");

    private static RequestMerge.Plan plan(List<RequestForm> rows) {
        return RequestMerge.plan(rows, id -> id.startsWith("CC"), id -> id.startsWith("A."),
                (a, b) -> EQUIVALENT.contains(a + "|" + b));
    }

    private static RequestForm row(String ref, String criteria, String due) {
        return new RequestForm(ref, "Text of " + ref, criteria, due == null ? null : LocalDate.parse(due), "grc");
    }

    @Test
    void an_equivalent_pair_becomes_one_request_with_both_references_and_the_earlier_due_date() {
        RequestMerge.Plan p = plan(List.of(row("SOC-1", "CC6.1", "2026-10-01"), row("SOC-2", "CC6.2", "2026-10-01"),
                row("SOC-3", "CC7.2", "2026-10-09"), row("ISO-1", "A.5.15", "2026-10-05"), row("ISO-2", "A.8.2", "2026-10-05"),
                row("ISO-3", "A.8.16", "2026-10-05")));

        assertThat(p.summary()).isEqualTo("6 requests, 2 merged into 1");
        assertThat(p.requests()).extracting(RequestForm::reference)
                .containsExactly("SOC-1", "SOC-2", "SOC-3+ISO-3", "ISO-1", "ISO-2");
        RequestForm merged = p.requests().get(2);
        assertThat(merged.criteria()).isEqualTo("CC7.2, A.8.16");
        assertThat(merged.dueDate()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(merged.text()).isEqualTo("Text of SOC-3\n[ISO-3] Text of ISO-3");
        assertThat(p.merges()).singleElement().satisfies(m -> assertThat(m.reason()).isEqualTo("CC7.2 is equivalent to A.8.16"));
    }

    @Test
    void rows_of_one_framework_never_merge_and_each_iso_row_is_taken_once() {
        RequestMerge.Plan p = plan(List.of(row("S1", "CC7.2", null), row("S2", "CC7.2", null), row("I1", "A.8.16", null),
                row("S3", "CC6.2", null), row("M1", "CC6.2, A.5.16", null)));

        assertThat(p.summary()).isEqualTo("5 requests, 2 merged into 1");
        assertThat(p.requests()).extracting(RequestForm::reference).containsExactly("S1+I1", "S2", "S3", "M1");
    }

    @Test
    void a_combined_reference_longer_than_40_characters_keeps_the_soc2_reference() {
        RequestMerge.Plan p = plan(List.of(row("SOC-" + "x".repeat(30), "CC7.2", null), row("ISO-" + "y".repeat(10), "A.8.16", null)));
        assertThat(p.requests()).extracting(RequestForm::reference).containsExactly("SOC-" + "x".repeat(30));
        assertThat(p.requests().get(0).criteria()).isEqualTo("CC7.2, A.8.16");
    }
}
