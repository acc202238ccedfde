package io.auditflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout rules of docs/decisions/0001: features without cycles, domain code without UI code. */
@AnalyzeClasses(packages = "io.auditflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule features_are_free_of_cycles =
            slices().matching("io.auditflow.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domain_code_does_not_use_ui_code = noClasses()
            .that().resideOutsideOfPackages("..ui..", "io.auditflow")
            .should().dependOnClassesThat().resideInAnyPackage("..ui..");

    @ArchTest
    static final ArchRule domain_code_does_not_use_vaadin = noClasses()
            .that().resideOutsideOfPackages("..ui..", "io.auditflow")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin.flow.component..");

    @ArchTest
    static final ArchRule time_comes_from_the_injected_clock = noClasses()
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.lang.System.class, "currentTimeMillis");
}
