package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every enum a person can see has words in English and German; a new constant without them fails here. */
class LabelsTest {

    /** Enums that never reach a screen, a mail or a message (internal switches only). */
    private static final Set<String> INTERNAL = Set.of(
            "io.auditflow.evidence.ContentCheck$Result",
            "io.auditflow.lifecycle.FormField$Type",
            "io.auditflow.timeline.Dashboard$Tone");

    @Test
    void every_constant_of_every_user_visible_enum_has_an_english_and_a_german_label() throws Exception {
        Properties english = load("vaadin-i18n/translations.properties");
        Properties german = load("vaadin-i18n/translations_de.properties");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.auditflow")) {
            if (!type.isEnum() || INTERNAL.contains(type.getName())) {
                continue;
            }
            for (Object constant : type.reflect().getEnumConstants()) {
                String key = Labels.key((Enum<?>) constant);
                checked++;
                if (!english.containsKey(key)) {
                    missing.add("English " + key);
                }
                if (!german.containsKey(key)) {
                    missing.add("German " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void every_english_text_has_a_german_one_and_no_german_text_is_left_over() throws IOException {
        Set<String> english = new TreeSet<>(load("vaadin-i18n/translations.properties").stringPropertyNames());
        Set<String> german = new TreeSet<>(load("vaadin-i18n/translations_de.properties").stringPropertyNames());
        assertThat(german).containsExactlyInAnyOrderElementsOf(english);
    }

    @Test
    void a_label_is_read_in_the_readers_language() {
        assertThat(Labels.of(io.auditflow.lifecycle.MilestoneStatus.PLANNED, Locale.ENGLISH)).isEqualTo("Planned");
        assertThat(Labels.of(io.auditflow.lifecycle.MilestoneStatus.PLANNED, Locale.GERMAN)).isEqualTo("Geplant");
        assertThat(Labels.of(io.auditflow.lifecycle.CertificateState.VALID, Locale.forLanguageTag("de-AT"))).isEqualTo("Gültig");
        assertThat(Labels.of(io.auditflow.program.Framework.SOC2_TYPE2, Locale.FRENCH)).isEqualTo("SOC 2 Type II");
        assertThat(Labels.key(io.auditflow.control.Soa.Status.DRAFT)).isEqualTo("enum.Soa.Status.DRAFT");
    }

    @Test
    void an_english_server_default_does_not_leak_german_and_a_german_one_does_not_leak_into_english() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(Messages.get("nav.signOut", Locale.ENGLISH)).isEqualTo("Sign out");
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Messages.get("nav.signOut", Locale.GERMAN)).isEqualTo("Abmelden");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LabelsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
