package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records the issued report (opinion and date) and tells the renewal, whose open bridge letter
 * closes with it.
 */
@Component("recordReportDelegate")
class RecordReportDelegate extends SystemDelegate {

    RecordReportDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        int cycle = ProcessSupport.cycle(ex);
        LocalDate issued = s.dayOrToday(ex, "reportIssuedDate");
        s.milestones.markDone(programId, MilestoneType.REPORT_ISSUED, cycle, issued);
        s.milestones.setStatus(programId, MilestoneType.REPORT_ISSUED, cycle, MilestoneStatus.DONE,
                "Opinion: " + ex.getVariable("opinion"));
        s.runtime.createMessageCorrelation(Soc2Delegates.REPORT_ISSUED_MESSAGE)
                .processInstanceBusinessKey(LifecycleService.businessKey(programId))
                .setVariable("reportIssuedCycle", cycle)
                .setVariable("reportIssuedOn", s.dates.toDate(issued))
                .correlateAll();
    }
}
