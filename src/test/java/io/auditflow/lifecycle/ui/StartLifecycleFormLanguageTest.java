package io.auditflow.lifecycle.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.lifecycle.LifecycleRequest;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start form in German: labels, and the service's refusals next to the fields in German with German dates. */
@IntegrationTest
class StartLifecycleFormLanguageTest extends KaribuTest {

    @Autowired ProgramService programs;
    @Autowired LifecycleService lifecycles;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Long isoProgram() {
        return SystemAuthentication.call(() -> programs.create(new ProgramRequest("Lebenszyklus " + UUID.randomUUID(),
                Framework.ISO27001, EnumSet.noneOf(TrustCategory.class), null, "2022", "manager", "grc"))).id();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_german_manager_is_told_in_german_that_stage_2_comes_after_stage_1_with_a_german_date() {
        Long id = isoProgram();
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("programs/" + id);

        DatePicker stage1 = _get(DatePicker.class, spec -> spec.withId("lifecycle-stage1"));
        assertThat(stage1.getLabel()).isEqualTo("Stufe-1-Audit");
        assertThat(_get(Button.class, spec -> spec.withId("start-lifecycle")).getText()).isEqualTo("Lebenszyklus starten");
        stage1.setValue(LocalDate.of(2026, 12, 24));
        _get(DatePicker.class, spec -> spec.withId("lifecycle-stage2")).setValue(LocalDate.of(2026, 12, 1));
        _click(_get(Button.class, spec -> spec.withId("start-lifecycle")));

        DatePicker stage2 = _get(DatePicker.class, spec -> spec.withId("lifecycle-stage2"));
        assertThat(stage2.isInvalid()).isTrue();
        assertThat(stage2.getErrorMessage()).isEqualTo("Stufe 2 folgt auf Stufe 1 (24.12.2026)");
        assertThat(lifecycles.running(id)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_held_day_in_the_future_is_refused_in_german_with_today_written_the_german_way() {
        clock.setDate(LocalDate.of(2026, 12, 24));
        Long id = isoProgram();
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("programs/" + id);
        RadioButtonGroup<LifecycleRequest.IsoStart> mode = _get(RadioButtonGroup.class, spec -> spec.withId("lifecycle-iso-start"));
        assertThat(mode.getItemLabelGenerator().apply(LifecycleRequest.IsoStart.EXISTING)).isEqualTo("Bestehendes Zertifikat");
        mode.setValue(LifecycleRequest.IsoStart.EXISTING);
        _get(DatePicker.class, spec -> spec.withId("lifecycle-decision")).setValue(LocalDate.of(2026, 6, 1));
        _get(DatePicker.class, spec -> spec.withId("lifecycle-surveillance1-held")).setValue(LocalDate.of(2027, 1, 10));
        _click(_get(Button.class, spec -> spec.withId("start-lifecycle")));

        DatePicker held = _get(DatePicker.class, spec -> spec.withId("lifecycle-surveillance1-held"));
        assertThat(held.getErrorMessage())
                .isEqualTo("Ein Tag, an dem etwas geschah, kann nicht in der Zukunft liegen (heute ist der 24.12.2026)");
        assertThat(held.getHelperText()).startsWith("Leer gelassen:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_same_refusal_in_english_reads_as_before() {
        Long id = isoProgram();
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("programs/" + id);
        _get(DatePicker.class, spec -> spec.withId("lifecycle-stage1")).setValue(LocalDate.of(2026, 12, 24));
        _get(DatePicker.class, spec -> spec.withId("lifecycle-stage2")).setValue(LocalDate.of(2026, 12, 1));
        _click(_get(Button.class, spec -> spec.withId("start-lifecycle")));

        DatePicker stage2 = _get(DatePicker.class, spec -> spec.withId("lifecycle-stage2"));
        assertThat(stage2.getLabel()).isEqualTo("Stage 2 audit (default 6 weeks later)");
        assertThat(stage2.getErrorMessage()).isEqualTo("Stage 2 comes after Stage 1 (2026-12-24)");
    }
}
