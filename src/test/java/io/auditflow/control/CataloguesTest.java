package io.auditflow.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped catalogues and crosswalk, checked against the facts of domain.md without Spring. */
class CataloguesTest {

    final Catalogues catalogues = new Catalogues();

    private List<String> ids(String code, String kind) {
        return catalogues.catalogue(code).requirements().stream().filter(r -> kind == null || r.kind().equals(kind))
                .map(Requirement::id).toList();
    }

    @Test
    void soc2_has_exactly_the_61_criteria_of_the_2017_trust_services_criteria() {
        List<String> ids = ids("SOC2", "CRITERION");
        assertThat(ids).hasSize(61).doesNotHaveDuplicates();
        assertThat(ids.stream().filter(i -> i.startsWith("CC"))).hasSize(33);
        assertThat(ids).contains("CC1.5", "CC6.8", "CC7.5", "CC8.1", "CC9.2", "A1.3", "C1.2", "PI1.5", "P3.2", "P6.7", "P8.1")
                .doesNotContain("CC9.3", "PI1.6", "P6.8", "PP1.1");
        Map<String, Long> perGroup = catalogues.catalogue("SOC2").requirements().stream()
                .collect(Collectors.groupingBy(Requirement::group, Collectors.counting()));
        assertThat(perGroup).containsEntry("CC1", 5L).containsEntry("CC2", 3L).containsEntry("CC3", 4L).containsEntry("CC4", 2L)
                .containsEntry("CC5", 3L).containsEntry("CC6", 8L).containsEntry("CC7", 5L).containsEntry("CC8", 1L)
                .containsEntry("CC9", 2L).containsEntry("A1", 3L).containsEntry("C1", 2L).containsEntry("PI1", 5L).containsEntry("P6", 7L);
        assertThat(ids.stream().filter(i -> i.matches("P\\d\\.\\d"))).hasSize(18);
        assertThat(ids).allMatch(i -> i.matches("(CC[1-9]|A1|C1|PI1|P[1-8])\\.[1-8]"));
    }

    @Test
    void iso_27001_2022_has_93_annex_a_controls_in_four_themes_and_the_clauses_4_to_10() {
        List<String> annexA = ids("ISO27001", "ANNEX_A");
        assertThat(annexA).hasSize(93).doesNotHaveDuplicates().allMatch(i -> i.matches("A\\.[5-8]\\.\\d{1,2}"));
        Map<String, Long> perTheme = catalogues.catalogue("ISO27001").assessable().stream()
                .collect(Collectors.groupingBy(Requirement::category, Collectors.counting()));
        assertThat(perTheme).containsExactlyInAnyOrderEntriesOf(Map.of("ORGANIZATIONAL", 37L, "PEOPLE", 8L, "PHYSICAL", 14L, "TECHNOLOGICAL", 34L));
        assertThat(annexA).contains("A.5.1", "A.5.37", "A.6.8", "A.7.14", "A.8.34").doesNotContain("A.5.38", "A.6.9", "A.7.15", "A.8.35");
        List<String> clauses = ids("ISO27001", "CLAUSE");
        assertThat(clauses).contains("4.3", "5.2", "6.1.2", "6.1.3", "9.2", "9.3", "10.2")
                .allMatch(c -> c.matches("(4|5|6|7|8|9|10)(\\.\\d){1,2}"));
        assertThat(catalogues.catalogue("ISO27001").version()).isEqualTo("2022");
    }

    @Test
    void nist_csf_2_has_6_functions_22_categories_and_106_subcategories() {
        assertThat(ids("NIST_CSF", "FUNCTION")).containsExactly("GV", "ID", "PR", "DE", "RS", "RC");
        assertThat(ids("NIST_CSF", "CATEGORY")).hasSize(22).allMatch(i -> i.matches("(GV|ID|PR|DE|RS|RC)\\.[A-Z]{2}"));
        List<String> subs = ids("NIST_CSF", "SUBCATEGORY");
        assertThat(subs).hasSize(106).doesNotHaveDuplicates().allMatch(i -> i.matches("(GV|ID|PR|DE|RS|RC)\\.[A-Z]{2}-\\d{2}"));
        assertThat(subs).contains("GV.OC-01", "GV.SC-10", "ID.AM-08", "PR.DS-11", "DE.AE-08", "RS.MA-05", "RC.CO-04")
                .doesNotContain("ID.AM-06", "PR.DS-03");
        Set<String> categories = new HashSet<>(ids("NIST_CSF", "CATEGORY"));
        assertThat(catalogues.catalogue("NIST_CSF").requirements().stream().filter(r -> r.kind().equals("SUBCATEGORY")))
                .allMatch(r -> categories.contains(r.group()));
    }

