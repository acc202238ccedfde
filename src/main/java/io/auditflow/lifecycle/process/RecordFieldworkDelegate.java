package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.FindingKind;
import io.auditflow.lifecycle.MilestoneType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records fieldwork dates and raises one SOC 2 exception finding (with its corrective action) per exception. */
@Component("recordFieldworkDelegate")
class RecordFieldworkDelegate extends SystemDelegate {

    RecordFieldworkDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        int cycle = ProcessSupport.cycle(ex);
        s.milestones.markDone(programId, MilestoneType.FIELDWORK_START, cycle, s.dayOrToday(ex, "fieldworkStartedOn"));
        s.milestones.markDone(programId, MilestoneType.FIELDWORK_END, cycle, s.dayOrToday(ex, "fieldworkEndedOn"));
        long exceptions = ProcessSupport.number(ex, "exceptionCount");
        for (int i = 1; i <= exceptions; i++) {
            s.findings.raise(programId, (String) ex.getVariable("teamCode"), cycle, FindingKind.SOC2_EXCEPTION,
                    "SOC 2 exception " + i + " of " + exceptions + " (year " + cycle + ")", "SOC2_FIELDWORK");
        }
        ex.setVariable("exceptionCount", exceptions);
    }
}
