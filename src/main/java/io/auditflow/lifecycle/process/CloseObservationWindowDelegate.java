package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.MilestoneType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The window has ended: records it; occurrences without evidence count as missed. */
@Component("closeObservationWindowDelegate")
class CloseObservationWindowDelegate extends SystemDelegate {

    CloseObservationWindowDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        int cycle = ProcessSupport.cycle(ex);
        s.milestones.markDone(programId, MilestoneType.OBSERVATION_END, cycle, s.day(ex, "windowEnd"));
        ex.setVariable("missedControlActivities", s.controls.closeWindow(programId, cycle));
    }
}