    @Test
    void every_catalogue_item_has_a_title_and_no_id_appears_twice() {
        for (Catalogue c : catalogues.all()) {
            assertThat(c.requirements()).as(c.code()).allMatch(r -> r.title() != null && r.title().length() >= 3 && r.title().length() <= 120);
            assertThat(c.requirements().stream().map(Requirement::id)).as(c.code()).doesNotHaveDuplicates();
        }
        assertThat(catalogues.all()).extracting(Catalogue::code).containsExactlyInAnyOrder("SOC2", "ISO27001", "NIST_CSF");
    }

    @Test
    void every_crosswalk_id_exists_in_its_catalogue_and_every_criterion_and_annex_a_control_is_accounted_for() {
        Crosswalk w = catalogues.crosswalk("SOC2", "ISO27001");
        Catalogue soc2 = catalogues.catalogue("SOC2");
        Catalogue iso = catalogues.catalogue("ISO27001");
        assertThat(w.mappings()).allMatch(m -> soc2.contains(m.from()) && iso.contains(m.to()));
        assertThat(w.mappings()).allMatch(m -> m.rationale() != null && m.rationale().length() >= 10 && m.relationship() != null);
        assertThat(w.mappings().stream().map(m -> m.from() + ">" + m.to())).doesNotHaveDuplicates();
        Set<String> soc2Accounted = new HashSet<>();
        Set<String> isoAccounted = new HashSet<>();
        w.mappings().forEach(m -> {
            soc2Accounted.add(m.from());
            isoAccounted.add(m.to());
        });
        w.unmapped().forEach(u -> {
            assertThat(u.reason()).as(u.id()).isNotBlank();
            (u.framework().equals("SOC2") ? soc2Accounted : isoAccounted).add(u.id());
        });
        assertThat(soc2Accounted).containsAll(ids("SOC2", "CRITERION"));
        assertThat(isoAccounted).containsAll(ids("ISO27001", "ANNEX_A"));
        assertThat(w.unmapped()).extracting(Crosswalk.Unmapped::id).containsExactly("PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5");
    }

    @Test
    void the_crosswalk_keeps_the_pairs_domain_md_names_and_reads_both_ways() {
        Map<String, Crosswalk.Mapping> byPair = catalogues.crosswalk("SOC2", "ISO27001").mappings().stream()
                .collect(Collectors.toMap(m -> m.from() + ">" + m.to(), Function.identity()));
        assertThat(byPair.get("CC8.1>A.8.32").relationship()).isEqualTo(Crosswalk.Relationship.EQUIVALENT);
        assertThat(byPair).containsKeys("CC6.1>A.5.15", "CC6.3>A.5.18", "CC9.2>A.5.19", "CC7.4>A.5.26", "CC7.2>A.8.16");
        assertThat(byPair.get("CC9.2>A.5.19").relationship()).isEqualTo(Crosswalk.Relationship.SUPERSET);
        Crosswalk back = catalogues.crosswalk("iso27001", "soc2");
        assertThat(back.from()).isEqualTo("ISO27001");
        assertThat(back.mappings()).anyMatch(m -> m.from().equals("A.5.19") && m.to().equals("CC9.2")
                && m.relationship() == Crosswalk.Relationship.SUBSET);
    }

    @Test
    void a_crosswalk_naming_a_criterion_that_does_not_exist_stops_the_start() {
        assertThatThrownBy(() -> new Catalogues("classpath*:catalogues/*.json", "classpath*:catalogue-bad/crosswalk-with-pp.json"))
                .hasMessageContaining("PP1.1");
    }

    @Test
    void a_catalogue_with_a_duplicate_id_stops_the_start() {
        assertThatThrownBy(() -> new Catalogues("classpath*:catalogue-bad/duplicate-id.json", "classpath*:none/*.json"))
                .hasMessageContaining("X.1 appears twice");
    }

    @Test
    void an_unknown_framework_code_is_answered_with_the_known_ones() {
        assertThatThrownBy(() -> catalogues.catalogue("PCI\n<script>"))
                .hasMessageContaining("SOC2").hasMessageNotContaining("\n");
    }
}
