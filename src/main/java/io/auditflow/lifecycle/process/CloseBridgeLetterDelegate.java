package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The next report is out: the bridge letter's time is over. */
@Component("closeBridgeLetterDelegate")
class CloseBridgeLetterDelegate extends SystemDelegate {

    CloseBridgeLetterDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        int cycle = (int) ProcessSupport.number(ex, "reportIssuedCycle");
        LocalDate reportOn = s.dayOrToday(ex, "reportIssuedOn");
        LocalDate letter = s.day(ex, "bridgeLetterIssuedOn");
        if (letter != null) {
            s.milestones.markDone(programId, MilestoneType.BRIDGE_LETTER, cycle, letter);
            s.milestones.setStatus(programId, MilestoneType.BRIDGE_LETTER, cycle, MilestoneStatus.DONE,
                    "Closed when the next report was issued on " + reportOn);
        } else {
            s.milestones.setStatus(programId, MilestoneType.BRIDGE_LETTER, cycle, MilestoneStatus.MISSED,
                    "The report was issued on " + reportOn + " before a bridge letter went out");
        }
        ex.removeVariable("bridgeLetterIssuedOn");
    }
}
