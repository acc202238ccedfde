package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.CertificateService;
import io.auditflow.lifecycle.ControlActivityService;
import io.auditflow.lifecycle.FindingService;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.lifecycle.Planner;
import io.auditflow.lifecycle.PlannedMilestone;
import io.auditflow.lifecycle.ProcessDates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** What the delegates share: the services they call and typed access to process variables. */
@Component
class ProcessSupport {

    final MilestoneService milestones;
    final Planner planner;
    final ProcessDates dates;
    final ControlActivityService controls;
    final FindingService findings;
    final CertificateService certificates;
    final RuntimeService runtime;
    final Clock clock;

    ProcessSupport(MilestoneService milestones, Planner planner, ProcessDates dates, ControlActivityService controls,
                   FindingService findings, CertificateService certificates, @Lazy RuntimeService runtime, Clock clock) {
        this.milestones = milestones;
        this.planner = planner;
        this.dates = dates;
        this.controls = controls;
        this.findings = findings;
        this.certificates = certificates;
        this.runtime = runtime;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static Long programId(VariableScope v) {
        return ((Number) v.getVariable("programId")).longValue();
    }

    static int cycle(VariableScope v) {
        Object c = v.getVariable("cycle");
        return c == null ? 1 : ((Number) c).intValue();
    }

    static long number(VariableScope v, String name) {
        Object value = v.getVariable(name);
        return value == null ? 0 : value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    LocalDate day(VariableScope v, String name) {
        return dates.toDay(v.getVariable(name));
    }

    /** The day a form recorded, or today when the form left it out. */
    LocalDate dayOrToday(VariableScope v, String name) {
        LocalDate d = day(v, name);
        return d == null ? today() : d;
    }

    void setDates(VariableScope v, Map<String, LocalDate> values) {
        values.forEach((k, d) -> v.setVariable(k, dates.toDate(d)));
    }

    void writePlan(Long programId, Iterable<PlannedMilestone> plan) {
        for (PlannedMilestone m : plan) {
            milestones.plan(programId, m.type(), m.cycle(), m.date());
        }
    }

    LocalDate planned(Long programId, MilestoneType type, int cycle) {
        return milestones.find(programId, type, cycle).map(m -> m.getPlannedDate()).orElse(null);
    }
}
