package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.CertificateState;
import io.auditflow.lifecycle.FindingKind;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.lifecycle.Planner;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records an external audit, raises its nonconformities and observations (each starts a corrective
 * action) and decides what comes next: a certification decision after Stage 2 and recertification,
 * otherwise the next surveillance audit.
 */
@Component("recordExternalAuditDelegate")
class RecordExternalAuditDelegate extends SystemDelegate {

    RecordExternalAuditDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        int cycle = ProcessSupport.cycle(ex);
        MilestoneType type = MilestoneType.valueOf((String) ex.getVariable("auditType"));
        LocalDate held = s.dayOrToday(ex, "auditHeldOn");
        s.milestones.markDone(programId, type, cycle, held);
        if (type == MilestoneType.SURVEILLANCE_AUDIT_1) {
            // Surveillance 2 follows the day surveillance 1 was really held, earlier or later than planned.
            s.milestones.plan(programId, MilestoneType.SURVEILLANCE_AUDIT_2, cycle, Planner.surveillance2(held));
        }
        raise(ex, programId, cycle, FindingKind.MAJOR_NONCONFORMITY, "majorNonconformities", type);
        raise(ex, programId, cycle, FindingKind.MINOR_NONCONFORMITY, "minorNonconformities", type);
        raise(ex, programId, cycle, FindingKind.OBSERVATION, "observations", type);
        s.certificates.find(programId).filter(c -> c.state() == CertificateState.AT_RISK)
                .ifPresent(c -> s.certificates.setState(programId, CertificateState.VALID, type.label() + " held on " + held));
        boolean decision = type == MilestoneType.STAGE2_AUDIT || type == MilestoneType.RECERTIFICATION_AUDIT;
        ex.setVariable("decisionNeeded", decision);
        if (decision) {
            int decisionCycle = type == MilestoneType.RECERTIFICATION_AUDIT ? cycle + 1 : cycle;
            LocalDate due = held.plusDays(s.planner.settings().decisionAfterStage2Days());
            s.milestones.plan(programId, MilestoneType.CERTIFICATION_DECISION, decisionCycle, due);
            ex.setVariable("decisionDue", s.dates.toDate(due));
        } else {
            ex.setVariable("nextAudit", type == MilestoneType.SURVEILLANCE_AUDIT_1
                    ? MilestoneType.SURVEILLANCE_AUDIT_2.name() : MilestoneType.RECERTIFICATION_AUDIT.name());
        }
    }

    private void raise(DelegateExecution ex, Long programId, int cycle, FindingKind kind, String variable, MilestoneType type) {
        long count = ProcessSupport.number(ex, variable);
        for (int i = 1; i <= count; i++) {
            s.findings.raise(programId, (String) ex.getVariable("teamCode"), cycle, kind,
                    kind.label() + " " + i + " of " + count + " from the " + type.label().toLowerCase(), type.name());
        }
        ex.setVariable(variable, 0L);
    }
}
