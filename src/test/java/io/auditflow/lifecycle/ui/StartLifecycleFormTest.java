package io.auditflow.lifecycle.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.lifecycle.LifecycleRequest;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start-lifecycle form on the program page: rules by the field, then a running lifecycle. */
@IntegrationTest
class StartLifecycleFormTest extends KaribuTest {

    @Autowired ProgramService programs;
    @Autowired MilestoneService milestones;
    @Autowired LifecycleService lifecycles;

    private Long program(Framework framework) {
        EnumSet<TrustCategory> criteria = framework.isSoc2() ? EnumSet.of(TrustCategory.SECURITY, TrustCategory.PRIVACY)
                : EnumSet.noneOf(TrustCategory.class);
        return SystemAuthentication.call(() -> programs.create(new ProgramRequest("Karibu lifecycle " + UUID.randomUUID(),
                framework, criteria, null, framework == Framework.ISO27001 ? "2022" : null, "manager", "grc"))).id();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_window_longer_than_twelve_months_and_soc2_without_security_are_refused_by_the_fields_then_the_lifecycle_starts() {
        Long id = program(Framework.SOC2_TYPE2);
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("programs/" + id);

        _get(DatePicker.class, spec -> spec.withId("lifecycle-window-start")).setValue(LocalDate.of(2026, 2, 1));
        _get(IntegerField.class, spec -> spec.withId("lifecycle-window-months")).setValue(13);
        CheckboxGroup<TrustCategory> criteria = _get(CheckboxGroup.class, spec -> spec.withId("lifecycle-criteria"));
        criteria.setValue(EnumSet.of(TrustCategory.PRIVACY));
        _click(_get(Button.class, spec -> spec.withId("start-lifecycle")));

        IntegerField months = _get(IntegerField.class, spec -> spec.withId("lifecycle-window-months"));
        assertThat(months.isInvalid()).isTrue();
        assertThat(months.getErrorMessage()).contains("3 to 12 months");
        assertThat(criteria.isInvalid()).isTrue();
        assertThat(criteria.getErrorMessage()).contains("SECURITY");
        assertThat(milestones.ofProgram(id)).isEmpty();
        assertThat(lifecycles.running(id)).isEmpty();

        months.setValue(6);
        criteria.setValue(EnumSet.of(TrustCategory.SECURITY, TrustCategory.PRIVACY));
        _click(_get(Button.class, spec -> spec.withId("start-lifecycle")));

        assertThat(_find(Button.class, spec -> spec.withId("start-lifecycle"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("lifecycle-state")).getText()).contains("SOC 2 annual renewal");
        assertThat(milestones.ofProgram(id)).extracting(m -> m.getType().name()).contains("OBSERVATION_START", "OBSERVATION_END");
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("milestone-grid"));
        assertThat(grid.getGenericDataView().getItems().count()).isGreaterThanOrEqualTo(6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void stage_2_before_stage_1_is_refused_next_to_the_stage_2_field() {
        Long id = program(Framework.ISO27001);
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("programs/" + id);
        RadioButtonGroup<LifecycleRequest.IsoStart> mode = _get(RadioButtonGroup.class, spec -> spec.withId("lifecycle-iso-start"));
        assertThat(mode.getValue()).isEqualTo(LifecycleRequest.IsoStart.INITIAL);
        _get(DatePicker.class, spec -> spec.withId("lifecycle-stage1")).setValue(LocalDate.of(2026, 3, 2));
        _get(DatePicker.class, spec -> spec.withId("lifecycle-stage2")).setValue(LocalDate.of(2026, 2, 2));
        _click(_get(Button.class, spec -> spec.withId("start-lifecycle")));

        DatePicker stage2 = _get(DatePicker.class, spec -> spec.withId("lifecycle-stage2"));
        assertThat(stage2.isInvalid()).isTrue();
        assertThat(stage2.getErrorMessage()).contains("Stage 2 comes after Stage 1");
        assertThat(lifecycles.running(id)).isEmpty();
    }

    @Test
    void members_see_the_lifecycle_but_no_start_form() {
        Long id = program(Framework.SOC2_TYPE1);
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().navigate("programs/" + id);
        assertThat(_find(Button.class, spec -> spec.withId("start-lifecycle"))).isEmpty();
    }
}
