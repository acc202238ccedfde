package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.Planner;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Read-only lookups of the planner's fieldwork countdown for BPMN expressions ({@code ${lifecycleDates...}}). */
@Component("lifecycleDates")
public class LifecycleDates {

    private final ProcessSupport s;

    LifecycleDates(ProcessSupport s) {
        this.s = s;
    }

    /** The countdown steps (days before fieldwork) still ahead. */
    public List<Integer> countdownSteps(VariableScope execution) {
        return s.planner.countdown(s.day(execution, "fieldworkStart"), s.today()).stream()
                .map(Planner.CountdownStep::daysBefore).toList();
    }

    public Date countdownOpens(VariableScope execution, Integer daysBefore) {
        return s.dates.toDate(step(execution, daysBefore).opensOn());
    }

    public Date countdownDue(VariableScope execution, Integer daysBefore) {
        return s.dates.toDate(step(execution, daysBefore).dueOn());
    }

    public String countdownTitle(Integer daysBefore) {
        return switch (daysBefore) {
            case 90 -> "Fieldwork in 90 days: confirm scope and populations";
            case 60 -> "Fieldwork in 60 days: sampling rehearsal";
            case 30 -> "Fieldwork in 30 days: answer the auditor's request list";
            case 7 -> "Fieldwork in 7 days: final check";
            default -> "Fieldwork in " + daysBefore + " days: prepare";
        };
    }

    private Planner.CountdownStep step(VariableScope execution, Integer daysBefore) {
        LocalDate fieldworkStart = s.day(execution, "fieldworkStart");
        return s.planner.countdown(fieldworkStart, LocalDate.MIN).stream()
                .filter(c -> c.daysBefore() == daysBefore).findFirst().orElseThrow();
    }
}
