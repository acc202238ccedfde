package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.PlannedMilestone;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.lifecycle.Planner;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Picks the next external audit (Stage 2, surveillance 1 or 2, recertification), its date and
 * deadline, and the due dates of the internal audit and management review before it.
 */
@Component("prepareExternalAuditDelegate")
class PrepareExternalAuditDelegate extends SystemDelegate {

    PrepareExternalAuditDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        int cycle = ProcessSupport.cycle(ex);
        MilestoneType type = MilestoneType.valueOf((String) ex.getVariable("nextAudit"));
        LocalDate planned = s.planned(programId, type, cycle);
        if (planned == null) {
            planned = s.today().plusDays(s.planner.settings().stage2AfterStage1Days());
        }
        LocalDate deadline = s.certificates.find(programId)
                .map(c -> s.planner.auditDeadline(type, c.decisionDate(), actualOrPlanned(programId,
                        MilestoneType.SURVEILLANCE_AUDIT_1, cycle), c.expiryDate()))
                .orElse(null);
        if (deadline == null) {
            deadline = planned.plusDays(90);
        }
        Planner.AuditSlot slot = s.planner.scheduleAudit(planned, deadline, s.today());
        s.milestones.apply(programId, new PlannedMilestone(type, cycle, slot.date(), null, slot.status(), slot.note()));
        Map<String, LocalDate> prep = s.planner.auditPreparation(slot.date(), deadline, s.today());
        s.setDates(ex, prep);
        ex.setVariable("auditType", type.name());
        ex.setVariable("auditTitle", type.label());
        s.milestones.replan(programId, MilestoneType.INTERNAL_AUDIT, cycle, prep.get("internalAuditDue"));
        s.milestones.replan(programId, MilestoneType.MANAGEMENT_REVIEW, cycle, prep.get("managementReviewDue"));
    }

    private LocalDate actualOrPlanned(Long programId, MilestoneType type, int cycle) {
        return s.milestones.find(programId, type, cycle)
                .map(m -> m.getActualDate() != null ? m.getActualDate() : m.getPlannedDate()).orElse(s.today());
    }
}
